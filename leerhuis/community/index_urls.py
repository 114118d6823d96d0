"""/gesprekken/ itself and /gesprekken/nieuw/: the conversations index and starting one."""

urlpatterns = []
