"""Cases: the list, the open case, its dialog, and the actions on cases and sessions."""
