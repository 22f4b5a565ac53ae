"""SQLAlchemy 2 models. Portable types only: the same models serve SQLite now and
PostgreSQL later. Dialect-specific parts (full-text search, triggers) live in
store/sqlite/fts.py and store/sqlite/triggers.py and are created by the migrations (which
freeze their own copy of that DDL).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from clarity_desktop.domain.identity import Role
from clarity_desktop.domain.markers import MarkerKind
from clarity_desktop.domain.records import CaseKind, CaseStatus, Modality
from clarity_desktop.domain.schedule import SessionStatus
from clarity_desktop.domain.steps import Direction
from clarity_desktop.domain.supervision import ReviewState
from clarity_desktop.domain.templates import Template
from clarity_desktop.store.types import (
    EnumText,
    ServerDate,
    ServerText,
    UtcDateTime,
    WallClockDateTime,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PracticeInfo(Base):
    """One row: who this practice is, so a stray SQLCipher file is never taken for ours."""

    __tablename__ = "practice_info"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[str] = mapped_column(String(36))
    signature: Mapped[str] = mapped_column(String(40))
    clinician_name: Mapped[str] = mapped_column(String(120))
    clinician_credentials: Mapped[str] = mapped_column(String(120))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class User(Base):
    """A person who acts in the practice (revision 0008). A solo practice has one, made
    from the clinician's name and credentials. Users are disabled, never deleted: audit
    rows, signatures and addenda keep pointing at them."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "role IN ('clinician', 'administrator', 'supervisor', 'front_desk')", name="role"
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[Role] = mapped_column(EnumText(Role, 16))  # solo: clinician (0008's check)
    signature: Mapped[str] = mapped_column(String(250))  # "Name, credentials" on a signed note
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint("kind IN ('couple', 'individual')", name="kind"),
        CheckConstraint("status IN ('active', 'closed')", name="status"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Bumped by every save (revision 0010): a save against a row changed since it was read
    # updates nothing and fails, so two people never silently overwrite each other.
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    kind: Mapped[CaseKind] = mapped_column(EnumText(CaseKind, 16))
    display_name: Mapped[str] = mapped_column(ServerText(120), index=True)
    relationship_structure: Mapped[str] = mapped_column(ServerText(200), default="")
    status: Mapped[CaseStatus] = mapped_column(
        EnumText(CaseStatus, 16), default=CaseStatus.ACTIVE, index=True
    )
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    safety_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    safety_note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    partners: Mapped[list[Partner]] = relationship(
        back_populates="case", order_by="Partner.position", cascade="all, delete-orphan"
    )
    sessions: Mapped[list[Session]] = relationship(back_populates="case")


class Partner(Base):
    __tablename__ = "partners"
    __table_args__ = (
        UniqueConstraint("case_id", "position"),
        CheckConstraint("language IN ('en', 'es')", name="language"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(ServerText(120))
    pronouns: Mapped[str] = mapped_column(ServerText(200), default="")
    date_of_birth: Mapped[date | None] = mapped_column(ServerDate, nullable=True)
    email: Mapped[str] = mapped_column(ServerText(200), default="")
    phone: Mapped[str] = mapped_column(ServerText(200), default="")
    # The language their handouts are printed in (domain/languages.py).
    language: Mapped[str] = mapped_column(String(8), server_default=text("'en'"))

    case: Mapped[Case] = relationship(back_populates="partners")


class Session(Base):
    """A therapy session (not a database session)."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("modality IN ('in_person', 'telehealth')", name="modality"),
        CheckConstraint(
            "status IN ('scheduled', 'held', 'cancelled', 'late_cancelled', 'no_show')",
            name="status",
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    starts_at: Mapped[datetime] = mapped_column(WallClockDateTime)  # domain/schedule.py
    duration_minutes: Mapped[int] = mapped_column(Integer)
    modality: Mapped[Modality] = mapped_column(EnumText(Modality, 16))
    # NULL: both partners attended. Otherwise the one partner who came.
    attending_partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), nullable=True
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # 'scheduled' has no note yet; starting it makes the note and the session 'held'.
    # 'cancelled', 'late_cancelled' and 'no_show' keep their reason in the record.
    status: Mapped[SessionStatus] = mapped_column(
        EnumText(SessionStatus, 16), server_default=text("'held'")
    )
    status_reason: Mapped[str] = mapped_column(Text, server_default=text("''"))
    status_changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    # Sessions scheduled together as a weekly or fortnightly repeat share this id.
    series_id: Mapped[str | None] = mapped_column(String(36), nullable=True)

    case: Mapped[Case] = relationship(back_populates="sessions")
    note: Mapped[Note | None] = relationship(back_populates="session", uselist=False)


Index("ix_sessions_case_starts", Session.case_id, Session.starts_at)
Index("ix_sessions_starts_at", Session.starts_at)  # the day's schedule across cases


class SessionMarker(Base):
    """A moment tapped during a session (a loop episode, flooding, a repair, a quote);
    locked with the session's note once it is signed."""

    __tablename__ = "session_markers"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('loop_episode', 'flooding', 'co_regulation', 'repair_attempt', 'quote')",
            name="kind",
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="RESTRICT"), index=True
    )
    at: Mapped[datetime] = mapped_column(UtcDateTime)  # when it was tapped
    kind: Mapped[MarkerKind] = mapped_column(EnumText(MarkerKind, 24))
    # Who pursued, who flooded, or who attempted the repair.
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), nullable=True
    )
    # Who withdrew, in a loop episode.
    other_partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), nullable=True
    )
    landed: Mapped[bool | None] = mapped_column(Boolean, nullable=True)  # did the repair land?
    text: Mapped[str] = mapped_column(Text, default="")  # a quote worth keeping
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class HandoutGiven(Base):
    """A handout given (printed or sent) to a partner, or to both, at a session."""

    __tablename__ = "handouts_given"
    __table_args__ = (
        CheckConstraint("step BETWEEN 1 AND 5", name="step"),
        CheckConstraint("language IN ('en', 'es')", name="language"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="RESTRICT"), nullable=True
    )
    # NULL: given to both partners.
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), nullable=True
    )
    step: Mapped[int] = mapped_column(Integer)
    given_at: Mapped[datetime] = mapped_column(UtcDateTime)
    safety_aware: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    language: Mapped[str] = mapped_column(String(8), server_default=text("'en'"))


class Note(Base):
    __tablename__ = "notes"
    __table_args__ = (
        CheckConstraint("template IN ('five_steps', 'dap', 'soap')", name="template"),
        UniqueConstraint("session_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="RESTRICT"))
    template: Mapped[Template] = mapped_column(EnumText(Template, 16))
    sections: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    signed_by: Mapped[str | None] = mapped_column(String(250), nullable=True)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    session: Mapped[Session] = relationship(back_populates="note")
    steps: Mapped[list[NoteStep]] = relationship(
        order_by="NoteStep.step", cascade="all, delete-orphan"
    )
    partner_steps: Mapped[list[NotePartnerStep]] = relationship(cascade="all, delete-orphan")
    partner_readings: Mapped[list[PartnerReadingRow]] = relationship(cascade="all, delete-orphan")
    couple_reading: Mapped[CoupleReadingRow | None] = relationship(
        cascade="all, delete-orphan", uselist=False
    )
    addenda: Mapped[list[Addendum]] = relationship(order_by="Addendum.id")


# The unsigned notes (the day's "notes to sign"), without reading the whole notes table.
Index(
    "ix_notes_unsigned",
    Note.session_id,
    sqlite_where=text("signed_at IS NULL"),
    postgresql_where=text("signed_at IS NULL"),
)


class NoteStep(Base):
    """A step the session worked on (a tag on the note)."""

    __tablename__ = "note_steps"
    __table_args__ = (CheckConstraint("step BETWEEN 1 AND 5", name="step"),)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    step: Mapped[int] = mapped_column(Integer, primary_key=True)


class NotePartnerStep(Base):
    """Where one partner stands in the five steps at this session."""

    __tablename__ = "note_partner_steps"
    __table_args__ = (CheckConstraint("step BETWEEN 1 AND 5", name="step"),)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), primary_key=True
    )
    step: Mapped[int] = mapped_column(Integer)


class PartnerReadingRow(Base):
    """One partner's dynamics at one session; locked with the note's signature."""

    __tablename__ = "partner_readings"
    __table_args__ = (
        CheckConstraint("position BETWEEN -3 AND 3", name="position"),
        CheckConstraint("stance BETWEEN 0 AND 10", name="stance"),
        CheckConstraint("clarity BETWEEN 0 AND 10", name="clarity"),
    )
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), primary_key=True
    )
    position: Mapped[int | None] = mapped_column(Integer, nullable=True)
    stance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    clarity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    flooded: Mapped[bool] = mapped_column(Boolean, default=False)
    flooding_note: Mapped[str] = mapped_column(Text, default="")
    direction: Mapped[Direction | None] = mapped_column(EnumText(Direction, 20), nullable=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}


class CoupleReadingRow(Base):
    """The loop between the partners at a joint session; locked with the note."""

    __tablename__ = "couple_readings"
    __table_args__ = (CheckConstraint("intensity BETWEEN 0 AND 10", name="intensity"),)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    loops: Mapped[list[str]] = mapped_column(JSON, default=list)
    loop_other: Mapped[str] = mapped_column(Text, default="")
    intensity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    trigger: Mapped[str] = mapped_column(Text, default="")
    co_regulation: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    co_regulation_note: Mapped[str] = mapped_column(Text, default="")
    repair_attempts: Mapped[int | None] = mapped_column(Integer, nullable=True)
    repairs_landed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}


class Addendum(Base):
    __tablename__ = "addenda"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="RESTRICT"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    author: Mapped[str] = mapped_column(String(250))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


class AuditEvent(Base):
    """Append-only: who did what to which record, and when (UTC)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor: Mapped[str] = mapped_column(String(250))
    action: Mapped[str] = mapped_column(String(40), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
    # Each row carries the previous row's hash and its own (store/audit_chain.py), so an
    # edited, removed or inserted row shows as a broken link.
    prev_hash: Mapped[str] = mapped_column(String(64), server_default=text("''"))
    row_hash: Mapped[str] = mapped_column(String(64), server_default=text("''"))
    # Who acted (revision 0008). Rows before it were pointed at the practice's clinician.
    # The references to users (here, notes and addenda) are plain ADD COLUMNs, whose
    # inline FOREIGN KEY keeps the default ON DELETE: a user still referred to cannot be
    # deleted, which is what we want (users are disabled, never deleted).
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    # How row_hash was computed: 1 without user_id (rows before 0008), 2 with it.
    hash_format: Mapped[int] = mapped_column(Integer, server_default=text("1"))


# Revision 0009, the golden thread: a treatment plan every note serves, and measures each
# partner answers. A plan is versioned: each version is a row, signed and then locked like a
# note (store/sqlite/triggers.py NEW_IN_0009); a new version supersedes, the old stays readable.


class TreatmentPlan(Base):
    """One version of a case's treatment plan. At most one unsigned version per case, the
    newest (services/plans.py keeps that)."""

    __tablename__ = "treatment_plans"
    __table_args__ = (
        UniqueConstraint("case_id", "version"),
        CheckConstraint("version >= 1", name="version"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"))
    version: Mapped[int] = mapped_column(Integer)
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    interventions: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The "while we are unsure" agreement ('' when there is none) and when to look at it again.
    agreement: Mapped[str] = mapped_column(Text, default="")
    agreement_review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    signed_by: Mapped[str | None] = mapped_column(String(250), nullable=True)
    signed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)

    concerns: Mapped[list[PlanConcern]] = relationship(
        order_by="PlanConcern.position", cascade="all, delete-orphan"
    )
    goals: Mapped[list[PlanGoal]] = relationship(
        order_by="PlanGoal.position", cascade="all, delete-orphan"
    )


class PlanConcern(Base):
    """What one partner, or the couple (partner_id NULL), brings to the work."""

    __tablename__ = "plan_concerns"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_plans.id", ondelete="RESTRICT"), index=True
    )
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class PlanGoal(Base):
    """A couple goal (partner_id NULL) or one partner's own goal. goal_key stays the same
    when the goal is carried into the next version, so a note links to a goal across
    versions."""

    __tablename__ = "plan_goals"
    __table_args__ = (UniqueConstraint("plan_id", "goal_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("treatment_plans.id", ondelete="RESTRICT"), index=True
    )
    goal_key: Mapped[str] = mapped_column(String(36))
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("partners.id", ondelete="RESTRICT"), nullable=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    objectives: Mapped[list[PlanObjective]] = relationship(
        order_by="PlanObjective.position", cascade="all, delete-orphan"
    )


class PlanObjective(Base):
    __tablename__ = "plan_objectives"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("plan_goals.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    target_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class NoteGoal(Base):
    """A goal the session worked on, with a short progress mark; locked with the note."""

    __tablename__ = "note_goals"
    __table_args__ = (
        CheckConstraint("progress IN ('worked_on', 'moving', 'steady', 'harder')", name="progress"),
    )
    note_id: Mapped[int] = mapped_column(
        ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True
    )
    goal_key: Mapped[str] = mapped_column(String(36), primary_key=True)
    progress: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str] = mapped_column(Text, default="")
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}


class MeasureResponse(Base):
    """One partner's answers to one instrument (resources/measures/), once. Locked with the
    linked session's note once it is signed; an answer set with no session stays editable."""

    __tablename__ = "measure_responses"
    __table_args__ = (CheckConstraint("source IN ('screen', 'paper')", name="source"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    __mapper_args__ = {"version_id_col": row_version}
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="RESTRICT"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partners.id", ondelete="RESTRICT"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    instrument: Mapped[str] = mapped_column(String(64))
    instrument_version: Mapped[int] = mapped_column(Integer)
    answered_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(16))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)


# Revision 0011, supervision (a group practice): a note's review by the clinician's
# supervisor, one row per step, never changed (store/sqlite/triggers.py NEW_IN_0011; on a
# server store/postgres/locks.py). Where a note stands is its latest row.


class NoteReview(Base):
    """One step of a note's review: submitted, returned (with the supervisor's comment),
    approved, or co-signed; by whom (their id, and their name as it read then) and when."""

    __tablename__ = "note_reviews"
    __table_args__ = (
        CheckConstraint("state IN ('submitted', 'returned', 'approved', 'cosigned')", name="state"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="RESTRICT"), index=True)
    state: Mapped[ReviewState] = mapped_column(EnumText(ReviewState, 16))
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    by_name: Mapped[str] = mapped_column(String(250))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    comment: Mapped[str] = mapped_column(Text, default="")
