"""The note editor and its parts, and a session's bar, dialog, mode and review."""
