"""Note templates: which sections a note has, in what order, with what prompt.

The five-step template is the house default; DAP and SOAP are there for clinicians and
payers who expect them. A note keeps its sections by key, so switching template never
throws text away: sections that the new template lacks are kept and shown after its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from clarity_desktop.domain.locked_text import LOCKED_SECTION, LOCKED_TITLE


class Template(Enum):
    FIVE_STEPS = "five_steps"
    DAP = "dap"
    SOAP = "soap"

    @property
    def title(self) -> str:
        return {
            Template.FIVE_STEPS: "Five steps",
            Template.DAP: "DAP",
            Template.SOAP: "SOAP",
        }[self]


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    prompt: str  # for a joint session of a couple
    one_prompt: str = ""  # for one person in the room, where the wording differs

    def prompt_for(self, joint: bool) -> str:
        """The prompt for who was in the room: an individual case, or one partner of a
        couple seen alone, never reads "the couple"."""
        return self.prompt if joint or not self.one_prompt else self.one_prompt


SECTIONS: dict[Template, tuple[SectionSpec, ...]] = {
    Template.FIVE_STEPS: (
        SectionSpec(
            "focus",
            "Focus of the session",
            "What the couple brought today.",
            "What the client brought today.",
        ),
        SectionSpec("shift", "Noticing the shift", "Changes sensed since last time."),
        SectionSpec("naming", "Naming what's happening", "Words found for what has changed."),
        SectionSpec(
            "leaning_in",
            "Leaning in",
            "Both pulls explored: what matters, what feels unsustainable.",
        ),
        SectionSpec("direction", "Direction", "Any direction taking shape, and how sure it feels."),
        SectionSpec("intention", "Next steps", "Agreed practices, homework, next session."),
        SectionSpec("safety", "Safety and risk", "Screening, concerns, plan."),
    ),
    Template.DAP: (
        SectionSpec("data", "Data", "What was observed and said."),
        SectionSpec("assessment", "Assessment", "Clinical impressions."),
        SectionSpec("plan", "Plan", "Interventions and next steps."),
    ),
    Template.SOAP: (
        SectionSpec(
            "subjective", "Subjective", "What the clients reported.", "What the client reported."
        ),
        SectionSpec("objective", "Objective", "What the clinician observed."),
        SectionSpec("assessment", "Assessment", "Clinical impressions."),
        SectionSpec("plan", "Plan", "Interventions and next steps."),
    ),
}

MAX_NOTE_CHARS = 2_000_000

# Sections session mode writes into any template's note (domain/markers.py): what was
# jotted on its note pad, and the "Moments" summary of the markers, confirmed at its end.
SESSION_PAD = "session_pad"
MOMENTS = "moments"
EXTRA_TITLES: dict[str, str] = {
    SESSION_PAD: "Jotted during the session",
    MOMENTS: "Moments",
    LOCKED_SECTION: LOCKED_TITLE,  # a note whose case key this reader does not hold
}


def section_titles(template: Template) -> dict[str, str]:
    return {s.key: s.title for s in SECTIONS[template]}


def ordered_sections(template: Template, texts: dict[str, str]) -> list[tuple[str, str, str]]:
    """(key, title, text) in template order, then any extra non-empty sections kept by key."""
    specs = SECTIONS[template]
    known = {s.key for s in specs}
    out = [(s.key, s.title, texts.get(s.key, "")) for s in specs]
    all_titles: dict[str, str] = dict(EXTRA_TITLES)
    for t in Template:
        all_titles.update(section_titles(t))
    for key, text in texts.items():
        if key not in known and text.strip():
            out.append((key, all_titles.get(key, key.replace("_", " ").capitalize()), text))
    return out
