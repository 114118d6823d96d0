"""/mijn-leerhuis/volgen/: what I follow, how often I hear of it, and the one-click stop."""

urlpatterns = []
