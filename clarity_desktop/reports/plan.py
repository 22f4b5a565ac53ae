"""The treatment plan as a clinician document: one version of a case's plan, as signed (or
marked DRAFT on every page while it is not), headed "For clinicians" like the other
clinician PDFs. Sections follow the owners (the couple, then each partner): what they bring,
their goals with objectives and target dates; then the interventions, the review date and
the "while we are unsure" agreement with its review date.

With ``acknowledgement`` the last page carries a short acknowledgement and a signature
line for each partner, for a plan reviewed with the clients; the words say the plan was
talked through, not that anyone committed to staying or leaving.

The program's words print in the language asked for (reports/clinician_words.py, as for
the note and the summary); what the clinician wrote, and the owners' names, pass whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.plans import Owner, PlanContent
from clarity_desktop.domain.progress import Progress
from clarity_desktop.reports import layout, styles
from clarity_desktop.reports.clinician_words import Words, words
from clarity_desktop.reports.layout import Destination, PageSizeName
from clarity_desktop.reports.text import markup

CLINICIANS_ONLY = "For clinicians – not for clients"
DRAFT_MARK = "DRAFT — not signed"
ACKNOWLEDGEMENT = (
    "We have talked this plan through with our therapist. It describes what we are working "
    "on while we find our way; it asks no decision of either of us."
)


@dataclass(frozen=True)
class PlanDocument:
    """One version of the plan, with the names a page needs. Times are local."""

    clinician: str
    case_id: int
    case_name: str
    owners: tuple[tuple[Owner, str], ...]  # the sections in order: (None, "The couple"), ...
    version: int
    content: PlanContent
    signed_by: str | None = None
    signed_at: datetime | None = None
    printed_at: datetime | None = None
    acknowledgement: bool = False
    partners: tuple[str, ...] = ()  # who signs the acknowledgement
    language: Language = Language.EN  # the program's words; what was written passes whole

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    @property
    def words(self) -> Words:
        return words(self.language)


def _day(value: date | None, w: Words) -> str:
    return w.day(value) if value is not None else w("not set")


def plan_story(doc: PlanDocument) -> list[Any]:
    st, w = styles.clinician(), doc.words
    case = w("{name} (case {id})", name=doc.case_name, id=doc.case_id)
    story: list[Any] = [
        Paragraph(w("Treatment plan"), st.title),
        Paragraph(markup(f"{case} · {w('version {n}', n=doc.version)}"), st.subtitle),
        Spacer(1, 8),
    ]
    c = doc.content
    for owner, title in doc.owners:
        concerns, goals = c.concerns_of(owner), c.goals_of(owner)
        if not concerns and not goals:
            continue
        block: list[Any] = [Paragraph(markup(title), st.heading)]
        if concerns:
            block.append(Paragraph(w("Brings"), st.label))
            block += [Paragraph(markup(x.text), st.bullet, bulletText="•") for x in concerns]
        story.append(KeepTogether(block))
        for n, g in enumerate(goals, start=1):
            goal = w("Goal {n}: {text}", n=n, text=g.text)
            lines: list[Any] = [Paragraph(markup(goal), st.body)]
            for o in g.objectives:
                due = w(" — by {day}", day=w.day(o.target_on)) if o.target_on else ""
                lines.append(Paragraph(markup(f"{o.text}{due}"), st.bullet, bulletText="–"))
            story.append(KeepTogether([Spacer(1, 3), *lines]))
    if c.interventions:
        story.append(Paragraph(w("Interventions"), st.heading))
        story += [Paragraph(markup(i), st.bullet, bulletText="•") for i in c.interventions]
    story.append(Paragraph(w("Review"), st.heading))
    review = w("Plan review on {day}.", day=_day(c.review_on, w))
    story.append(Paragraph(markup(review), st.body))
    if c.agreement:
        story.append(
            KeepTogether(
                [
                    Paragraph(w("While we are unsure"), st.heading),
                    Paragraph(markup(c.agreement), st.body),
                    Paragraph(
                        markup(
                            w(
                                "To be looked at again on {day}.",
                                day=_day(c.agreement_review_on, w),
                            )
                        ),
                        st.label,
                    ),
                ]
            )
        )
    story.append(Spacer(1, 12))
    if doc.signed and doc.signed_at is not None:
        who = doc.signed_by or doc.clinician
        when = w.day_and_time(doc.signed_at, zone=True)
        closing = w("This plan was signed electronically by {who} on {when}.", who=who, when=when)
    else:
        closing = f"{w(DRAFT_MARK)}."
    story.append(Paragraph(markup(closing), st.label))
    if doc.acknowledgement:
        story.append(_acknowledgement(doc, st))
    return story


def _acknowledgement(doc: PlanDocument, st: Any) -> Any:
    w = doc.words
    rows = [
        [Paragraph(markup(name), st.body), w("Signature"), "", w("Date"), ""]
        for name in doc.partners
    ]
    table = Table(
        rows,
        colWidths=[38 * layout.MM, 20 * layout.MM, 58 * layout.MM, 12 * layout.MM, 30 * layout.MM],
        rowHeights=[14 * layout.MM] * len(rows),
        hAlign="LEFT",
    )
    table.setStyle(
        layout.table_style(
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LINEBELOW", (2, 0), (2, -1), 0.6, (0.3, 0.3, 0.3)),
            ("LINEBELOW", (4, 0), (4, -1), 0.6, (0.3, 0.3, 0.3)),
            ("FONTSIZE", (1, 0), (3, -1), 8.5),
        )
    )
    return KeepTogether(
        [
            Spacer(1, 14),
            Paragraph(w("Acknowledgement"), st.heading),
            Paragraph(markup(w(ACKNOWLEDGEMENT)), st.body),
            Spacer(1, 4),
            table,
        ]
    )


def build_plan(
    doc: PlanDocument,
    out: Destination = None,
    *,
    page_size: PageSizeName = "A4",
    password: str | None = None,
    progress: Progress | None = None,
) -> bytes | None:
    """Write the plan's PDF to *out* (a path or binary file), or return its bytes."""
    w = doc.words
    printed = w(" · printed {when}", when=w.day_and_time(doc.printed_at)) if doc.printed_at else ""
    version = w("version {n}", n=doc.version)
    footer = layout.fit_footer(
        w("Treatment plan") + " · {name} · " + version + printed, doc.case_name, page_size
    )
    furniture = layout.Furniture(
        header_left=w(
            "Confidential clinical record · {clinicians_only}", clinicians_only=w(CLINICIANS_ONLY)
        ),
        header_right=w("Treatment plan") if doc.signed else w(DRAFT_MARK),
        header_right_alert=not doc.signed,
        footer_left=footer,
        watermark="" if doc.signed else w("DRAFT"),
        page_label=w("Page {page} of {total}"),
    )
    title = f"{w('Treatment plan')} — {doc.case_name} — {version}"
    return layout.finish(
        plan_story(doc),
        out,
        info=layout.DocumentInfo(
            title=title if doc.signed else f"{title} ({w('DRAFT')})",
            author=doc.clinician,
            subject=w("Treatment plan"),
        ),
        furniture=furniture,
        page_size=page_size,
        margins=layout.CLINICIAN_MARGINS,
        password=password,
        progress=progress,
    )
