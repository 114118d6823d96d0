from .follows import Follow, Frequency
from .reports import Report
from .threads import Post, Soort, Thread

__all__ = ["Follow", "Frequency", "Post", "Report", "Soort", "Thread"]
