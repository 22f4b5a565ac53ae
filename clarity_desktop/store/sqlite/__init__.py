"""SQLite (SQLCipher) behind the storage seam (store/backend.py): SqliteBackend in backend.py."""
