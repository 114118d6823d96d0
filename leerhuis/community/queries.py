"""What the thread page reads: its posts with their authors, organisations and quotes, in a
fixed number of queries however long the conversation is."""

from django.db.models import Case, CharField, F, Q, Value, When

from leerhuis.community.models import Post
from members.models import Affiliation

PER_PAGE = 20


def with_people(posts):
    """Posts with their author, the author's organisation (only a verified link counts) and
    the quoted post with its author, in the same query."""
    return posts.select_related("author", "quote", "quote__author").annotate(
        author_organisation=Case(
            When(
                author__affiliation__status__in=Affiliation.LINKED,
                then=F("author__affiliation__organisation__name"),
            ),
            default=Value(""),
            output_field=CharField(),
        )
    )


def replies_of(thread):
    """Every reply in the order written: deleted and hidden ones keep their place."""
    return with_people(Post.objects.filter(thread=thread).replies().in_order())


def opening_of(thread):
    return with_people(Post.objects.filter(thread=thread, is_opening=True)).first()


def answer_of(thread):
    if thread.answer_id is None:
        return None
    return with_people(Post.objects.filter(pk=thread.answer_id, thread=thread)).first()


def page_number_of(post, per_page=PER_PAGE):
    """The page of the thread that shows `post` (the opening is on the first)."""
    if post.is_opening:
        return 1
    earlier = Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    before = Post.objects.filter(thread_id=post.thread_id).replies().filter(earlier).count()
    return before // per_page + 1
