"""Storage: SQLCipher database, key handling, models, migrations, unit of work."""
