"""A practice at scale: thousands of invented cases for measuring speed (tests/bench).

``clarity-desktop demo --data-dir DIR --scale 10000`` makes what a busy practice holds
after ten years: 10,000 cases (couples and individuals), about twenty sessions each,
a note of about 1,500 characters per session assembled from varied sentence fragments,
step tags, partner steps and readings on most sessions, most notes signed, addenda on a
few, private individual sessions, some closed cases and some safety flags. With at least
100 cases, case 1 has 300 sessions (the long case for the dashboard benchmark) and case 2
has 100 (the case summary benchmark).

Unlike services/demo.py, this does not go through the per-action services: that would
take hours. Rows are inserted in bulk (executemany) on the writer session, a chunk of
cases per transaction, in the order the database locks allow: notes unsigned first, then
their tags, readings and full-text rows, then one UPDATE signs them, then addenda (which
belong to signed notes). One audit row ("created", "practice") is written at the end
through the unit of work, so the hash chain holds. Everyone here is invented.

A benchmark fixture, not a service: it writes SQLite's full-text rows itself (bulk
inserts into FTS5's note_search), so it builds SQLite practices only.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, text, update

from clarity_desktop.domain.audit_actions import AuditAction
from clarity_desktop.services import integrity
from clarity_desktop.services.demo import DEMO_CLINICIAN, DEMO_PASSPHRASE
from clarity_desktop.services.notes import full_text
from clarity_desktop.store import opening
from clarity_desktop.store.models import (
    Addendum,
    Case,
    CoupleReadingRow,
    Note,
    NotePartnerStep,
    NoteStep,
    Partner,
    PartnerReadingRow,
    Session,
)
from clarity_desktop.store.practice import SOLO_USER_ID, OpenPractice

# A word in about a quarter of all notes, and only in the sentences that carry it, so a
# search for it measures a common term; RARE details each appear in a few notes per 10,000.
COMMON_WORD = "genogram"
COMMON_SHARE = 0.25
LONG_CASE_SESSIONS = 300  # case 1, when there are at least LONG_CASES_FROM cases
SUMMARY_CASE_SESSIONS = 100  # case 2, likewise
LONG_CASES_FROM = 100
CASES_PER_CHUNK = 500  # one transaction each: the write-ahead log stays small


def _words(text: str) -> tuple[str, ...]:
    """A word list, written as running text (easier to read and extend than a list)."""
    return tuple(text.split())


FIRST = _words(
    "Zoë Ana Ben Cleo Dev Émile Noor Kai Priya Tom Amara Julien Sofia Mateo Hana "
    "Yusuf Ingrid Tariq Lucía Oskar Mei Kwame Freya Rafael Aisha Niall Chiara Dmitri "
    "Leilani Omar Greta Sione Fatima Hugo Yara Bogdan Ngozi Pablo Siobhan Arjun "
    "Maëlle Tomasz Imani Kenji Rosa Elif Callum Nadia Jonas Ayesha Marcus Liv "
    "Thandiwe Felix Saoirse Idris Camille Henrik Zainab Leon Paloma Ravi Astrid Malik "
    "Beatriz Stellan Wanjiru Nikolai Esme Jamal Farah Teodor Ines Samir Orla Kofi "
    "Dagny Ezra Lina Bruno Maya Anders Selin Declan Noa Viktor Adaeze Luca Tova Hamid "
    "Clara Soren Rania Elliot Jiwoo Mirela"
)
LAST = _words(
    "Alves Kelleher Okafor Raman Nakamura Wiśniewski Hale Eze Marchetti Lindqvist "
    "Haddad Moreau Achterberg Nguyen Castillo Brennan Oyelaran Petrov Sørensen Mbeki "
    "Fitzgerald Yilmaz Duarte Kowalczyk Abernathy Tanaka Osei Gallagher Ferreira "
    "Novak Ibrahim Larsen Chowdhury Rossi Whitfield Dubois Adeyemi Horvath Santos "
    "Lindgren Okonkwo Bianchi Kaplan Mendes Holloway Szabó Asante Romero Fischer "
    "Quigley Bakshi Jovanović Ekström Mwangi Delacroix Park Nolan Varga Saito Coelho "
    "Ahmadi Thornton Kovač Ulloa Baptiste Rahman Kerr Jansen Ogunleye Villanueva "
    "Hartmann Mahlangu Costa Ruiz Sheridan Ivanova Ashworth Pereira Dalton Bergström "
    "Agarwal Lombardi Keane Takahashi Mensah Herrera"
)
PRONOUNS = ("she/her", "he/him", "they/them", "she/they", "he/they", "")
STRUCTURES = (
    "Married",
    "Partnered, living together",
    "Dating",
    "Consensually non-monogamous",
    "Separated, co-parenting",
    "Separated",
    "Engaged",
    "",
)
LOOPS = (
    "pursue_withdraw",
    "talk_shut_down",
    "try_harder_more_distant",
    "attack_attack",
    "withdraw_withdraw",
)
DIRECTIONS = ("repair", "redefinition", "letting_go", "not_yet_clear")

FEELINGS = _words(
    "hurt resentful lonely relieved ashamed anxious hopeful numb exhausted guarded "
    "tender irritable dismissed overwhelmed curious defensive embarrassed calmer "
    "uneasy envious abandoned trapped protective disappointed steady wary grateful "
    "bewildered humiliated invisible cornered reassured raw brittle softened "
    "unsettled"
)
EVENTS = (
    "a missed phone call",
    "the visit from the in-laws",
    "a late night at work",
    "a disagreement about money",
    "the school run",
    "a text left unanswered",
    "planning the holidays",
    "a remark made at a dinner party",
    "dishes left in the sink",
    "a forgotten anniversary",
    "talk of moving house",
    "bedtime with the children",
    "a weekend spent apart",
    "news of a redundancy",
    "the drive home from a wedding",
    "a birthday that went badly",
    "choosing a nursery",
    "a message found on a phone",
    "an argument about chores",
    "caring for an ill parent",
    "renewing the mortgage",
    "a decision about fertility treatment",
    "sleeping in separate rooms",
    "an overdrawn joint account",
    "a cancelled trip",
    "a teenager's suspension from school",
    "a night out that ended early",
    "the anniversary of a miscarriage",
    "a job offer in another city",
    "an ex-partner getting in touch",
)
TOPICS = (
    "trust",
    "intimacy",
    "the division of household labour",
    "parenting styles",
    "shared finances",
    "the extended family",
    "sexual connection",
    "the balance of work and home",
    "faith and its place at home",
    "everyday affection",
    "loyalty",
    "respect during arguments",
    "the affair and its aftermath",
    "grief",
    "health worries",
    "alcohol use",
    "independence within the relationship",
    "friendships outside the couple",
    "plans for the next few years",
    "what commitment means to each",
    "time alone versus time together",
    "how decisions get made",
)
PRACTICES = (
    "a ten-minute daily check-in",
    "the pause signal",
    "a weekly walk without phones",
    "writing down one appreciation a day",
    "gentler openings to hard conversations",
    "a twenty-minute break when either feels flooded",
    "reflective listening at dinner",
    "a Sunday look at the shared calendar",
    "noticing the first sign of the loop",
    "slow breathing before a difficult conversation",
    "a planned evening out",
    "the repair phrase they agreed on",
    "a short letter to each other",
    "naming one need instead of one complaint",
    "a nightly goodnight ritual",
)
BODY = (
    "a tight chest",
    "a clenched jaw",
    "shallow breathing",
    "heat rising in the face",
    "a knot in the stomach",
    "trembling hands",
    "heavy shoulders",
    "a racing heart",
    "a lump in the throat",
    "restless legs",
)
RARE = (
    "the allotment",
    "kayaking",
    "the harmonium",
    "sourdough baking",
    "a chess club",
    "the caravan",
    "marathon training",
    "beekeeping",
    "a pottery class",
    "choir rehearsals",
    "the rescue greyhound",
    "a sailing course",
    "birdwatching",
    "the bouldering gym",
    "a ceramics studio",
    "salsa lessons",
    "the narrowboat",
    "falconry",
    "an embroidery circle",
    "the vineyard trip",
    "orienteering",
    "the accordion",
    "a tango class",
    "woodturning",
    "the cello",
    "foraging walks",
    "a beekeeping course",
    "the motorbike",
    "quilting",
    "the telescope",
    "ultrarunning",
    "bell-ringing",
    "a calligraphy workshop",
    "the greenhouse",
    "paddleboarding",
    "the synagogue choir",
    "a mosque fundraiser",
    "the parish council",
    "origami",
    "a fencing club",
)

# Sentences by the section they suit. {a} and {b}: the partners' first names (in solo
# notes {b} is the absent partner, or "their partner"); the other slots draw on the
# vocabularies above.
JOINT = {
    "open": (
        "{a} and {b} arrived after {event} and were both visibly {feeling}.",
        "Joint session. {a} opened by describing {event}; {b} listened and then offered a different account.",
        "The couple chose to talk about {topic} today, which they had avoided for several weeks.",
        "{b} said the week had been quieter, while {a} remembered it as {feeling} and tense.",
        "Session began late; {a} had been held up at work and {b} was {feeling} about waiting.",
        "They reported two good evenings and one hard one, the hard one following {event}.",
    ),
    "middle": (
        "When {a} raised {topic}, {b} looked away and answered briefly; {a} pressed harder.",
        "Slowed the exchange about {event} down and traced each move: {a} reaching, {b} retreating.",
        "{a} described feeling {feeling}; {b} had read the same moment as anger and was surprised.",
        "Named the loop out loud and placed it between them rather than inside either of them.",
        "{b} reported {body} as the conversation turned to {topic}; we paused for a few breaths.",
        "Invited {a} to speak to {b} directly rather than to me; the tone softened when {a} did.",
        "Both could say what still matters to them in the relationship and what feels unsustainable.",
        "{b} acknowledged that the silence after {event} had left {a} feeling {feeling}.",
        "Reflected the need under the criticism: {a} wants to know that {b} is still choosing this.",
        "Explored how each family of origin handled conflict; both grew up where anger went underground.",
        "Validated both positions on {topic} without ruling on who is right.",
        "{a} became flooded midway and asked to stop; a short break helped, and {a} returned to the topic.",
        "The couple tried a repair in the room: {b} apologised for the tone and {a} accepted it.",
        "Psychoeducation on flooding and on why talking louder rarely brings the other closer.",
        "{b} said they feel {feeling} whenever {topic} comes up, and {a} had not known this.",
        "Each named one thing the other did this week that helped, which took some prompting.",
        "Explored ambivalence openly: {a} is unsure whether to stay, {b} is more certain.",
        "We tracked the cycle on paper; both recognised it quickly and laughed at how familiar it was.",
    ),
    "close": (
        "Agreed to try {practice} before the next session and to notice what gets in the way.",
        "Homework: {practice}. Each to notice the moment the loop begins, without acting on it yet.",
        "Next session in two weeks; {a} asked to return to {topic} then.",
        "Ended with each saying one sentence to the other about what they hope for; both were {feeling}.",
        "Plan to continue with {practice} and to review how the pause signal is working.",
        "Will keep an eye on flooding and slow the pace if either becomes overwhelmed again.",
    ),
}
SOLO = {
    "open": (
        "Individual session with {a}. Private: not for joint material unless {a} chooses.",
        "{a} came in {feeling} after {event} and wanted to think it through alone first.",
        "Individual session. {a} said the week had been {feeling} and hard to describe.",
        "{a} arrived early and began with {topic}, saying it had been on their mind for days.",
    ),
    "middle": (
        "{a} linked the reaction to {event} with an older pattern from their family.",
        "Explored what {a} does when feeling {feeling}: withdrawing first, then criticising.",
        "{a} noticed {body} when describing {event} and could stay with it briefly.",
        "{a} spoke about {b} with more warmth than last time, though still {feeling}.",
        "Worked on naming the need underneath the complaint about {topic}.",
        "{a} wondered aloud whether the relationship can change, and whether they want it to.",
        "Reflected that both the urge to stay and the urge to leave make sense and can be held together.",
        "{a} described sleeping badly and feeling {feeling} most mornings.",
        "Looked at what {a} would need to feel safe enough to raise {topic} with {b}.",
        "{a} recognised their part in the loop without taking all of the blame for it.",
        "Explored ambivalence: {a} can picture both staying and leaving and feels {feeling} about each.",
        "{a} practised saying a hard sentence out loud; it came out steadier the second time.",
    ),
    "close": (
        "{a} will try {practice} and notice what makes it hard.",
        "Plan: continue individual work fortnightly; revisit {topic} next time.",
        "Agreed that {a} decides what, if anything, from today is shared in joint sessions.",
        "Ended with grounding; {a} left {feeling} but settled.",
    ),
}
# An individual case's own sessions: nothing is private from a partner, no joint work.
SINGLE = {k: tuple(s for s in v if "oint" not in s and "Private" not in s) for k, v in SOLO.items()}
COMMON = (
    "Returned to the genogram and added the grandparents' divorce, which neither had mentioned before.",
    "Sketched a genogram together; three generations of silence around money stood out.",
    "Used the genogram to show how {topic} was handled in each family.",
    "{a} asked to keep the genogram on the table as a reminder of where the patterns started.",
)
DETAIL = (
    "{a} mentioned {rare} as the one place the week felt easy.",
    "They talked about {rare}, something they used to share and have let go.",
    "{b} has taken up {rare}, which {a} experiences as a way of avoiding home.",
    "A lighter moment about {rare} helped the room settle.",
)
SAFETY_LINES = (
    "Screened individually for safety; neither reports fear, coercion or violence.",
    "Safety check: no concerns raised today.",
    "Asked about safety at home; both said they feel safe.",
)
ADDENDA = (
    "Correction: the session was {m} minutes, not the time first recorded.",
    "Late entry: {a} telephoned the next day to add that {event} had been more upsetting than said.",
    "Clarification: the homework agreed was {practice}, not the earlier practice noted above.",
)
SAFETY_NOTES = (
    "Disclosed fear of the partner's temper; joint sessions paused; safety plan in place.",
    "Reports controlling behaviour around money and contact with friends; seen individually only.",
    "Passive suicidal thoughts disclosed; GP informed with consent; weekly check-ins.",
    "Past physical aggression reported by one partner; assess before any joint work.",
)
SECTIONS = {
    "five_steps": ("focus", "shift", "naming", "leaning_in", "direction", "intention", "safety"),
    "dap": ("data", "assessment", "plan"),
    "soap": ("subjective", "objective", "assessment", "plan"),
}


@dataclass(frozen=True)
class ScaleSummary:
    cases: int
    sessions: int
    notes: int
    signed: int
    addenda: int
    seconds: float


@dataclass
class _Rows:
    """One chunk's rows, table by table, in insertion order."""

    cases: list[dict[str, Any]] = field(default_factory=list)
    partners: list[dict[str, Any]] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)
    partner_steps: list[dict[str, Any]] = field(default_factory=list)
    readings: list[dict[str, Any]] = field(default_factory=list)
    couple: list[dict[str, Any]] = field(default_factory=list)
    search: list[dict[str, Any]] = field(default_factory=list)
    signatures: list[dict[str, Any]] = field(default_factory=list)
    addenda: list[dict[str, Any]] = field(default_factory=list)


class _Writer:
    """Turns random draws into rows. Ids are given explicitly so rows can refer to each
    other before anything is inserted."""

    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.now = datetime.combine(today, datetime.min.time()) + timedelta(hours=8)
        self.partner_id = self.session_id = self.addendum_id = 0
        self.sessions = self.signed = self.addenda = 0
        self.signature = DEMO_CLINICIAN.signature

    def case(self, rows: _Rows, case_id: int, n_cases: int) -> None:
        rng = self.rng
        couple = rng.random() < 0.75 or case_id <= 2
        people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2 if couple else 1)]
        if couple and rng.random() < 0.3:  # a shared surname
            people[1] = f"{people[1].split()[0]} {people[0].split()[-1]}"
        count = max(1, min(120, round(rng.gammavariate(2.0, 10.0))))
        if n_cases >= LONG_CASES_FROM and case_id <= 2:
            count = LONG_CASE_SESSIONS if case_id == 1 else SUMMARY_CASE_SESSIONS
        closed = rng.random() < 0.1 and case_id > 2
        gap = rng.choice((7, 7, 7, 14))
        last = self.now - timedelta(days=rng.randint(1, 40))
        if closed:
            last -= timedelta(days=rng.randint(60, 3000))
        first = last - timedelta(days=gap * (count - 1) + rng.randint(0, 20))
        first = first.replace(hour=rng.choice((9, 10, 12, 14, 16, 17, 18)), minute=0)
        safety = rng.random() < 0.04
        rows.cases.append(
            {
                "id": case_id,
                "kind": "couple" if couple else "individual",
                "display_name": " & ".join(people),
                "relationship_structure": rng.choice(STRUCTURES) if couple else "",
                "status": "closed" if closed else "active",
                "opened_on": first.date(),
                "closed_on": (last + timedelta(days=rng.randint(1, 30))).date() if closed else None,
                "safety_flag": safety,
                "safety_note": rng.choice(SAFETY_NOTES) if safety else "",
                "created_at": first,
                "updated_at": last,
            }
        )
        pids = []
        for position, name in enumerate(people, start=1):
            self.partner_id += 1
            pids.append(self.partner_id)
            first_name = name.split()[0]
            rows.partners.append(
                {
                    "id": self.partner_id,
                    "case_id": case_id,
                    "position": position,
                    "name": name,
                    "pronouns": rng.choice(PRONOUNS),
                    "date_of_birth": date(rng.randint(1950, 2002), rng.randint(1, 12), 14),
                    "email": f"{first_name.lower()}.{case_id}@example.org"
                    if rng.random() < 0.6
                    else "",
                    "phone": f"555-{rng.randint(0, 9999):04d}" if rng.random() < 0.5 else "",
                }
            )
        firsts = [p.split()[0] for p in people]
        steps = [1 for _ in pids]
        intensity = rng.randint(4, 9)
        when = first
        for i in range(count):
            if i:
                when += timedelta(days=gap)
            attending = rng.choice(pids) if couple and rng.random() < 0.12 else None
            last_one = i == count - 1
            self._session(rows, case_id, pids, firsts, steps, when, attending, couple, last_one)
            if couple and attending is None:
                intensity = max(0, min(10, intensity + rng.choice((-2, -1, -1, 0, 0, 1, 2))))
                if rng.random() < 0.85:
                    self._couple(rows, intensity)

    def _session(
        self,
        rows: _Rows,
        case_id: int,
        pids: list[int],
        firsts: list[str],
        steps: list[int],
        when: datetime,
        attending: int | None,
        couple: bool,
        last_one: bool,
    ) -> None:
        rng = self.rng
        self.session_id += 1
        self.sessions += 1
        sid = self.session_id
        rows.sessions.append(
            {
                "id": sid,
                "case_id": case_id,
                "starts_at": when,
                "duration_minutes": rng.choice((50, 50, 60, 75, 90)),
                "modality": "telehealth" if rng.random() < 0.3 else "in_person",
                "attending_partner_id": attending,
                "created_at": when,
            }
        )
        template = rng.choices(("five_steps", "dap", "soap"), (70, 15, 15))[0]
        present = [i for i, pid in enumerate(pids) if attending in (None, pid)]
        a = firsts[present[0]]
        if attending is None and couple:
            b, pool = firsts[1], JOINT
        else:
            b = firsts[1 - present[0]] if couple else "their partner"
            pool = SOLO if couple else SINGLE
        sections = self._sections(template, pool, a, b)
        rows.notes.append(
            {
                "id": sid,
                "session_id": sid,
                "template": template,
                "sections": sections,
                "private": attending is not None,
                "created_at": when,
                "updated_at": when + timedelta(hours=2),
            }
        )
        rows.search.append({"b": full_text(sections), "n": sid, "a": 0})
        for i in present:
            steps[i] = max(1, min(5, steps[i] + rng.choice((0, 0, 0, 0, 1, 1, -1))))
        tags = {steps[i] for i in present}
        if rng.random() < 0.3:
            tags.add(max(1, min(5, max(tags) + 1)))
        rows.steps.extend({"note_id": sid, "step": s} for s in sorted(tags))
        if rng.random() < 0.88:  # most sessions record where each partner stands
            for i in present:
                rows.partner_steps.append({"note_id": sid, "partner_id": pids[i], "step": steps[i]})
                flooded = rng.random() < 0.12
                rows.readings.append(
                    {
                        "note_id": sid,
                        "partner_id": pids[i],
                        "position": rng.randint(-3, 3),
                        "stance": rng.randint(0, 10) if rng.random() < 0.8 else None,
                        "clarity": min(10, steps[i] * 2 + rng.randint(-1, 1)),
                        "flooded": flooded,
                        "flooding_note": "Went quiet and pale; a short break helped."
                        if flooded
                        else "",
                        "direction": rng.choice(DIRECTIONS) if steps[i] >= 4 else None,
                    }
                )
        draft = (last_one and rng.random() < 0.5) or rng.random() < 0.04
        if not draft:
            self.signed += 1
            signed_at = min(when + timedelta(hours=rng.randint(1, 30)), self.now)
            rows.signatures.append(
                {"nid": sid, "sat": signed_at, "sby": self.signature, "uid": SOLO_USER_ID}
            )
            if rng.random() < 0.015:
                self.addendum_id += 1
                self.addenda += 1
                body = self._fill(rng.choice(ADDENDA), a, b).replace("{m}", "60")
                rows.addenda.append(
                    {
                        "id": self.addendum_id,
                        "note_id": sid,
                        "created_at": signed_at + timedelta(days=rng.randint(1, 9)),
                        "author": self.signature,
                        "author_id": SOLO_USER_ID,
                        "body": body,
                    }
                )
                rows.search.append({"b": body, "n": sid, "a": self.addendum_id})

    def _couple(self, rows: _Rows, intensity: int) -> None:
        rng = self.rng
        sid = self.session_id
        attempts = rng.randint(0, 4)
        rows.couple.append(
            {
                "note_id": sid,
                "loops": sorted(rng.sample(LOOPS, rng.choice((1, 1, 2)))),
                "loop_other": "",
                "intensity": intensity,
                "trigger": rng.choice(EVENTS) if rng.random() < 0.5 else "",
                "co_regulation": rng.random() < 0.45,
                "co_regulation_note": "",
                "repair_attempts": attempts,
                "repairs_landed": rng.randint(0, attempts),
            }
        )

    def _fill(self, sentence: str, a: str, b: str) -> str:
        rng = self.rng
        out = sentence.replace("{a}", a).replace("{b}", b)
        for slot, words in (
            ("{feeling}", FEELINGS),
            ("{event}", EVENTS),
            ("{topic}", TOPICS),
            ("{practice}", PRACTICES),
            ("{body}", BODY),
            ("{rare}", RARE),
        ):
            while slot in out:
                out = out.replace(slot, rng.choice(words), 1)
        return out

    def _sections(
        self, template: str, pool: dict[str, tuple[str, ...]], a: str, b: str
    ) -> dict[str, str]:
        """About 1,500 characters over the template's sections: an opening, the middle of
        the session, the plan; a genogram line in a quarter of notes, a rare detail now
        and then, and a safety line in some."""
        rng = self.rng
        keys = SECTIONS[template]
        target = max(900, min(2300, rng.gauss(1500, 220)))
        first, plan = keys[0], keys[-2] if template == "five_steps" else keys[-1]
        middle = [k for k in keys if k not in (first, plan, "safety")]
        middle = rng.sample(middle, min(len(middle), rng.randint(2, 4)))
        out: dict[str, list[str]] = {first: [self._fill(rng.choice(pool["open"]), a, b)]}
        extras = []
        if rng.random() < COMMON_SHARE:
            extras.append(self._fill(rng.choice(COMMON), a, b))
        if rng.random() < 0.3:
            extras.append(self._fill(rng.choice(DETAIL), a, b))
        for s in extras:
            out.setdefault(rng.choice(middle), []).append(s)
        closing = self._fill(rng.choice(pool["close"]), a, b)
        size = len(closing) + sum(len(s) + 1 for v in out.values() for s in v)
        while size < target:
            s = self._fill(rng.choice(pool["middle"]), a, b)
            out.setdefault(rng.choice(middle), []).append(s)
            size += len(s) + 2
        out.setdefault(plan, []).append(closing)
        if template == "five_steps" and rng.random() < 0.25:
            out["safety"] = [rng.choice(SAFETY_LINES)]
        return {k: " ".join(out[k]) for k in keys if k in out}


def _insert(conn: Connection, rows: _Rows) -> None:
    for model, batch in (
        (Case, rows.cases),
        (Partner, rows.partners),
        (Session, rows.sessions),
        (Note, rows.notes),
        (NoteStep, rows.steps),
        (NotePartnerStep, rows.partner_steps),
        (PartnerReadingRow, rows.readings),
        (CoupleReadingRow, rows.couple),
    ):
        if batch:
            conn.execute(insert(model), batch)
    if rows.search:
        conn.execute(
            text(
                "INSERT INTO note_search (rowid, body, note_id, addendum_id) "
                "VALUES (CASE WHEN :a = 0 THEN :n ELSE -:a END, :b, :n, :a)"
            ),
            rows.search,
        )
    # Signing comes after the tags and readings: the triggers refuse them on signed notes.
    if rows.signatures:
        conn.execute(
            update(Note)
            .where(Note.id == bindparam("nid"))
            .values(
                signed_at=bindparam("sat"),
                signed_by=bindparam("sby"),
                signed_by_id=bindparam("uid"),
            ),
            rows.signatures,
        )
    if rows.addenda:  # addenda belong to signed notes
        conn.execute(insert(Addendum), rows.addenda)


def build_scale_practice(
    folder: Path,
    n_cases: int,
    *,
    today: date | None = None,
    seed: int = 2024,
    progress: Callable[[str], None] | None = None,
) -> tuple[OpenPractice, ScaleSummary]:
    """Create a demo practice (passphrase "demo") of *n_cases* invented cases in *folder*
    and return it unlocked. Raises store.PracticeExists if *folder* already holds one; a
    half-built practice is removed again if filling it fails."""
    if n_cases < 1:
        raise ValueError("A scale practice needs at least one case.")
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    opened, _recovery = opening.create(folder, DEMO_PASSPHRASE, DEMO_CLINICIAN, is_demo=True)
    writer = _Writer(random.Random(seed), today or date.today())
    try:
        for start in range(1, n_cases + 1, CASES_PER_CHUNK):
            rows = _Rows()
            for case_id in range(start, min(n_cases, start + CASES_PER_CHUNK - 1) + 1):
                writer.case(rows, case_id, n_cases)
            with opened.uow() as uow:
                _insert(uow.session.connection(), rows)
                uow.commit()
            done = min(n_cases, start + CASES_PER_CHUNK - 1)
            say(
                f"{done:,} of {n_cases:,} cases, {writer.sessions:,} notes "
                f"({time.perf_counter() - started:.0f} s)"
            )
        with opened.uow() as uow:
            uow.audit(
                AuditAction.CREATED,
                "practice",
                detail=f"scale demo practice: {n_cases} cases, {writer.sessions} notes",
            )
            uow.commit()
        integrity.seal_unsealed(opened, legacy=False)
    except BaseException:
        opened.close()
        opened.backend.discard_new(folder)
        raise
    summary = ScaleSummary(
        cases=n_cases,
        sessions=writer.sessions,
        notes=writer.sessions,
        signed=writer.signed,
        addenda=writer.addenda,
        seconds=time.perf_counter() - started,
    )
    return opened, summary
