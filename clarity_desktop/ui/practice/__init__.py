"""The practice itself: unlock, passphrase, recovery key, backups, audit, Today."""
