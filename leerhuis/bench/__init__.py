"""`make bench`: the benchmark of issue 21. Serves the site with gunicorn on a large dataset
and loads it from a second process; every figure is a ratio to a bare Django view measured in
the same run. Installed only by leerhuis.settings.bench; nothing else imports it."""
