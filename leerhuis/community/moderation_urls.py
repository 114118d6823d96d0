"""/gesprekken/bijdrage/<pk>/melden/: reporting a post (moderators work in the admin)."""

urlpatterns = []
