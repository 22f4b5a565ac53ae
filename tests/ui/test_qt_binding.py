"""Guards the Qt binding itself: shiboken6 6.12.0 under Python 3.11 dropped a reference
to None on every Qt call returning nothing, so a long session would crash the program
with "deallocating None". This fails on such a build."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_qt_calls_returning_nothing_keep_none_alive() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        probe.setObjectName("probe")
    assert before - sys.getrefcount(None) < 100
