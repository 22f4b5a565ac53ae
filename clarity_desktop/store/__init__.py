"""Storage: the backend interface (backend.py) with SQLite/SQLCipher behind it (sqlite/),
models, migrations, key handling, unit of work."""
