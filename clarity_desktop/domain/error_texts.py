"""The English of every error code: what the command line prints, and what str(error)
says. The window shows ui/common/messages.py's translatable text of the same code instead.

Templates use str.format with the error's parameters; a Phrase parameter is said by its
English words, a date as "05 Jan 2028", and {What} (capitalised) starts a sentence with the {what} parameter."""

from __future__ import annotations

from datetime import date
from enum import Enum

from clarity_desktop.domain.error_codes import ErrorCode, Phrase

# fmt: off
ENGLISH: dict[ErrorCode, str] = {
    ErrorCode.ADDENDA_ARE_SIGNED_NOTES_WHILE: "Addenda are for signed notes; while a note is a draft, edit it directly.",
    ErrorCode.ADDENDUM_TOO_LONG_SAVE: "This addendum is too long to save.",
    ErrorCode.ANCHOR_MISSING: "The practice in {folder} has lost its anchor file ({anchor_name}), which records the newest saved work, so work missing from the end of the record could not be noticed. Nothing has been changed. If the folder was copied without it, copy it again whole; or go on with the practice as it is (that decision is written to the audit trail).",
    ErrorCode.ANCHOR_UNREADABLE: "The practice in {folder} cannot be trusted as it is: {exc} ({anchor_name}, which records the newest saved work).",
    ErrorCode.ATTENDING_PARTNER_DOES_NOT_BELONG: "The attending partner does not belong to this case.",
    ErrorCode.BACKUP_BELONGS_DIFFERENT_PRACTICE: "That backup belongs to a different practice.",
    ErrorCode.BACKUP_CANNOT_USED: "That backup cannot be used: {value}.",
    ErrorCode.BACKUP_COULD_NOT_WRITTEN: "The backup could not be written to {root}: {value}.",
    ErrorCode.BACKUP_FAILED_CHECK: "The backup in {folder} failed its check: {exc}.",
    ErrorCode.CANNOT_WRITE_BACKUP: "Cannot write a backup to {root}: {strerror}.",
    ErrorCode.CASE_ALREADY_ACTIVE: "This case is already active.",
    ErrorCode.CASE_ALREADY_CLOSED: "This case is already closed.",
    ErrorCode.CASE_CANNOT_CHANGE_BETWEEN_COUPLE: "A case cannot change between couple and individual.",
    ErrorCode.CASE_CANNOT_CLOSED_BEFORE_DAY: "A case cannot be closed before the day it was opened.",
    ErrorCode.CASE_CLOSED_REOPEN: "This case is closed; reopen it to {doing}.",
    ErrorCode.CASE_HAS_NO_SESSION_NOTES: "This case has no session notes yet.",
    ErrorCode.CHOOSE_JOINT_HANDOUT_ONE_PARTNER: "Choose a joint handout or one partner's handout, not both.",
    ErrorCode.CHOOSE_WEEKLY_FORTNIGHTLY_SCHEDULE_SERIES: "Choose weekly or fortnightly to schedule a series.",
    ErrorCode.COPY_ONE_PARTNER_COUPLE_CASES: "A copy for one partner is for couple cases; an individual case's record is the client's own, so export it whole.",
    ErrorCode.COUPLE_CHOOSE_JOINT_HANDOUT_ONE: "For a couple, choose a joint handout or one partner's handout.",
    ErrorCode.COUPLE_NEEDS_TWO_PARTNERS: "A couple case has two partners.",
    ErrorCode.COUPLE_S_LOOP_RECORDED_JOINT: "The couple's loop is recorded at joint sessions only.",
    ErrorCode.DATE_BIRTH_CANNOT_FUTURE: "A date of birth cannot be in the future.",
    ErrorCode.DATE_BIRTH_MORE_THAN_120: "That date of birth is more than 120 years ago.",
    ErrorCode.DATE_FAR_FUTURE: "The {what} is more than a year from now ({when}).",
    ErrorCode.DATE_FAR_PAST: "The {what} is more than {years} years ago ({when}).",
    ErrorCode.DISK_FULL: "The disk that holds the practice in {folder} is full. Nothing has been changed; make room on that disk (empty the bin, move large files), then try again.",
    ErrorCode.DOCUMENT_CHOICE_MISSING: "Please choose {what}.",
    ErrorCode.DOES_NOT_LOOK_LIKE_CSV: "This does not look like a CSV text file (it holds binary data).",
    ErrorCode.DRAFT_HAS_WRITING_STEPS_READINGS: "This draft has writing, steps or readings in it, so it is not discarded; clear it first if the session really did not happen.",
    ErrorCode.DRAFT_RECORDS_COUPLE_S_LOOP: "This draft records the couple's loop, which belongs to joint sessions; clear it first.",
    ErrorCode.DRAFT_RECORDS_STEPS_READINGS_PARTNER: "This draft records steps or readings for the partner who would no longer have attended; clear those first.",
    ErrorCode.EMAIL_INVALID: "“{text}” does not look like an e-mail address.",
    ErrorCode.EMPTY_NOTE_CANNOT_BE_SIGNED: "An empty note cannot be signed; write the note first.",
    ErrorCode.EXPORT_TARGET_IS_FOLDER: "{out} is a folder; choose a file name for the export.",
    ErrorCode.FILE_CANNOT_READ: "The file {name} cannot be read ({value}).",
    ErrorCode.FILE_EMPTY: "The file is empty.",
    ErrorCode.FILE_ENCODING_MISLABELLED: "The file says it is {encoding} but is not; save it again as CSV (UTF-8).",
    ErrorCode.FILE_HAS_MORE_THAN_ROWS: "The file has more than {max_rows:,} rows; split it into smaller files.",
    ErrorCode.FILE_HAS_NO_COLUMN_CLIENT: "The file has no column for the client's name (such as Name, or First name and Last name).",
    ErrorCode.FILE_TEXT_ENCODING_CANNOT_READ: "The file is in a text encoding that cannot be read (neither UTF-8 nor Windows-1252); save it again as CSV (UTF-8).",
    ErrorCode.FILE_TOO_LARGE_CLIENT_LIST: "The file is too large to be a client list (more than {number} MB).",
    ErrorCode.FILE_TOO_LARGE_CLIENT_LIST_2: "The file {name} is too large to be a client list (more than {number} MB).",
    ErrorCode.FIRST_LINE_SHOULD_NAME_COLUMNS: "The first line should name the columns (for example Name, Pronouns, Date of birth, E-mail, Phone), but none of its names is one that is known.",
    ErrorCode.FIRST_NAME_HANDOUT_HAS_MOST: "A first name on a handout has at most {max_first_name} characters.",
    ErrorCode.FLOODING_MARKER_NAMES_PARTNER_WHO: "A flooding marker names the partner who flooded.",
    ErrorCode.FOLDER_DOES_NOT_EXIST: "The folder {parent} does not exist.",
    ErrorCode.FOLDER_NOT_CSV_FILE: "{path} is a folder, not a CSV file.",
    ErrorCode.FOLDER_READ_ONLY: "The practice folder {folder} cannot be written to. Clarity needs to write there to keep your records; check the folder's permissions, or copy the practice to a folder you can write to.",
    ErrorCode.GUIDANCE_FILE_COULD_NOT_READ: "The guidance file {path} could not be read: {strerror}.",
    ErrorCode.GUIDANCE_FILE_MALFORMED: "The guidance file {source} is malformed at line {line_no}: {why}.",
    ErrorCode.GUIDANCE_NEEDS_TITLE: "the first line with text must be the title, “# Title”.",
    ErrorCode.GUIDANCE_SECTION_HEADING: "sections start with “## ” (only one title is allowed).",
    ErrorCode.GUIDANCE_UNKNOWN_SECTION: "unknown section “{name}” (expected Explore, Go gently, Handout).",
    ErrorCode.GUIDANCE_SECTION_TWICE: "the section “{name}” appears twice.",
    ErrorCode.GUIDANCE_TEXT_BEFORE_SECTION: "text before the first section.",
    ErrorCode.GUIDANCE_ITEM_DASH: "each item starts with “- ” (indent a line to continue an item).",
    ErrorCode.GUIDANCE_EMPTY: "the file is empty; it needs a title and three sections.",
    ErrorCode.GUIDANCE_SECTION_MISSING: "the section “{name}” is missing.",
    ErrorCode.GUIDANCE_SECTION_EMPTY: "the section “{name}” is empty.",
    ErrorCode.GUIDANCE_FILE_NOT_UTF_8: "The guidance file {path} is not UTF-8 text.",
    ErrorCode.GUIDANCE_MISSING: "The guidance for step {label} is missing: {path} does not exist.",
    ErrorCode.HANDOUT_ADDRESSED_MOST_PEOPLE: "A handout is addressed to at most {max_first_names} people.",
    ErrorCode.HANDOUT_SECTION_NEEDS_ITEMS: "{where}: the “{name}” section needs list items (“- …”).",
    ErrorCode.HANDOUT_SECTION_NEEDS_TEXT: "{where}: the “{name}” section needs text.",
    ErrorCode.HANDOUT_SECTION_REPEATED: "{where}, line {line}: the section “{name}” is repeated.",
    ErrorCode.HANDOUT_TEXT_BEFORE_SECTION: "{where}, line {line}: text before the first “## section” heading.",
    ErrorCode.HANDOUT_TEXT_MISSING: "The handout text {path} is missing.",
    ErrorCode.HANDOUT_TEXT_NOT_UTF8: "The handout text {path} is not UTF-8 text.",
    ErrorCode.HANDOUT_TEXT_NO_TITLE: "{where}: the file has no “# Title” line.",
    ErrorCode.HANDOUT_TEXT_UNREADABLE: "Cannot read the handout text {path}: {reason}.",
    ErrorCode.HANDOUT_TWO_TITLES: "{where}, line {line}: a file has only one title.",
    ErrorCode.HANDOUT_UNKNOWN_SECTION: "{where}, line {line}: unknown section “{name}” (expected one of: {allowed}).",
    ErrorCode.IMPORT_DATE_ORDER_UNRESOLVED: "Some dates of birth read differently day first and month first; choose which order the file uses.",
    ErrorCode.IMPORT_LINE_REJECTED: "Line {line} cannot be imported ({reason}); nothing was imported.",
    ErrorCode.IMPORT_NOTHING_TO_IMPORT: "There is no client to import in this file.",
    ErrorCode.IMPORT_ROWS_REJECTED: "{count} rows cannot be imported; fix the file, or choose to skip the rows that cannot be imported.",
    ErrorCode.IMPORT_ROW_REJECTED: "1 row cannot be imported; fix the file, or choose to skip the rows that cannot be imported.",
    ErrorCode.INDIVIDUAL_NEEDS_ONE_CLIENT: "An individual case has one client.",
    ErrorCode.JOINT_HANDOUT_COUPLES_INDIVIDUAL_CASE: "A joint handout is for couples; this is an individual case.",
    ErrorCode.KEY_FILE_DAMAGED: "The practice's key file is damaged{detail}, so no passphrase can unlock the practice in {folder}. Nothing has been changed: copy practice.key from the newest folder in backups/ (every backup keeps one) over it.",
    ErrorCode.KEY_FILE_OTHER_PRACTICE: "The key file in {folder} belongs to a different practice than the database beside it (was it copied from another practice folder?). Nothing has been changed; put this practice's own key file back (every backup folder holds a copy).",
    ErrorCode.LINE_CANNOT_READ_CSV_VALUE: "Line {number} cannot be read as CSV: a value on it is far too long.",
    ErrorCode.LOOP_BETWEEN_PARTNERS_MARKED_JOINT: "The loop between partners is marked at joint sessions.",
    ErrorCode.LOOP_EPISODE_NAMES_PARTNER_WHO: "A loop episode names the partner who pursued and the one who withdrew.",
    ErrorCode.MARKERS_HANDOUTS_ARE_RECORDED_SESSION: "Markers or handouts are recorded for this session, so it is not discarded.",
    ErrorCode.MARKERS_LOCKED: "This session's note is signed; its markers are locked with it.",
    ErrorCode.MARKER_CAN_ONLY_NAME_PARTNER: "A marker can only name a partner who is in the session.",
    ErrorCode.MESSAGE_TOO_LONG_HANDOUT_MOST: "The message is too long for a handout (at most {max_message:,} characters).",
    ErrorCode.MORE_REPAIRS_LANDED_THAN_WERE: "More repairs landed than were attempted.",
    ErrorCode.MORE_THAN_ONE_PARTNER_CALLED: "More than one partner is called “{name}” in this case; give the full name (partners: {known}).",
    ErrorCode.NAME_MISSING: "Please enter {what}.",
    ErrorCode.NAME_TOO_LONG: "{What} is too long (at most {max_name} characters).",
    ErrorCode.NEW_PASSPHRASE_SAME_CURRENT_ONE: "The new passphrase is the same as the current one.",
    ErrorCode.NOTE_ALREADY_SIGNED: "This note is already signed.",
    ErrorCode.NOTE_PAD_HOLDS_TOO_MUCH: "The note pad holds too much text to save.",
    ErrorCode.NOTE_SIGNED_LOCKED_ADD_ADDENDUM: "This note is signed and locked; add an addendum instead.",
    ErrorCode.NOTE_SIGNED_LOCKED_READINGS_CANNOT: "This note is signed and locked; its readings cannot change.",
    ErrorCode.NOTE_TOO_LONG_SAVE: "This note is too long to save.",
    ErrorCode.NOTE_TOO_LONG_SAVE_MORE: "This note is too long to save (more than {max_note_chars:,} characters).",
    ErrorCode.NOT_A_PRACTICE: "{folder} does not hold a Clarity practice.",
    ErrorCode.NOT_A_PRACTICE_DETAIL: "{folder} does not hold a Clarity practice: {exc}",
    ErrorCode.NOT_CLARITY_BACKUP: "{folder} is not a Clarity backup.",
    ErrorCode.NO_NOTE_FOR_SESSION: "There is no note for session {session_id}.",
    ErrorCode.NO_STEP_RECORDED_YET_CHOOSE: "No step is recorded for {name} yet; choose the step for the handout.",
    ErrorCode.NO_SUCH_CASE: "There is no case number {case_id}.",
    ErrorCode.NO_SUCH_FILE: "There is no file {path}.",
    ErrorCode.NO_SUCH_MARKER: "There is no marker number {marker_id}.",
    ErrorCode.NOT_PERMITTED: "{who} is not permitted to {what}; nothing was changed.",
    ErrorCode.KEY_FILE_UNKNOWN_USER: "The practice's key file belongs to a user this practice does not have (or who was disabled); nothing has been changed.",
    ErrorCode.NO_SUCH_NOTE: "There is no note number {note_id}.",
    ErrorCode.NO_SUCH_SESSION: "There is no session number {session_id}.",
    ErrorCode.NUMBER_OUT_OF_RANGE: "{What} is a number from {low} to {high}.",
    ErrorCode.ONLY_LOOP_EPISODE_NAMES_SECOND: "Only a loop episode names a second partner.",
    ErrorCode.ONLY_QUOTE_CARRIES_TEXT: "Only a quote carries text.",
    ErrorCode.ONLY_REPAIR_ATTEMPT_LANDS_DOES: "Only a repair attempt lands or does not.",
    ErrorCode.ONLY_SCHEDULED_SESSION_CAN_RESCHEDULED: "Only a scheduled session can be rescheduled; a session with a note can have its details corrected while the note is a draft.",
    ErrorCode.ONLY_SESSION_DRAFT_NOTE_CAN: "Only a session with a draft note can be corrected; reschedule a scheduled session instead.",
    ErrorCode.PAGE_SIZE_INVALID: "The page size is A4 or Letter, not {value!r}.",
    ErrorCode.PARTNERS_DO_NOT_STAND_ONE: "The partners do not stand at one recorded step ({where}); choose the step for a joint handout.",
    ErrorCode.PARTNER_AT_STEP: "{name} at {step}",
    ErrorCode.PARTNER_AT_NO_STEP: "{name} at no step yet",
    ErrorCode.PARTNERS_NAMES_TOGETHER_ARE_TOO: "The partners' names together are too long for the case name; please type a shorter name for the case.",
    ErrorCode.PARTNER_NOT_IN_CASE: "That partner does not belong to this case.",
    ErrorCode.PASSPHRASE_NEEDED_TO_SIGN: "This practice was unlocked with the recovery key. Please set a new passphrase first (Practice > Change passphrase); signing needs it.",
    ErrorCode.PERIOD_REVERSED: "The period starts after it ends ({start} is after {end}).",
    ErrorCode.PLEASE_ADD_SHORT_NOTE_SAYING: "Please add a short note saying why the safety flag is set.",
    ErrorCode.PLEASE_CHOOSE_PASSPHRASE_LEAST_CHARACTERS: "Please choose a passphrase of at least {min_passphrase} characters.",
    ErrorCode.PLEASE_ENTER_CLINICIAN_S_NAME: "Please enter the clinician's name; it appears on signed notes.",
    ErrorCode.PLEASE_GIVE_FIRST_NAME_NAMES: "Please give the first name (or names) to print on the handout.",
    ErrorCode.PLEASE_TYPE_WORDS_WORTH_KEEPING: "Please type the words worth keeping.",
    ErrorCode.PLEASE_WRITE_ADDENDUM_BEFORE_ADDING: "Please write the addendum before adding it.",
    ErrorCode.PRACTICE_BEHIND: "The practice in {folder} is missing work that was saved up to {at:%Y-%m-%d %H:%M} UTC: the database is older than its last clean close (an older copy may have been put in its place, or its log file was lost). Nothing has been changed. Restore the newest backup, or go on with the practice as it is (that decision is written to the audit trail).",
    ErrorCode.PRACTICE_BEING_RESTORED: "The practice in {folder} is being restored or repaired by another Clarity program; try again when it has finished.",
    ErrorCode.PRACTICE_BUSY: "Another task is writing to the practice just now (an import, a backup or another Clarity program); nothing was changed, so please try again in a moment.",
    ErrorCode.PRACTICE_CHECK_FAILED: "{problem}.",
    ErrorCode.PRACTICE_CHECK_FAILED_MORE: "{problem}. ({more} more problems found.)",
    ErrorCode.INTEGRITY_DAMAGED_PAGES: "The practice database in {folder} has damaged pages ({count} found).",
    ErrorCode.INTEGRITY_DAMAGED_DETAIL: "The practice database in {folder} is damaged: {detail}.",
    ErrorCode.INTEGRITY_POINTS_NOWHERE: "The practice database in {folder} has records that point nowhere.",
    ErrorCode.INTEGRITY_LOCKS_MISSING: "The practice in {folder} has record locks missing or altered ({names}).",
    ErrorCode.INTEGRITY_DAMAGED_EXC: "The practice database in {folder} is damaged ({exc}).",
    ErrorCode.INTEGRITY_AUDIT_BROKEN: "The audit trail of the practice in {folder} is broken at entry {entry}: entries were changed, removed or inserted.",
    ErrorCode.SEAL_NOTE: "Note {note}",
    ErrorCode.SEAL_NOTE_OF_SESSION: "Note {note} (session of {day}, {case})",
    ErrorCode.SEAL_ADDENDUM: "Addendum {addendum}",
    ErrorCode.SEAL_ADDENDUM_TO_NOTE: "Addendum {addendum} to note {note}",
    ErrorCode.SEAL_NOT_GENUINE: "{what}: its seal is not genuine.",
    ErrorCode.SEAL_KEY_UNKNOWN: "{what}: its seal was made with a key this practice does not know.",
    ErrorCode.SEAL_RECORD_GONE: "{what}: it was signed and sealed, and is now missing or no longer signed.",
    ErrorCode.SEAL_CHANGED: "{what}: it was changed after it was signed.",
    ErrorCode.SEAL_NOTE_UNSEALED: "{what}: it is signed but has no seal.",
    ErrorCode.SEAL_ADDENDUM_UNSEALED: "{what}: it has no seal.",
    ErrorCode.PRACTICE_COULD_NOT_BACKED_UP: "The practice could not be backed up before updating it: {exc}.",
    ErrorCode.PRACTICE_DATABASE_DAMAGED_NOT_CLARITY: "The practice database in {folder} is damaged or is not a Clarity practice.",
    ErrorCode.PRACTICE_DATABASE_MISSING: "The practice database in {folder} is missing.",
    ErrorCode.PRACTICE_HAS_LOST_KEY_FILE: "The practice in {folder} has lost its key file, so it cannot be opened.",
    ErrorCode.PRACTICE_IN_USE: "The practice in {folder} is open in another Clarity program (a window or a command); close it there first.",
    ErrorCode.PRACTICE_OPEN_IN_WINDOW: "This practice is already open in another Clarity Desktop window. Close that one first, then unlock here.",
    ErrorCode.PRACTICE_TOO_NEW: "This practice was last used by a newer Clarity Desktop; please update the program.",
    ErrorCode.PRINTER_NOT_STARTED: "The printer could not be started.",
    ErrorCode.PRINTER_STOPPED: "The printer stopped accepting pages.",
    ErrorCode.PRINT_NOT_PREPARED: "The document could not be prepared for printing.",
    ErrorCode.QUOTE_CLOSED_LATER: "The quotation mark that opens a value on line {line} is only closed on line {closed}, in the middle of a value, so lines {line} to {closed} would be read as one; check the quotation marks on line {line}, then try again.",
    ErrorCode.QUOTE_MOST_CHARACTERS: "A quote is at most {max_quote} characters.",
    ErrorCode.QUOTE_NEVER_CLOSED: "The quotation mark that opens a value on line {line} is never closed, so everything after it would be read as one value; close it or remove it, then try again.",
    ErrorCode.READING_NOTE_TOO_LONG: "{What} is too long (at most {max_short_note} characters).",
    ErrorCode.REASON_TOO_LONG_MOST_CHARACTERS: "The reason is too long (at most {max_reason} characters).",
    ErrorCode.SAFETY_FLAG_INDIVIDUAL: "This case has a safety flag, so the handout has practices for one person in place of joint exercises; confirm to make it.",
    ErrorCode.SAFETY_FLAG_JOINT: "This case has a safety flag. A joint handout may not be safe; confirm to make it anyway.",
    ErrorCode.SAFETY_NOTE_TOO_LONG_MOST: "The safety note is too long (at most 1000 characters).",
    ErrorCode.SERIES_HAS_BETWEEN_1_SESSIONS: "A series has between 1 and {max_repeats} sessions.",
    ErrorCode.SESSION_ALREADY_MARKED: "This session is already marked “{status}”.",
    ErrorCode.SESSION_CANCELLED_NO_MARKERS: "This session was cancelled; nothing can be marked in it.",
    ErrorCode.SESSION_HAS_ALREADY_BEEN_STARTED: "This session has already been started; open its note.",
    ErrorCode.SESSION_HAS_NO_NOTE: "Session {id} has no note.",
    ErrorCode.SESSION_LASTS_BETWEEN_1_MINUTES: "A session lasts between 1 and {max_session_minutes} minutes.",
    ErrorCode.SESSION_MARKED_CANNOT_STARTED_SCHEDULE: "This session is marked “{status}”, so it cannot be started; schedule a new session instead.",
    ErrorCode.SESSION_MARKED_STAYS_RECORD: "A session marked “{status}” stays in the record.",
    ErrorCode.SESSION_NOTE_SIGNED: "This session's note is signed and locked, so it cannot be {doing}; add an addendum to the note instead.",
    ErrorCode.SESSION_NOT_IN_CASE: "Session {session_id} is not a session of this case.",
    ErrorCode.SESSION_NOT_STARTED_NO_MARKERS: "Start this session first; it is still only scheduled.",
    ErrorCode.SESSION_NO_SHOW_NO_MARKERS: "This session is recorded as a no-show; nothing can be marked in it.",
    ErrorCode.SESSION_S_NOTE_HAS_WRITING: "This session's note has writing, steps or readings in it, so the session took place and cannot be cancelled.",
    ErrorCode.SIGNED_NOTE_CANNOT_DISCARDED: "A signed note cannot be discarded.",
    ErrorCode.STEPS_READINGS_CAN_ONLY_RECORDED: "Steps and readings can only be recorded for a partner who attended this session.",
    ErrorCode.STEP_INVALID: "A step is a number from 1 to 5, not {value!r}.",
    ErrorCode.TEXT_TOO_LARGE_CLIENT_LIST: "The text is too large to be a client list.",
    ErrorCode.TEXT_TOO_LONG: "{What} is too long (at most {max_short} characters).",
    ErrorCode.THERE_ALREADY_PRACTICE: "There is already a practice in {folder}.",
    ErrorCode.THERE_NO_CLARITY_PRACTICE: "There is no Clarity practice in {folder}.",
    ErrorCode.THERE_NO_PARTNER_CALLED_CASE: "There is no partner called “{name}” in this case (partners: {known}).",
    ErrorCode.THERE_NO_PRACTICE_FOLDER: "There is no practice folder at {folder}.",
    ErrorCode.THERE_NO_RESTORE_UNDO_NO: "There is no restore to undo: no copy from before a restore was found.",
    ErrorCode.TWO_NEW_PASSPHRASES_DO_NOT: "The two new passphrases do not match.",
    ErrorCode.TWO_PASSPHRASES_DO_NOT_MATCH: "The two passphrases do not match.",
    ErrorCode.UPDATING_PRACTICE_NEW_VERSION_FAILED: "Updating this practice to the new version failed and was undone; your records are unchanged ({exc}).",
    ErrorCode.WRITE_FAILED: "Could not write {target}: {reason}.",
    ErrorCode.WRONG_PASSPHRASE: "That passphrase does not unlock this practice.",
    ErrorCode.WRONG_RECOVERY_KEY: "That recovery key does not unlock this practice.",
}
# fmt: on


def word(value: object) -> object:
    """A parameter as English words: a Phrase by its text, another enum by its title
    in lower case ("cancelled"), anything else as it is."""
    if isinstance(value, Phrase):
        return value.value
    if isinstance(value, Exception):  # an error inside another: its sentence, unstopped
        return str(value).rstrip(".")
    if isinstance(value, tuple):  # a list: each item said, joined by commas
        return ", ".join(str(word(v)) for v in value)
    if type(value) is date:  # a day, not a moment: "05 Jan 2028"
        return f"{value:%d %b %Y}"
    if isinstance(value, Enum):
        return str(getattr(value, "title", value.value)).lower()
    return value


def fill(template: str, params: dict[str, object], say: object = word) -> str:
    """*template* with *params*; *say* turns each parameter into words of the language."""
    values = {k: say(v) for k, v in params.items()}  # type: ignore[operator]
    for key, value in list(values.items()):
        if isinstance(value, str):
            values[key[:1].upper() + key[1:]] = value[:1].upper() + value[1:]
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a parameter missing: still say something
        return template


def english(code: ErrorCode, params: dict[str, object]) -> str:
    return fill(ENGLISH[code], params)
