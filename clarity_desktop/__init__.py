"""Clarity Desktop: records and session notes for couples and relationship therapists."""

__version__ = "0.1.0"
APP_NAME = "Clarity Desktop"
