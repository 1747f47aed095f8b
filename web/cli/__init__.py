"""The `flask` commands: the database, staff accounts, demo data, backups and the privacy purge."""
