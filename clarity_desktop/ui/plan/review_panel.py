"""The plan review on screen: per goal of the plan in force, whose it is, the notes linked to
it since the last review (date and progress mark, each a link that opens the note) with a
count per mark, then how each partner's measures moved over the same time.

Written as rich-text labels rather than item views: a review is read top to bottom like a
page, and links keep each note one click (or Tab and Enter) away. Every text the clinician
wrote (goals, comments) is escaped before it goes into the markup.

The measures are said plainly and without a verdict: "rose" and "fell", "a reliable rise"
only where the definition gives a reliable-change value, never better or worse.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.instruments import Band, Change
from clarity_desktop.domain.plans import ProgressMark
from clarity_desktop.services.plan_goals import GoalReview, PlanReview
from clarity_desktop.services.review_measures import MeasureCourse, Movement, PartnerCourse
from clarity_desktop.ui.common import dates, labels, language

TITLE = 'style="margin-top:6px; margin-bottom:2px"'
INDENT = 'style="margin-left:18px; margin-top:0px; margin-bottom:0px"'
DEEPER = 'style="margin-left:36px; margin-top:0px; margin-bottom:0px"'
SECTION = 'style="font-size:large; margin-top:14px; margin-bottom:0px"'


def number(value: float) -> str:
    """A score as the user's locale writes it: whole numbers bare, others to one decimal."""
    rounded = round(value, 1)
    places = 0 if rounded == int(rounded) else 1
    return QLocale().toString(float(rounded), "f", places)


class ReviewPanel(QWidget):
    session_requested = Signal(int)  # a linked note's session, to open it
    since_changed = Signal()  # the day the review starts from was chosen or let go

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.other_day = QCheckBox(self.tr("From another day:"))
        self.other_day.setToolTip(
            self.tr("Review from a day of your choosing instead of the signing of the plan")
        )
        self.since = QDateEdit(QDate.currentDate())
        self.since.setDisplayFormat(dates.DATE_FORMAT)
        self.since.setCalendarPopup(True)
        self.since.setAccessibleName(self.tr("Review from this day"))
        self.since.setEnabled(False)
        self.other_day.toggled.connect(self.since.setEnabled)
        self.other_day.toggled.connect(lambda *_: self.since_changed.emit())
        self.since.dateChanged.connect(lambda *_: self._since_edited())
        row = QHBoxLayout()
        row.setContentsMargins(9, 0, 9, 0)  # in line with the review's text below
        row.addWidget(self.other_day)
        row.addWidget(self.since)
        row.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setFrameShape(QFrame.Shape.NoFrame)
        self.area.setAccessibleName(self.tr("Plan review"))
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.area.setWidget(self._body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        outer.addLayout(row)
        outer.addWidget(self.area, 1)
        self.heading = QLabel()
        self.empty = QLabel()
        self.earlier = QLabel()
        self.goal_labels: list[QLabel] = []
        self.measure_labels: list[QLabel] = []
        self.set_review(None, {})

    def chosen_since(self) -> date | None:
        """The day picked with "From another day", or None for the signing of the plan."""
        if not self.other_day.isChecked():
            return None
        picked = self.since.date()
        return date(picked.year(), picked.month(), picked.day())

    def _since_edited(self) -> None:
        if self.other_day.isChecked():
            self.since_changed.emit()

    # -- building -----------------------------------------------------------------------

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.goal_labels, self.measure_labels = [], []

    def _label(self, html: str) -> QLabel:
        label = QLabel(html)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        label.linkActivated.connect(self._link)
        self._layout.addWidget(label)
        return label

    def _earlier_html(self, review: PlanReview) -> str:
        """Links made before the day the review starts from are left out; say how many,
        with a link that reviews from the first of them (a plan just revised would
        otherwise look as if nothing had been worked on)."""
        if not review.earlier or review.first_linked_on is None:
            return ""
        n = review.earlier
        said = (
            self.tr("1 goal mark from an earlier session is not in this review.")
            if n == 1
            else self.tr("%1 goal marks from earlier sessions are not in this review.").replace(
                "%1", str(n)
            )
        )
        first = review.first_linked_on
        go = self.tr("Review from %1").replace("%1", dates.day(first))
        return f"<p>{escape(said)} <a href='since:{first.isoformat()}'>{escape(go)}</a></p>"

    def review_from(self, day: date) -> None:
        """Tick "From another day" on *day*: the review is read again from there."""
        self.since.blockSignals(True)
        self.since.setDate(QDate(day.year, day.month, day.day))
        self.since.blockSignals(False)
        if self.other_day.isChecked():
            self.since_changed.emit()
        else:
            self.other_day.setChecked(True)

    def _link(self, href: str) -> None:
        if href.startswith("since:"):
            self.review_from(date.fromisoformat(href.removeprefix("since:")))
        elif href.startswith("session:"):
            self.session_requested.emit(int(href.removeprefix("session:")))

    def set_review(self, review: PlanReview | None, names: dict[int, str]) -> None:
        self._clear()
        self.heading = self._label(f"<p {SECTION}><b>{escape(self._heading(review))}</b></p>")
        self.empty = self._label("")
        self.empty.hide()
        if review is None:
            return
        if review.version is None:
            self.empty.setText(
                escape(
                    self.tr("No signed plan yet: once a version is signed, its goals show here.")
                )
            )
            self.empty.show()
        elif not any(g.notes for g in review.goals) and not review.earlier:
            self.empty.setText(
                escape(
                    self.tr(
                        "No note has been linked to a goal since the review. In a session "
                        "note, tick the goals it worked on under “Goals worked on”."
                    )
                )
            )
            self.empty.show()
        self.earlier = self._label(self._earlier_html(review))
        self.earlier.setVisible(bool(review.earlier))
        for goal in review.goals:
            self.goal_labels.append(self._label(self._goal_html(goal, names)))
        self._layout.addSpacing(10)
        measured = self.tr("Measures over the same time")
        self._label(f"<p {SECTION}><b>{escape(measured)}</b></p>")
        if not review.measures:
            self.measure_labels.append(
                self._label(escape(self.tr("No measure has been answered in this case yet.")))
            )
        for course in review.measures:
            self.measure_labels.append(self._label(self._measure_html(course, names)))

    def _heading(self, review: PlanReview | None) -> str:
        if review is None:
            return self.tr("Open a case to review its plan.")
        if review.since is None:
            return self.tr("Review over the whole case")
        if review.version is not None and review.version.signed_at is not None:
            signed = dates.local(review.version.signed_at).date()
            if signed == review.since:
                return (
                    self.tr("Review since version %1 was signed, %2")
                    .replace("%1", str(review.version.version))
                    .replace("%2", dates.day(review.since))
                )
        return self.tr("Review since %1").replace("%1", dates.day(review.since))

    # -- goals --------------------------------------------------------------------------

    def _goal_html(self, goal: GoalReview, names: dict[int, str]) -> str:
        owner = goal.goal.owner
        whose = self.tr("The couple") if owner is None else names.get(owner, "?")
        text = goal.goal.text.splitlines()[0] if goal.goal.text else ""
        parts = [f"<p {TITLE}><b>{escape(whose)}</b>: {escape(text)}</p>"]
        if not goal.notes:
            none = self.tr("No note linked yet.")
            parts.append(f"<p {INDENT}><i>{escape(none)}</i></p>")
            return "".join(parts)
        counts = [
            self.tr("%1: %2").replace("%1", labels.label(m)).replace("%2", str(goal.count(m)))
            for m in ProgressMark
            if goal.count(m)
        ]
        parts.append(f"<p {INDENT}>{escape(' · '.join(counts))}</p>")
        for note in goal.notes:
            day = escape(dates.day(note.starts_at.date()))
            line = f'<a href="session:{note.session_id}">{day}</a> · {escape(labels.label(note.progress))}'
            if note.comment:
                line += f" — {escape(note.comment)}"
            if note.private:
                private = self.tr("private")
                line += f" <i>({escape(private)})</i>"
            if not note.signed:
                draft = self.tr("draft")
                line += f" <i>({escape(draft)})</i>"
            parts.append(f"<p {DEEPER}>{line}</p>")
        return "".join(parts)

    # -- measures -----------------------------------------------------------------------

    def _measure_html(self, course: MeasureCourse, names: dict[int, str]) -> str:
        lang = language.current()
        title = course.instrument.title.in_language(lang)
        parts = [f"<p {TITLE}><b>{escape(title)}</b></p>"]
        for score in course.scores:
            indent = INDENT
            score_title = score.scoring.title.in_language(lang)
            if score_title != title:
                parts.append(f"<p {INDENT}><i>{escape(score_title)}</i></p>")
                indent = DEEPER
            for partner in score.partners:
                said = self._partner_text(partner, names.get(partner.partner_id, "?"))
                parts.append(f"<p {indent}>{escape(said)}</p>")
            if score.gap is not None:
                parts.append(f"<p {indent}>{escape(self._gap_text(score.gap))}</p>")
        return "".join(parts)

    def _partner_text(self, partner: PartnerCourse, name: str) -> str:
        course = partner.course
        then, now = course.then, course.now
        if now is None:
            if partner.answered_since:
                say = self.tr("%1: %2 on %3, one answer so far")
            else:
                say = self.tr("%1: %2 on %3, no answer since the review")
            return (
                say.replace("%1", name)
                .replace("%2", number(then.value))
                .replace("%3", dates.day(then.answered_on))
            )
        text = (
            self.tr("%1: %2 → %3")
            .replace("%1", name)
            .replace("%2", number(then.value))
            .replace("%3", number(now.value))
        )
        calls = {
            Change.RELIABLE_RISE: self.tr("a reliable rise"),
            Change.RELIABLE_FALL: self.tr("a reliable fall"),
            Change.WITHIN_NOISE: self.tr("within the usual wobble"),
        }
        if partner.change is not None:
            text += ", " + calls[partner.change]
        if now.band is not None and now.band != then.band:
            text += ", " + (
                self.tr("now at or above the cut-off")
                if now.band is Band.AT_OR_ABOVE
                else self.tr("now below the cut-off")
            )
        return text

    def _gap_text(self, gap: Movement) -> str:
        if gap.now is None:
            return self.tr("Gap between them: %1").replace("%1", number(gap.then.value))
        return (
            self.tr("Gap between them: %1 → %2")
            .replace("%1", number(gap.then.value))
            .replace("%2", number(gap.now.value))
        )
