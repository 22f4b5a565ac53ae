"""Documents: the document dialog, preview, export, the session brief, client import."""
