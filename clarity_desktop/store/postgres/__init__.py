"""PostgreSQL behind the storage seam: the group practice's shared server (issue 13)."""
