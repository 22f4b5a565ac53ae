"""Plain-Python clinical vocabulary and rules. Imports nothing else of ours."""
