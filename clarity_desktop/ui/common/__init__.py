"""What every part of the window shares: the worker, events, dates, look, settings, models."""
