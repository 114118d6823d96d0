def connect():
    """Wire the signals of events/ (called from EventsConfig.ready)."""
