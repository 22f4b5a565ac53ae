"""The readings of a session note, as the record copy prints them.

Readings are saved with the note and locked with its signature, so the record copy
shows them: where each attending partner stood between withdrawing and pursuing, their
stance and clarity, flooding, the direction taking shape, and at joint sessions the
couple's loop. Blank means "not observed", so a value that was not recorded is left out
rather than printed as a zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Paragraph, Table

from clarity_desktop.domain.dynamics import CoupleReading, PartnerReading, position_label
from clarity_desktop.reports import layout, styles
from clarity_desktop.reports.clinician_words import ENGLISH, Words
from clarity_desktop.reports.text import markup


@dataclass(frozen=True)
class PartnerReadingRow:
    """One attending partner's reading, under the name the note prints for them."""

    name: str
    reading: PartnerReading


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def partner_line(reading: PartnerReading, w: Words = ENGLISH) -> str:
    bits = []
    if reading.position is not None:
        bits.append(
            w(
                "Pursue/withdraw {value} ({label})",
                value=_signed(reading.position),
                label=w(position_label(reading.position)),
            )
        )
    if reading.stance is not None:
        bits.append(w("Stance {n} (0 leaning to leave, 10 leaning to stay)", n=reading.stance))
    if reading.clarity is not None:
        bits.append(w("Clarity {n} of 10", n=reading.clarity))
    if reading.flooded:
        bits.append(
            w("Flooded: {note}", note=reading.flooding_note)
            if reading.flooding_note
            else w("Flooded")
        )
    if reading.direction is not None:
        bits.append(w("Direction taking shape: {direction}", direction=w(reading.direction.title)))
    return " · ".join(bits) if bits else w("Nothing recorded")


def couple_line(reading: CoupleReading, w: Words = ENGLISH) -> str:
    bits = []
    loops = [w(title) for title in sorted(loop.title for loop in reading.loops)]
    if reading.loop_other:
        loops.append(reading.loop_other)
    if loops:
        bits.append(w("Loops: {loops}", loops="; ".join(loops)))
    if reading.intensity is not None:
        bits.append(w("Intensity {n} of 10", n=reading.intensity))
    if reading.trigger:
        bits.append(w("What set it off: {trigger}", trigger=reading.trigger))
    if reading.co_regulation is not None:
        said = w("yes") if reading.co_regulation else w("no")
        note = f" {reading.co_regulation_note}" if reading.co_regulation_note else ""
        bits.append(w("Co-regulation: {said}.", said=said) + note)
    if reading.repair_attempts is not None:
        if reading.repairs_landed is None:
            bits.append(w("Repairs: {n} landed", n=reading.repair_attempts))
        else:
            bits.append(
                w(
                    "Repairs: {landed} of {n} landed",
                    landed=reading.repairs_landed,
                    n=reading.repair_attempts,
                )
            )
    return " · ".join(bits) if bits else w("Nothing recorded")


def readings_story(
    partners: tuple[PartnerReadingRow, ...],
    couple: CoupleReading | None,
    *,
    signed: bool,
    w: Words = ENGLISH,
) -> list[Any]:
    """The "Readings" heading and a label/value table, or "None recorded"."""
    st = styles.clinician()
    rows = [(row.name, partner_line(row.reading, w)) for row in partners]
    if couple is not None and not couple.is_empty:
        rows.append((w("The couple's loop"), couple_line(couple, w)))
    if not rows:
        return [Paragraph(w("Readings"), st.heading), Paragraph(w("None recorded."), st.body)]
    lock = w(
        "Readings recorded with this note; locked by the signature."
        if signed
        else "Readings recorded with this draft; not yet locked."
    )
    table = Table(
        [
            [Paragraph(markup(label), st.label), Paragraph(markup(value), st.body)]
            for label, value in rows
        ],
        colWidths=[44 * layout.MM, None],
        hAlign="LEFT",
    )
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    return [Paragraph(w("Readings"), st.heading), Paragraph(markup(lock), st.small), table]
