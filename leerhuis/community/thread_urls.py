"""/gesprekken/: the conversations index and one thread, with posting, editing and answers."""

urlpatterns = []
