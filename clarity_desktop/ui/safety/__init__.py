"""Safety-related dialogs: calling a session off."""
