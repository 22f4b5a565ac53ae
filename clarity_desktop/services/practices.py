"""Creating, unlocking and checking a practice (the services' front on store.opening and
the open practice's backend)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, OperationalError

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.domain.errors import ErrorCode, ValidationError, Wording
from clarity_desktop.domain.passphrase import MIN_PASSPHRASE, passphrase_strength
from clarity_desktop.services import integrity, server_admin, unlock_attempts
from clarity_desktop.services.dto import PracticeSummary
from clarity_desktop.services.locations import default_folder, demo_folder, server_folder
from clarity_desktop.services.permissions import Permission, require
from clarity_desktop.store import audit_chain, opening, seals
from clarity_desktop.store.audit_chain import ChainReport
from clarity_desktop.store.backend import Clinician, OpenPractice
from clarity_desktop.store.errors import PracticeBehind, PracticeDamaged, WrongPassphrase
from clarity_desktop.store.models import AuditEvent, Case, Note


def create_practice(
    folder: Path,
    passphrase: str,
    repeat: str,
    clinician_name: str,
    credentials: str,
    *,
    window: bool = False,
) -> tuple[OpenPractice, str]:
    if passphrase != repeat:
        raise ValidationError(ErrorCode.TWO_PASSPHRASES_DO_NOT_MATCH, "repeat")
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            ErrorCode.PLEASE_CHOOSE_PASSPHRASE_LEAST_CHARACTERS,
            "passphrase",
            min_passphrase=MIN_PASSPHRASE,
        )
    name = clinician_name.strip()
    if not name:
        raise ValidationError(ErrorCode.PLEASE_ENTER_CLINICIAN_S_NAME, "name")
    opened, recovery = opening.create(
        folder, passphrase, Clinician(name, credentials.strip()), window=window
    )
    with opened.uow() as uow:
        uow.audit(AuditAction.CREATED, "practice")
        uow.commit()
    unlock_attempts.rearm(opened, None, force=True)  # wrong passphrases get written down
    return opened, recovery


def unlock_practice(
    folder: Path,
    secret: str,
    *,
    recovery: bool = False,
    window: bool = False,
    accept_missing_work: bool = False,
) -> OpenPractice:
    """Open and audit. *window*: the program's window, of which one per practice may be
    open (refused before anything is written). *accept_missing_work*: the clinician has
    been told the database is behind its anchor and goes on with it as it is (audited).
    Wrong passphrases are written beside the practice; the next unlock moves them into
    the audit with its "unlocked" row (services/unlock_attempts.py)."""
    try:
        with unlock_attempts.noting_failure(folder, recovery=recovery):
            opened = opening.unlock(
                folder,
                secret,
                recovery=recovery,
                window=window,
                accept_missing_work=accept_missing_work,
            )
        try:
            with opened.uow() as uow:
                consumed = unlock_attempts.move_into_audit(uow, opened)
                uow.audit(
                    AuditAction.UNLOCKED,
                    "practice",
                    detail="recovery key" if recovery else unlock_attempts.secret_word(opened),
                )
                uow.commit()
            _after_open(opened, accept_missing_work)
        except BaseException:
            opened.close()
            raise
        unlock_attempts.rearm(opened, consumed)
    except OperationalError as exc:
        plain = opening.backend_for(folder).plain_error(exc, folder)
        if plain is not None:
            raise plain from exc
        raise
    return opened


def connect_server(
    url: str,
    ca_file: Path,
    password: str,
    *,
    user: str | None = None,
    folder: Path | None = None,
    window: bool = False,
) -> OpenPractice:
    """Sign in to a practice server at *url* (``postgresql://user@host:port/database``),
    trusting the server's certificate only if *ca_file* vouches for it. The address is
    remembered in a folder of its own (the password never is); unlocking goes through
    unlock_practice like any practice."""
    if not ca_file.is_file():
        raise ValidationError(ErrorCode.SERVER_CA_UNREADABLE, "ca_file", path=ca_file)
    host, dbname, login = opening.server_parts(url, user)
    target = folder or server_folder(host, dbname, login)
    opening.remember_server(target, url, ca_file.resolve(), user)
    return unlock_practice(target, password, window=window)


def server_address(folder: Path) -> str | None:
    """ "user@host:port/database" when *folder* is a practice server's, else None."""
    return opening.server_label(folder)


def _after_open(opened: OpenPractice, accept_missing_work: bool) -> None:
    """What opening may owe the record: the clinician's decision to go on with a database
    behind its anchor, and the seals of records signed before seals existed."""
    if accept_missing_work:
        with opened.uow() as uow:
            uow.audit(
                AuditAction.ACCEPTED_MISSING_WORK,
                "practice",
                detail="went on with a database older than its last clean close",
            )
            uow.commit()
    if opened.signer is not None and not opened.backend.legacy_sealed(opened):
        integrity.seal_unsealed(opened)


# A practice server's login has a password, the solo practice a passphrase: the same
# checks, each said in the words of the one being changed.
_SOLO_WORDS = (
    ErrorCode.TWO_NEW_PASSPHRASES_DO_NOT,
    ErrorCode.PLEASE_CHOOSE_PASSPHRASE_LEAST_CHARACTERS,
    ErrorCode.NEW_PASSPHRASE_SAME_CURRENT_ONE,
)
_SERVER_WORDS = (
    ErrorCode.SERVER_NEW_PASSWORDS_DIFFER,
    ErrorCode.SERVER_PASSWORD_TOO_SHORT,
    ErrorCode.SERVER_NEW_PASSWORD_SAME,
)


def _check_new_passphrase(
    new: str, repeat: str, words: tuple[ErrorCode, ...] = _SOLO_WORDS
) -> None:
    if new != repeat:
        raise ValidationError(words[0], "repeat")
    if len(new) < MIN_PASSPHRASE:
        raise ValidationError(words[1], "passphrase", min_passphrase=MIN_PASSPHRASE)


def change_passphrase(opened: OpenPractice, current: str, new: str, repeat: str) -> None:
    """The current passphrase (a server login's password) must be right; the database is
    not re-encrypted."""
    words = _SERVER_WORDS if unlock_attempts.secret_word(opened) == "password" else _SOLO_WORDS
    _check_new_passphrase(new, repeat, words)
    if new == current:
        raise ValidationError(words[2], "passphrase")
    seed = opened.backend.rewrap_passphrase(opened, current, new)
    opened.signer = seals.signer_from_seed(seed)
    with opened.uow() as uow:
        uow.audit(AuditAction.PASSPHRASE_CHANGED, "practice")
        uow.commit()


def first_password_pending(opened: OpenPractice) -> bool:
    """A server login still on the password the administrator chose: the program asks for
    the person's own at once (their keys are made then; until then no clinical text)."""
    return opened.backend.first_password_pending(opened)


def reset_passphrase(opened: OpenPractice, recovery_key: str, new: str, repeat: str) -> None:
    """After unlocking with the recovery key: set a new passphrase with that key."""
    _check_new_passphrase(new, repeat)
    seed = opened.backend.rewrap_passphrase(opened, recovery_key, new, recovery=True)
    opened.signer = seals.signer_from_seed(seed)
    with opened.uow() as uow:
        uow.audit(AuditAction.PASSPHRASE_RESET, "practice", detail="with the recovery key")
        uow.commit()


def integrity_problems(opened: OpenPractice) -> list[Wording]:
    """Plain-words problems found by reading the whole store (on SQLite: damaged pages,
    the structural check, records pointing nowhere, missing record locks). Empty when all
    is well. Reads everything: run it off the GUI thread."""
    return opened.backend.integrity_problems(opened)


def check_practice(
    folder: Path, secret: str, *, accept_missing_work: bool = False
) -> PracticeSummary:
    """Unlock (which also compares the database with its anchor), verify the encryption,
    the database structure, the record locks' SQL, every link of the audit chain and every
    seal of a signed record, and count records. Raises a PracticeError naming the first
    problem, and how many more there are."""
    with unlock_attempts.noting_failure(folder):  # a wrong passphrase is written down
        opened = opening.unlock(folder, secret, accept_missing_work=accept_missing_work)
    try:
        _after_open(opened, accept_missing_work)
        server_admin.require_seals_readable(opened)  # a server's admin: `server check`
        found: list[Wording] = list(integrity_problems(opened))
        if not found:
            try:
                chain = verify_audit(opened)
                if not chain.ok:
                    found.append(
                        Wording(
                            ErrorCode.INTEGRITY_AUDIT_BROKEN,
                            folder=folder,
                            entry=chain.first_broken,
                        )
                    )
                found += integrity.verify_seals(opened)
            except DBAPIError as exc:
                found.append(
                    Wording(ErrorCode.INTEGRITY_DAMAGED_EXC, folder=folder, exc=str(exc.orig))
                )
        if found:
            if len(found) > 1:
                raise PracticeDamaged(
                    ErrorCode.PRACTICE_CHECK_FAILED_MORE, problem=found[0], more=len(found) - 1
                )
            raise PracticeDamaged(ErrorCode.PRACTICE_CHECK_FAILED, problem=found[0])
        with opened.engine.connect() as conn:
            cases = conn.execute(select(func.count()).select_from(Case)).scalar_one()
            notes = conn.execute(select(func.count()).select_from(Note)).scalar_one()
        return PracticeSummary(
            str(folder), opened.clinician.signature, opened.is_demo, cases, notes
        )
    finally:
        opened.close()


__all__ = [
    "MIN_PASSPHRASE",
    "change_passphrase",
    "check_practice",
    "create_practice",
    "integrity_problems",
    "default_folder",
    "demo_folder",
    "passphrase_strength",
    "reset_passphrase",
    "unlock_practice",
    "verify_audit",
    "PracticeBehind",
    "PracticeDamaged",
    "WrongPassphrase",
]


def verify_audit(opened: OpenPractice) -> ChainReport:
    """Walk the whole audit log and check every link of its hash chain."""
    require(opened.principal, Permission.READ_AUDIT)
    with opened.uow().reading() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        links = opened.backend.chain_links(s)
        return audit_chain.verify(rows) if links is None else audit_chain.verify_links(links, rows)
