"""What the rest of the community tells the notifications: a post appeared, people were
mentioned. Called after the post is stored (in the same transaction); every mail goes
through the outbox, keyed so each is sent once."""


def post_published(post, mentioned=()):
    """A new thread's opening or a reply is in: tell those mentioned and the followers of the
    thread, its themes and its group who want to hear at once."""
