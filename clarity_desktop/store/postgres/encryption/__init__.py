"""Clinical text encrypted in the program: the practice server stores it but cannot read it.

Called ``encryption`` and not ``sealing`` because a *seal* already means a signature in
this program (store/seals.py, AuditAction.SEALED, the SEAL_* codes); here we encrypt,
decrypt and wrap keys. This package is pure cryptography (the ``cryptography`` package,
no SQL): the PostgreSQL backend calls it, the portable models do not know it.

Who we keep out: whoever has the server's disk, a pg_dump, the database superuser, and
the practice's administrator (she runs the server and assigns cases, and must not be
able to read them). Row-level security (schema.py) still decides who may fetch a row;
encryption makes a fetched row useless without a key the server never holds.

What is encrypted (columns.py lists it as data, and a test checks it against models.py)
    Case key (clinical text): cases.relationship_structure, cases.safety_note;
    partners.date_of_birth; sessions.status_reason; session_markers.text; notes.sections;
    partner_readings.flooding_note; couple_readings.loop_other, .trigger,
    .co_regulation_note; note_goals.comment; addenda.body; treatment_plans.interventions,
    .agreement; plan_concerns.text, plan_goals.text, plan_objectives.text;
    measure_responses.answers; note_reviews.comment.
    Directory key (who the clients are, which the front desk and administrator see
    today, schema.DESK_COLUMNS): cases.display_name; partners.name, .pronouns, .email,
    .phone.
    Gone from the server: note_search.body (replaced by blind tokens, below); the search
    audit row's query text (the row keeps the count of results only).
What stays plain, and why: ids, foreign keys and case_id (row security and joins run on
the server); dates, times, statuses, kinds, steps, scores and flags (the schedule, the
Today view, charts and record locks filter and sort on them; they say when and how
much, not what was said); row_version (the optimistic check runs in the UPDATE);
signed_by and staff names (staff, not clients); loops (codes from a fixed list).
Encrypted values are text, so the server's columns for them widen to ``text``
(varchar(120) cannot hold an encrypted name) and partners.date_of_birth becomes ``text``.

Value format (values.py), stored as the text "c1." + URL-safe base64 of
    version byte (1) | key generation (4 bytes, big-endian) | nonce (12 random bytes) |
    AES-256-GCM ciphertext and 16-byte tag.
The associated data is the version byte and generation, then the place: table, row key
(the primary key's values, e.g. (note_id, partner_id)), column and row_version. A value
copied to another row or column, or an older ciphertext put back after a newer save
(row_version moved on), fails to decrypt with ENCRYPTION_VALUE_TAMPERED. Because
row_version is bound, every UPDATE re-encrypts all encrypted columns of the row with the
version it is about to get (old + 1, as SQLAlchemy's version_id_col writes it). Tables
without a row_version bind version 0: addenda and note_reviews are append-only, so there
is nothing older to roll back to. Readings, note_goals and the plan's concerns, goals and
objectives are rewritten drafts: revision 0012 gave them a row_version (answer 1). Random 96-bit nonces are safe
up to 2**32 values per key (NIST's bound); a case writes thousands in its life, and a
new generation starts the count again. A value's length is not hidden (no padding).
Row ids before INSERT: the program takes ``nextval('clarity.<table>_id_seq')`` (one
``SELECT nextval(...) FROM generate_series(1, n)`` per table per flush; care roles hold
USAGE on the sequences) and inserts with that id, so the associated data is complete
before the row exists. Composite keys are made of ids already known.

Key hierarchy (wrapping.py)
- Case key: 32 random bytes per case and *generation* (1, 2, ...); a value names the
  generation it was encrypted with. A case's search key is HKDF of its case key (answer
  2). Directory key: the same, one per practice (owner 0; directory_rows.py below).
- Each staff member has an X25519 key pair, made in their own program at their first
  sign-in (never by the administrator's program, which knew their first password). Its
  private key is wrapped by the password exactly as the Ed25519 signing seed is today:
  one keys.wrap payload of 64 bytes, seed then X25519 key (one Argon2 run, no second
  KDF); an older 32-byte payload means "no encryption key yet". The public key goes to
  the staff row with a certificate signed by the person's signing key (user id and key
  bound), so the server cannot swap in a key of its own without also swapping the
  signing key, which the programs that pinned it notice (open question 4).
- A wrap (for a case, directory, search or emergency key) is: version byte | ephemeral
  X25519 public key | nonce | AES-256-GCM of the 32-byte key, under HKDF-SHA256 of the
  X25519 shared secret (salt: ephemeral and recipient public keys). Its associated data
  names scope, owner (case id or 0), generation, recipient label and recipient key, so a
  wrap moved to another case, generation or person does not open.
- Every key generation is also wrapped for the practice recovery key: an X25519 key pair
  made at ``server init``; the server keeps only the public half; the private half is
  printed once for the administrator (recovery.py: 56 characters, 24-bit checksum) and
  kept offline. It opens every key, so every record: the one deliberate exception to
  "the administrator cannot read" (open question 7). Losing it means nothing is lost
  while one staff member can still open each case; losing every holder of a case and the
  recovery key means that case's text is gone for good.

Who wraps for whom (a wrap needs the key in hand: the administrator never holds a case
key, so she can assign a case but never open its text)
- Whoever creates a case makes generation 1 and wraps it for themselves and the recovery
  key (encrypted_rows.py), and the emergency key once the practice has one; a case made
  by a bulk insert gets it from its first writer.
- Someone given access (an assignment, a supervision link, an emergency grant) is a
  *pending share*: the server lists them (key_sharing.pending_shares(), readers with a
  key pair and no wrap of the newest generation, with who gave the access, from the
  audit), no table of its own. Nothing is wrapped on its own (answer 4): a holder's
  Today view asks "Eli Park was given access to Robin Vale by Ada Lind: share the case's
  key?" (ui/practice/key_shares.py); Share checks the reader's key certificate against
  their signing key, wraps every generation held for them, and audits key_shared; Not
  now shares nothing. So an administrator who assigns a case to a login of her own reads
  ciphertext until a holder approves.
- Locked text: until then the reader opens the case as usual (sessions, dates, steps,
  everything plain) and each encrypted value reads as one sentence,
  domain/locked_text.py ("This text is locked until someone who holds the case's key
  shares it with you"), decided when a value is read, not when its case loads. Writing,
  signing or sealing such a row is refused (ENCRYPTION_KEY_NOT_HELD), and anything that
  prints or exports text refuses or leaves it out in words: the sentence is never passed
  off as the note.
- Emergency (answer 3): the practice emergency key pair is made by the first
  supervisor's program once they have their own key pair (keychain.make_emergency;
  practice_keys takes one 'emergency' row, from a supervisor only); its private half is
  wrapped for that supervisor alone, and every new case key also for its public half.
  Row security shows a case's emergency wrap only to a supervisor with a live emergency
  grant for it, so breaking the glass reads at once; a clinician's grant stays a pending
  share. A further supervisor is a pending share of the emergency key itself (case 0,
  asked of a supervisor who holds it; key_sharing.py), approved like a case key since it
  opens every case in an emergency. Cases made before the key existed are wrapped for it
  by a holder's program at sign-in (keychain.fill_emergency), with no prompt: the wrap
  gives nobody a key they lacked, it extends the practice's policy to older cases.
- Someone leaves (built; rotation.py): disabling a login, by whatever path, fires a
  trigger on users.disabled that deletes every wrap addressed to them and marks each
  case (or the directory) they held in key_rotations, in the disabling transaction (the
  administrator holds no key: she can delete wraps but never make one). Rotation is lazy:
  the next holder whose program writes under a marked key claims the mark (key_due(),
  which also makes a second holder writing at once wait and then use the winner's
  generation), makes generation n+1, wraps it for every remaining holder whose
  certificate holds, the recovery key and the emergency key, and the unit of work audits
  key_rotated (counts only). New writes use the newest generation and a holder behind it
  may not write; old values are re-encrypted when next written; old generations stay
  wrapped for current holders. Re-enabling brings no wrap back (a holder shares again).
  What the leaver already read, or copied, stays hers: rotation protects what follows.
  A supervisor who leaves holding the emergency key: the key itself is renewed by a
  remaining holder's program, or retired when none remains (emergency_key.py).
  Losing one case (unassigned, a supervision link ended, an emergency grant run out)
  deletes the person's wraps of it and marks it, unless nobody else who may read it would
  hold its key (losing_access.access_ended).

The directory key (client names and contacts; directory_rows.py, the lead's answer 6)
- Who the clients are (cases.display_name; partners.name, .pronouns, .email, .phone) is
  read by everyone on the staff who may see names: clinicians, supervisors, the
  administrator and the front desk. So it has one key per practice, not per case: the
  first staff member's program that has its own key pair and finds none makes generation
  1 and wraps it for them and the recovery key (keychain.make_directory; at init that is
  the administrator's first sign-in; import-practice makes it for the clinician moved in,
  import_keys.py). Two programs racing: the second's recovery wrap collides, it keeps none.
- Every further staff member gets it through the approval flow of case keys: once they
  have a key pair, every holder's Today view (the front desk's and administrator's
  windows too) asks "Fran Diaz joined the practice: share the client directory?"
  (key_sharing.pending_directory_shares(), case 0, how "joined"); Share checks their
  certificate, wraps every generation and audits key_shared (entity "directory"). Row
  security: you read your own wraps; a holder adds a directory wrap for a live staff
  member or the recovery key, in their own name (keytables.directory_wrap_allowed).
- Until then each name and contact reads as "Name locked" (domain/locked_text.LOCKED_NAME),
  never as ciphertext, and writing a case or partner is refused in words
  (ENCRYPTION_DIRECTORY_NOT_HELD).
- Values are bound like the clinical text (table, id, column, row_version): a name swapped
  between partners or put back from an older version does not open. Core statements
  that read names (front desk, today, case list, search hits, overview, audit, staff's
  case directory, importer's duplicate check, case_names() and the emergency log) hand
  their rows to store/directory.reveal(), one place that opens them; sorting by name is
  done in the program on both stores (directory.sorted_by_name), as the server cannot
  sort ciphertext, and so is matching a typed name. The CSV import goes through the
  ORM on a server (bulk.ORM_ONLY), which encrypts its rows as any write. The server's columns are widened to text by the
  group DDL (directory_rows.WIDEN).
- What the server still learns: how many cases and partners there are, the length of
  each name and address (no padding), and which rows changed when.

Blind index for search (blind.py)
Words are folded (lower case, accents removed), stemmed (snowball English and Spanish,
both, as notes mix them; without the stemmer installed, folding only) and each word's
forms hashed with HMAC-SHA-256 under the case's search key (HKDF of the case key: whoever
holds the case key searches it; answer 2 below), truncated to
8 bytes (a signed bigint). A note or addendum stores the *set* of its tokens (no counts,
no order): note_search(note_id, addendum_id, case_id, tokens bigint[]) with a GIN index;
a query asks, for each typed word, that the row's tokens overlap that word's forms.
Snippets are made in the program from the decrypted top hits. What the server learns:
which rows of one case share a word (never across cases: each case's tokens differ), how
many distinct words a note has, and which rows a query matched; with
enough notes frequent tokens can be guessed by frequency. It never sees a word. Prefix
search is lost (whole words and their stems only).

Rules kept while wiring
- logins.signing_seed and PostgresBackend.rewrap_passphrase unwrap and wrap the signing
  and encryption keys together: rewrapping only the seed would drop the encryption key.
- The administrator's program sets a new person's first password, so it could unwrap
  anything wrapped under it: a person's key pair is made at their first sign-in, after
  that sign-in changes the password.
- Audit details carry no client words: the search row keeps counts only; emergency and
  lease reasons are read by overseers, so their dialogs ask for no client details.
- The key tables (keytables.py) are made only where missing (IF NOT EXISTS), so ``server
  upgrade`` brings a server from before encryption to them; it cannot encrypt text an
  older server holds plain (the superuser has no key), which reads as tampered.

Open questions, and the lead's answers (2026-12)
1. Readings, note_goals and the plan's concerns, goals and objectives have no
   row_version, so a draft's older text there could be put back unnoticed.
   Answer: yes, give them one (a portable migration). Signed rows are covered by their
   seal anyway.
2. One practice-wide search key lets the server count a word across all cases.
   Answer: a per-case search key (HKDF of the case key under its own label,
   keychain.search_key); the server never counts a word across cases, and a query sends
   one token per readable case (and generation) per word. Wired in blind_search.py.
3. A practice without a supervisor. Answer: the emergency key's private half is wrapped
   for supervisors only; a practice without a supervisor has emergency access to names
   and the schedule, not to clinical text, and the README says so plainly.
4. No silent wraps for a new reader. Answer: when someone gains access to a case (an
   administrator's assignment, a supervision link) the case key is NOT wrapped for them
   automatically: a holder of the key (the case's clinician or supervisor) is shown "X was
   given access to case Y by Z; share the case's key?" and approves (pending wraps on
   their Today view). An administrator who adds a login of her own and assigns it a case
   gets ciphertext.
5. Answer: a person's signing key and encryption key pair are both made at their first
   sign-in, after that sign-in changes the password the administrator set. (Wired so far:
   the encryption key, logins.set_user_keys; the signing key is still made by the
   administrator's program, logins.add_staff.)
6. The directory key is held by the administrator and front desk by design (they see
   names today); date_of_birth is under the case key because the desk does not see it.
7. Answer: one printed recovery sheet, made at ``server init`` and shown once, for the
   practice owner (not whoever runs the server); the README says what losing it means
   (the server's text cannot be read once every holder of a case's key is gone) and who
   should keep it.

Wired so far: keytables.py (key_wraps, practice_keys, staff.box_public and
box_certificate, with row security), sign-in and password change (backend.py, logins.py),
a new case's key and every case-key column of columns.ENCRYPTED through the ORM
(encrypted_rows.py; each row's case from row_cases.py; dates as ISO text, JSON as its
text), the locked sentence (and any document, brief or export holding it refused,
locked_text.holds_locked), approved sharing (key_sharing.py), the emergency key
(keychain.py), blind search (blind_search.py), import-practice (import_keys.py: every
encrypted column), the CSV client import (through the ORM on a server, bulk.ORM_ONLY),
leaving with lazy rotation (losing_access.leaving, rotation.py), the directory key with
client names and contacts (directory_rows.py), and the keys each workstation remembers
(pins.py). Core reads that would meet ciphertext read rows instead (Today's called-off
reasons) or leave the words out (the practice overview never reads readings' words).
"""
