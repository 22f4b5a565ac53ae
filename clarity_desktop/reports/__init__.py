"""Printed documents: the session note (a record copy), client handouts and the five-step
overview, built with reportlab's platypus.

Builders take plain dataclasses defined here, never a database session; the services in
services/documents.py gather the data, call a builder and write the audit row. This
package imports only the domain, reportlab and the standard library (a test enforces it),
so every document can be built and checked without a practice or a window.

Designed to grow: the case summary and the progress report (with reportlab.graphics
charts of the readings) will be further modules beside note.py, sharing layout.py's
clinician page template ("Confidential", page X of Y) and fonts.
"""
