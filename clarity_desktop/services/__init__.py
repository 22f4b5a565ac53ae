"""Use cases, one function per thing a clinician does. Each takes an open practice's unit
of work, does the work in one transaction with its audit row, and returns read-only
dataclasses. The GUI and the CLI call the same functions."""
