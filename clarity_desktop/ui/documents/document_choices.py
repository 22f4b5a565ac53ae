"""The left side of the document dialog: which document, for whom, on which paper.

The panel only collects choices; it announces each change with the delay the preview
should wait (typing waits longer than a click), and hands out a frozen DocumentChoice.

Safety: in a case with a safety flag every handout is the safety-aware version
(practices for one person in place of joint exercises) and shows a warning with a tick
box; a couple case opens on the first partner's own handout rather than the joint one,
and "Both together" warns more strongly. See DocumentDialog for what the tick allows.

Privacy: the case summary and the progress report leave out readings from private
individual sessions and the safety note's text unless the clinician ticks them here;
both ticks start cleared every time the dialog opens.

Language: a handout and the five steps overview are printed in the handout language on
the client's record (services.handout_language); for a couple whose partners differ the
choice starts on English and a hint says to choose.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clarity_desktop.domain.document_kinds import IN_CHOSEN_LANGUAGE, IN_CLIENT_LANGUAGE
from clarity_desktop.domain.document_kinds import DocumentKind as Kind
from clarity_desktop.domain.languages import Language
from clarity_desktop.domain.records import CaseKind
from clarity_desktop.domain.steps import Step
from clarity_desktop.services import handouts_given
from clarity_desktop.services.document_audit import first_name
from clarity_desktop.services.dto import CaseDetail, NoteView, PartnerView
from clarity_desktop.services.handout_documents import MAX_MESSAGE
from clarity_desktop.ui.common import dates, labels, language
from clarity_desktop.ui.common.languages import language_name
from clarity_desktop.ui.common.numbers import filled
from clarity_desktop.ui.documents import choice_groups, choice_parts
from clarity_desktop.ui.documents.document_kinds import (
    CHECK_IN_CHOICES,
    CONTENT_CHOICES,
    DATE_CHOICES,
    HANDOUT_CHOICES,
    PLAN_CHOICES,
    DocumentChoice,
    DocumentKind,
)
from clarity_desktop.ui.documents.language_choice import LanguageChoice

CLICK_MS = 400  # a click, a new step, another page size
TYPING_MS = 900  # names and the message: wait for a pause in typing
JOINT = 0  # the id of "Both together" among the partner ids (which start at 1)


class ChoicesPanel(QWidget):
    changed = Signal(int)  # how long the preview should wait before rebuilding, in ms

    def __init__(
        self,
        case: CaseDetail,
        note: NoteView | None,
        kinds: tuple[DocumentKind, ...],
        page_size: str,
        initial: Kind | None = None,
        parent: QWidget | None = None,
        *,
        plan_versions: tuple[tuple[int, bool], ...] = (),
        plan_current: int | None = None,
        measures: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.note = note
        self.kinds = kinds
        self.partners: tuple[PartnerView, ...] = tuple(
            sorted(case.partners, key=lambda p: p.position)
        )
        self.couple = case.kind is CaseKind.COUPLE and len(self.partners) > 1

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._kind_group(initial))
        # Made before the handout's group, which sets it.
        self.language_group = LanguageChoice(case)
        self.language_group.changed.connect(self.changed.emit)
        self.handout_group = self._handout_group()
        layout.addWidget(self.handout_group)
        layout.addWidget(self.language_group)
        self.dates_group = self._dates_group()
        layout.addWidget(self.dates_group)
        contents = choice_groups.contents_group(
            case.safety_flag and bool(case.safety_note.strip()),
            lambda: self.changed.emit(CLICK_MS),
        )
        self.contents_group = contents.group
        self.include_private, self.include_safety = (
            contents.include_private,
            contents.include_safety,
        )
        self.safety_hint = contents.safety_hint
        layout.addWidget(self.contents_group)
        plan = choice_groups.plan_group(
            plan_versions, plan_current, lambda: self.changed.emit(CLICK_MS)
        )
        self.plan_group, self.plan_version = plan.group, plan.version
        self.plan_acknowledgement = plan.acknowledgement
        layout.addWidget(self.plan_group)
        check_in = choice_groups.check_in_group(
            [(p.id, p.name, language_name(p.language)) for p in self.partners],
            measures,
            lambda: self.changed.emit(CLICK_MS),
        )
        self.check_in_group = check_in.group
        self.check_in_partner, self.check_in_measure = check_in.partner, check_in.measure
        layout.addWidget(self.check_in_group)
        paper = choice_groups.paper_group(page_size, lambda: self.changed.emit(CLICK_MS))
        self.page_size, self.protect = paper.page_size, paper.protect
        self.password, self.repeat = paper.password, paper.repeat
        layout.addWidget(paper.group)
        layout.addStretch(1)
        self._kind_changed()

    # ----- building -------------------------------------------------------------------

    def _kind_group(self, initial: Kind | None) -> QGroupBox:
        group = QGroupBox(self.tr("Document"))
        box = QVBoxLayout(group)
        self.kind_buttons = QButtonGroup(self)
        self.kind_radios: dict[Kind, QRadioButton] = {}
        keys = [k.key for k in self.kinds]
        chosen = initial if initial in keys else (Kind.NOTE if Kind.NOTE in keys else Kind.HANDOUT)
        for i, k in enumerate(self.kinds):
            radio = QRadioButton(k.title())
            radio.setChecked(k.key == chosen)
            self.kind_buttons.addButton(radio, i)
            self.kind_radios[k.key] = radio
            box.addWidget(radio)
        self.kind_buttons.idToggled.connect(self._kind_toggled)
        return group

    def _handout_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Handout"))
        form = QFormLayout(group)
        self.step = QComboBox()
        self.step.setAccessibleName(self.tr("Step of the handout"))
        for step in Step:
            self.step.addItem(labels.step_label(step), int(step))
        self.step.currentIndexChanged.connect(lambda _i: self.changed.emit(CLICK_MS))
        form.addRow(self.tr("S&tep"), self.step)
        if any(p.current_step for p in self.partners):
            recorded = "; ".join(
                f"{first_name(p.name)}: "
                + (labels.step_label(p.current_step) if p.current_step else self.tr("none yet"))
                for p in self.partners
            )
            form.addRow("", choice_parts.hint(self.tr("Recorded steps: %s") % recorded))
        else:
            form.addRow("", choice_parts.hint(self.tr("No step is recorded for this case yet.")))

        self.who = QButtonGroup(self)
        if self.couple:
            column = QVBoxLayout()
            both = QRadioButton(self.tr("Both together"))
            self.who.addButton(both, JOINT)
            column.addWidget(both)
            for p in self.partners:
                alone = QRadioButton(self.tr("%s alone") % first_name(p.name))
                self.who.addButton(alone, p.id)
                column.addWidget(alone)
            # A flagged case opens on one partner's own handout; joint is a deliberate choice.
            start = self.partners[0].id if self.case.safety_flag else JOINT
            self.who.button(start).setChecked(True)
            for_label = QLabel(self.tr("&For"))
            for_label.setBuddy(self.who.button(start))
            form.addRow(for_label, column)
            self.who.idToggled.connect(self._who_toggled)

        self.safety, self.safety_warning, self.safety_tick = choice_parts.safety_box()
        self.safety_tick.toggled.connect(lambda _on: self.changed.emit(0))
        form.addRow(self.safety)

        names_row = QHBoxLayout()
        self.names: dict[int, QLineEdit] = {}
        for p in self.partners:
            edit = QLineEdit(first_name(p.name))
            edit.setPlaceholderText(self.tr("First name"))
            edit.setAccessibleName(filled(self.tr("Name printed for partner %d"), p.position))
            edit.textChanged.connect(lambda _t: self.changed.emit(TYPING_MS))
            self.names[p.id] = edit
            names_row.addWidget(edit)
        names_label = QLabel(self.tr("N&ames on it"))
        names_label.setBuddy(self.names[self.partners[0].id])
        form.addRow(names_label, names_row)

        message_label = QLabel(self.tr("Your &message to them"))
        self.message = choice_parts.message_edit()
        self.message.textChanged.connect(self._message_changed)
        message_label.setBuddy(self.message)
        form.addRow(message_label)
        form.addRow(self.message)
        self.message_count = choice_parts.hint("")
        form.addRow(
            choice_parts.hint(
                self.tr(
                    "Whatever you type here is printed in the handout exactly as written. "
                    "Nothing from your notes is ever added."
                )
            )
        )
        form.addRow(self.message_count)
        # Printing or saving records which handout went to whom (the brief, the case
        # summary and Today read it); one tick, on unless the therapist clears it.
        self.given_session = handouts_given.default_session(
            self.case, self.note.session_id if self.note is not None else None
        )
        self.record_given = QCheckBox(
            self.tr("Record it as &given at the session of %s")
            % dates.day(self.given_session.starts_at.date())
            if self.given_session is not None
            else self.tr("Record it as &given (no session recorded yet)")
        )
        self.record_given.setObjectName("recordGiven")
        self.record_given.setChecked(True)
        form.addRow(self.record_given)
        self._who_changed()
        self._message_changed()
        return group

    def _update_language(self) -> None:
        steps = not self.is_handout()  # the overview: for both partners
        who = self.who_id()
        self.language_group.follow(None if steps or who == JOINT else who)

    def _dates_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Period"))
        form = QFormLayout(group)
        # The last three months by default, but not from before the case was opened.
        today = QDate.currentDate()
        opened = self.case.opened_on
        start = max(today.addMonths(-3), QDate(opened.year, opened.month, opened.day))
        self.date_from = QDateEdit(min(start, today))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(dates.DATE_FORMAT)
            edit.dateChanged.connect(lambda _d: self.changed.emit(CLICK_MS))
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to.setAccessibleName(self.tr("To date"))
        form.addRow(self.tr("&From"), self.date_from)
        form.addRow(self.tr("&To"), self.date_to)
        return group

    # ----- reacting -------------------------------------------------------------------

    def _kind_toggled(self, _id: int, on: bool) -> None:
        if on:  # each change toggles two buttons; react to the one switched on
            self._kind_changed()

    def _who_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._who_changed()

    def _kind_changed(self) -> None:
        current = self.kind()
        self.handout_group.setVisible(HANDOUT_CHOICES in current.choices)
        self.language_group.setVisible(current.key in IN_CLIENT_LANGUAGE)
        self._update_language()
        self.dates_group.setVisible(DATE_CHOICES in current.choices)
        self.contents_group.setVisible(CONTENT_CHOICES in current.choices)
        self.plan_group.setVisible(PLAN_CHOICES in current.choices)
        self.check_in_group.setVisible(CHECK_IN_CHOICES in current.choices)
        self._update_safety()
        self.changed.emit(CLICK_MS)

    def _who_changed(self) -> None:
        # Each handout in a flagged case is considered on its own: a tick given for one
        # partner's handout does not carry over to the joint one.
        self.safety_tick.setChecked(False)
        who = self.who_id()
        for pid, edit in self.names.items():
            edit.setVisible(who == JOINT or pid == who or not self.couple)
        self.step.setCurrentIndex(self.step.findData(int(self.default_step())))
        self._update_language()
        self._update_safety()
        self.changed.emit(CLICK_MS)

    def _message_changed(self) -> None:
        length = len(self.message.toPlainText().strip())
        self.message_count.setText(
            self.tr("%s of %s characters") % (f"{length:,}", f"{MAX_MESSAGE:,}")
        )
        self.changed.emit(TYPING_MS)

    def _update_safety(self) -> None:
        if self.is_joint_handout():
            text = self.tr(
                "This case has a safety flag. A handout addressed to both partners may not "
                "be safe to give; consider each partner's own handout instead. Its practices "
                "are for one person, never exercises to do together."
            )
        else:
            text = self.tr(
                "This case has a safety flag, so this handout has practices for one person "
                "in place of joint exercises. Nothing on it mentions safety."
            )
        self.safety_warning.setText(text)
        self.safety.setVisible(self.safety_needed())

    # ----- reading --------------------------------------------------------------------

    def kind(self) -> DocumentKind:
        return self.kinds[max(0, self.kind_buttons.checkedId())]

    def choose_kind(self, key: Kind) -> None:
        self.kind_radios[key].setChecked(True)

    def who_id(self) -> int:
        """JOINT for both partners, else the partner's id (the only one in an individual
        case)."""
        if not self.couple:
            return self.partners[0].id
        return self.who.checkedId()

    def choose_who(self, who: int) -> None:
        button = self.who.button(who)
        if button is not None:
            button.setChecked(True)

    def default_step(self) -> Step:
        """The chosen partner's recorded step; for both together their shared step, or the
        earlier of the two (meeting the couple where the partner further back stands)."""
        who = self.who_id()
        steps = [p.current_step for p in self.partners if who in (JOINT, p.id)]
        recorded = [s for s in steps if s is not None]
        return min(recorded) if recorded else Step.NOTICE_THE_SHIFT

    def is_joint_handout(self) -> bool:
        return HANDOUT_CHOICES in self.kind().choices and self.couple and self.who_id() == JOINT

    def is_handout(self) -> bool:
        return HANDOUT_CHOICES in self.kind().choices

    def safety_needed(self) -> bool:
        """Every handout in a case with a safety flag needs the therapist's confirmation."""
        return self.case.safety_flag and self.is_handout()

    def chosen_language(self) -> Language:
        return self.language_group.chosen()

    def given(self) -> tuple[Step, int | None, int | None, Language] | None:
        """(step, partner id or None for both, session id, language) to record once this
        handout is printed or saved; None when it is not a handout or the tick is cleared."""
        if not self.is_handout() or not self.record_given.isChecked():
            return None
        who = self.who_id()
        session = self.given_session.id if self.given_session is not None else None
        step = Step(int(self.step.currentData()))
        return step, None if who == JOINT else who, session, self.chosen_language()

    def chosen_page_size(self) -> str:
        return str(self.page_size.currentData())

    def choice(self, *, acknowledge_safety: bool = False) -> DocumentChoice:
        current = self.kind()
        who = self.who_id()
        names: tuple[str, ...] = ()
        step: Step | None = None
        if HANDOUT_CHOICES in current.choices:
            step = Step(int(self.step.currentData()))
            names = tuple(self.names[p.id].text() for p in self.partners if who in (JOINT, p.id))
        day_from = day_to = None
        if DATE_CHOICES in current.choices:
            day_from, day_to = (choice_parts.day(e.date()) for e in (self.date_from, self.date_to))
        contents = CONTENT_CHOICES in current.choices
        plan = PLAN_CHOICES in current.choices
        check_in = CHECK_IN_CHOICES in current.choices
        partner_id = None if who == JOINT else who
        if check_in:
            partner_id = self.check_in_partner.currentData()
        return DocumentChoice(
            kind=current.key,
            case_id=self.case.id,
            page_size=self.chosen_page_size(),
            note_id=self.note.id if self.note is not None else None,
            step=step,
            partner_id=partner_id,
            first_names=names,
            message=self.message.toPlainText(),
            date_from=day_from,
            date_to=day_to,
            session_day=self.note.session_starts_at.date() if self.note is not None else None,
            acknowledge_safety=acknowledge_safety,
            include_private_readings=contents and self.include_private.isChecked(),
            include_safety_note=contents and self.include_safety.isChecked(),
            plan_version=self.plan_version.currentData() if plan else None,
            acknowledgement=plan and self.plan_acknowledgement.isChecked(),
            measure=self.check_in_measure.currentData() if check_in else None,
            language=(
                self.chosen_language()
                if current.key in IN_CLIENT_LANGUAGE
                else Language(language.current())  # a clinician document: the window's
                if current.key in IN_CHOSEN_LANGUAGE
                else None
            ),
        )
