"""Printed documents: the session note (a record copy), the case summary and progress
report (with reportlab.graphics charts of the readings), client handouts and the
five-step overview, built with reportlab's platypus.

Builders take plain dataclasses defined here, never a database session; the services in
services/documents.py gather the data, call a builder and write the audit row. This
package imports only the domain, reportlab and the standard library (a test enforces it),
so every document can be built and checked without a practice or a window.

Clinician documents share layout.py's page template ("Confidential", page X of Y) and
the embedded fonts.
"""
