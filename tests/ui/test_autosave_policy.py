"""When a draft saves itself (ui/note/autosave.py), decided without a window: a clock
the test moves by hand stands in for time."""

from __future__ import annotations

from clarity_desktop.ui.note import autosave
from clarity_desktop.ui.note.autosave import AutosavePolicy, Next


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_pause_in_typing_saves_and_steady_typing_saves_every_two_seconds() -> None:
    clock = Clock()
    policy = AutosavePolicy(clock)
    assert not policy.needs_saving()
    assert policy.edited() is Next.AFTER_PAUSE  # a timer of IDLE_MS: a pause saves
    assert policy.needs_saving()
    clock.now += 1.9
    assert policy.edited() is Next.AFTER_PAUSE  # typing on, still within the limit
    clock.now += 0.2
    assert policy.edited() is Next.SAVE_NOW  # 2.1 s unsaved: save without a pause
    policy.saved()
    assert not policy.needs_saving()
    clock.now += 5
    assert policy.edited() is Next.AFTER_PAUSE  # the limit counts from the first unsaved edit


def test_a_busy_practice_is_retried_after_longer_and_longer_waits_and_typing_keeps_the_plan() -> (
    None
):
    policy = AutosavePolicy(Clock())
    policy.edited()
    waits = [policy.busy() for _ in range(6)]
    assert waits == [500, 1000, 2000, 4000, 4000, 4000]
    assert policy.waiting_for_writer
    assert policy.edited() is Next.KEEP_WAITING  # the retry already planned stands
    assert not policy.save_on_focus_leaving()  # nor does leaving the field try at once
    policy.saved()
    assert not policy.waiting_for_writer
    assert policy.busy() == 500  # a later busy spell starts short again


def test_leaving_the_note_saves_only_what_changed() -> None:
    policy = AutosavePolicy(Clock())
    assert not policy.save_on_focus_leaving()  # nothing typed
    policy.edited()
    assert policy.save_on_focus_leaving()


def test_a_failed_save_is_tried_again_and_a_note_shown_afresh_is_clean() -> None:
    policy = AutosavePolicy(Clock())
    policy.edited()
    assert policy.failed() == autosave.RETRY_MS
    assert policy.needs_saving()  # the text is kept until it saves
    policy.shown()
    assert not policy.needs_saving()
    policy.edited()
    policy.busy()
    policy.cleared()  # the note closed: no retry pending
    assert not policy.waiting_for_writer
