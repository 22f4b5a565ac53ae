"""Speed at practice scale: ten thousand cases, two hundred thousand notes. Prints a table;
asserts nothing about time (speed is watched by reading these, not by timed tests).

    .venv/bin/python tests/bench/bench_practice.py [--cases 10000] [--reuse DIR | --keep DIR]

Builds the practice with devtools/scale.py (what ``clarity-desktop demo --scale N`` does;
passphrase "demo") in a temporary folder, or reuses one built before (--reuse DIR; it
gains a few audit rows and saved drafts). Each figure is measured in the same run as its
baseline, on the same machine, as the median of several runs (the count is printed):

1. process start to the unlock window painted, against a bare PySide6 window with a
   table: two small scripts run as subprocesses, each printing time.time() at its first
   complete paint; measured from just before Popen (median of 7, alternating);
2. unlock to the main window showing the case list, in a fresh process each run (the
   services preloaded as while the passphrase is typed), Argon2 reported separately;
3. services.search.search_notes against the same SQL (store/sqlite/fts.py) on a raw sqlcipher3
   connection, for a rarer word and for the word in a quarter of all notes;
4. filter-as-you-type on the case list: CaseFilterProxy.set_text per keystroke, and the
   keystroke with the view repainted;
5. opening the 300-session case with its dashboard drawn (get_case, case_timeline,
   CaseDashboard.set_timeline, grab());
6. the 100-session case summary PDF against a bare reportlab build of the same content
   (tests/bench/bench_reports.py), and a handout;
7. saving a ~1,500-character draft (notes.save_draft, which runs on the GUI thread);
8. peak memory (ru_maxrss) of the process in 2, with the main window and case list shown.

Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clarity_desktop.domain.records import CaseStatus

ROOT = Path(__file__).resolve().parents[2]
BENCH = Path(__file__).resolve().parent
PASSPHRASE = "demo"

# -- 1. the two start-up scripts; both report the end of their first paint ---------------

FIRST_PAINT = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    seen = False

    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, self.report)  # after the whole first frame
        return False

    def report(self):
        print(repr(time.time()), flush=True)
        os._exit(0)


HOOK = FirstPaint()
"""

BARE = (
    FIRST_PAINT
    + """
from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

app = QApplication(sys.argv)
app.installEventFilter(HOOK)
table = QTableWidget(20, 3)
table.setHorizontalHeaderLabels(["Case", "Last session", "Sessions"])
for row in range(20):
    for col in range(3):
        table.setItem(row, col, QTableWidgetItem(f"{row} {col}"))
table.setWindowTitle("Bare")
table.resize(460, 360)
table.show()
app.exec()
"""
)

APP = (
    FIRST_PAINT
    + """
from clarity_desktop.ui.main import app as ui_app
from PySide6.QtWidgets import QApplication

start = ui_app.AppController.start


def hooked(self):
    QApplication.instance().installEventFilter(HOOK)
    start(self)


ui_app.AppController.start = hooked
from clarity_desktop.cli import main

sys.exit(main(["--data-dir", sys.argv[1]]))
"""
)

# -- 2 and 8. unlock to the main window, in a fresh process --------------------------------

UNLOCK = """
import json, os, resource, sys, threading, time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from clarity_desktop.ui.main import app as ui_app


def rss_kib():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))


folder = Path(sys.argv[1])
qapp = QApplication([])
controller = ui_app.AppController(folder)
controller.start()
for t in threading.enumerate():  # the user is typing the passphrase meanwhile
    if t.name == "preload":
        t.join()
if os.environ.get("BENCH_WHAT_IF"):
    # Two changes outside the files this benchmark may touch, measured for the README:
    # the main window's modules imported while the passphrase is typed (ui/main/app.py's
    # preload), and the case list's two narrow columns sized from the rows on screen
    # rather than from 1,000 rows (ui/case/case_list.py).
    import clarity_desktop.ui.main.main_window  # noqa: F401
    from clarity_desktop.ui.case import case_list

    panel_init = case_list.CaseListPanel.__init__

    def sized_from_visible_rows(self, *args, **kwargs):
        panel_init(self, *args, **kwargs)
        self.table.horizontalHeader().setResizeContentsPrecision(0)

    case_list.CaseListPanel.__init__ = sized_from_visible_rows
qapp.processEvents()
rss_before = rss_kib()

from clarity_desktop.services import cases, practices

try:  # where the key file is unwrapped: store/sqlite/practice.py since the storage seam
    from clarity_desktop.store.sqlite import practice as store
except ImportError:
    from clarity_desktop.store import practice as store

spent = {}


def timed(name, fn):
    def run(*args, **kwargs):
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

    return run


# Argon2 runs where the key file is unwrapped: unlock_key in older versions, unlock_secrets
# (which also yields the signing key) since seals.
if hasattr(store, "unlock_secrets"):
    store.unlock_secrets = timed("kdf", store.unlock_secrets)
else:
    store.unlock_key = timed("kdf", store.unlock_key)
cases.list_cases = timed("list_cases", cases.list_cases)


class Painted(QObject):
    done = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.done = True
        return False


t0 = time.perf_counter()
opened = practices.unlock_practice(folder, sys.argv[2])
t1 = time.perf_counter()
rss_unlocked = rss_kib()
controller.window.unlocked.emit(opened)  # what the unlock window does when its worker is done
t2 = time.perf_counter()
painted = Painted()
table = controller.main.case_list.table
table.viewport().installEventFilter(painted)
while not painted.done:
    qapp.processEvents()
qapp.processEvents()  # the rest of the frame
t3 = time.perf_counter()
print(json.dumps({
    "kdf": spent["kdf"],
    "open": t1 - t0 - spent["kdf"],
    "list_cases": spent.get("list_cases", 0.0),
    "window": t2 - t1,
    "paint": t3 - t2,
    "total_without_kdf": t3 - t0 - spent["kdf"],
    "rows": controller.main.case_list.proxy.rowCount(),
    "rss_before_kib": rss_before,
    "rss_unlocked_kib": rss_unlocked,
    "rss_after_kib": rss_kib(),
    "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}), flush=True)
os._exit(0)
"""


def child_env(config: Path) -> dict[str, str]:
    # Bytecode written and used, as an installed program has it (without it every start
    # compiles our modules and figure 1 measures the compiler).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["XDG_CONFIG_HOME"] = str(config)  # no preferences from whoever runs the bench
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_script(script: Path, args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.time()
    done = subprocess.run(
        [sys.executable, str(script), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=180,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{script.name} failed:\n{done.stderr}")
    return start, done.stdout.strip().splitlines()[-1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed_runs(fn: Callable[[], object], runs: int, warm: int = 1) -> list[float]:
    for _ in range(warm):
        fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str, str]] = []
        self.notes: list[str] = []

    def add(
        self, number: str, what: str, program: str, baseline: str, ratio: str, target: str
    ) -> None:
        self.rows.append((number, what, program, baseline, ratio, target))
        print(f"  {number:<3} {what}: {program}  (baseline {baseline}, ratio {ratio}; {target})")

    def markdown(self) -> str:
        head = ("#", "Measure", "Clarity", "Baseline", "Ratio", "Target")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in self.rows]
        return "\n".join(lines)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


# -- the measurements ------------------------------------------------------------------


def startup(folder: Path, scripts: Path, env: dict[str, str], table: Table, runs: int) -> None:
    bare, app = scripts / "bare_window.py", scripts / "unlock_window.py"
    bare.write_text(BARE, encoding="utf-8")
    app.write_text(APP, encoding="utf-8")
    run_script(bare, [], env)  # warm the file cache for both
    run_script(app, [str(folder)], env)
    times: dict[str, list[float]] = {"bare": [], "app": []}
    for _ in range(runs):
        for name, script, args in (("bare", bare, []), ("app", app, [str(folder)])):
            start, line = run_script(script, args, env)
            times[name].append(float(line) - start)
    b, a = median(times["bare"]), median(times["app"])
    table.add(
        "1",
        f"start to unlock window painted (median of {runs})",
        ms(a),
        f"bare PySide6 window with a table {ms(b)}",
        f"{a / b:.2f}×",
        f"≤ 1.3× {verdict(a / b <= 1.3)}",
    )


def unlock(folder: Path, scripts: Path, env: dict[str, str], table: Table, runs: int) -> None:
    child = scripts / "unlock_child.py"
    child.write_text(UNLOCK, encoding="utf-8")

    def measure(child_env: dict[str, str], n: int) -> Callable[[str], float]:
        results = []
        for _ in range(n):
            _start, line = run_script(child, [str(folder), PASSPHRASE], child_env)
            results.append(json.loads(line))
        return lambda key: median([float(r[key]) for r in results])

    med = measure(env, runs)
    total = med("total_without_kdf")
    table.add(
        "2",
        f"unlock to main window with {int(med('rows')):,} active cases listed (median of {runs})",
        ms(total),
        f"Argon2 key derivation {ms(med('kdf'))} (reported apart)",
        "—",
        f"< 500 ms {verdict(total < 0.5)}",
    )
    what_if = measure({**env, "BENCH_WHAT_IF": "1"}, runs)
    table.notes.append(
        f"2: opening and checking the database {ms(med('open'))} (Argon2 excluded); "
        f"the main window built and shown {ms(med('window'))}, of which list_cases "
        f"{ms(med('list_cases'))}; its first paint {ms(med('paint'))}. With the main "
        "window's modules imported during the passphrase (ui/main/app.py preload) and the case "
        "list's narrow columns sized from the visible rows (ui/case/case_list.py), measured the "
        f"same way: {ms(what_if('total_without_kdf'))}."
    )
    peak = med("maxrss_kib") / 1024
    table.add(
        "8",
        f"peak memory, practice open in the main window (median of {runs})",
        f"{peak:.0f} MiB",
        f"before unlocking {med('rss_before_kib') / 1024:.0f} MiB",
        "—",
        f"< 200 MiB {verdict(peak < 200)}",
    )
    table.notes.append(
        f"8: ru_maxrss of the process in 2. Resident: {med('rss_before_kib') / 1024:.0f} MiB "
        f"at the unlock window (services preloaded), {med('rss_unlocked_kib') / 1024:.0f} MiB "
        f"just after unlocking, {med('rss_after_kib') / 1024:.0f} MiB with the main window "
        "shown; the peak comes during key derivation (Argon2 takes 64 MiB for a moment)."
    )


def search(opened: Any, key: bytes, table: Table, runs: int, case_id: int | None = None) -> None:
    from clarity_desktop.devtools import scale
    from clarity_desktop.services import search as search_service
    from clarity_desktop.store.files import db_path
    from clarity_desktop.store.sqlite import fts
    from clarity_desktop.store.sqlite.engine import connect_raw

    raw = connect_raw(db_path(opened.folder), key)

    def on_raw(sql: str, params: dict[str, Any]) -> list[Any]:
        return list(raw.execute(sql, params).fetchall())

    try:
        for label, query in (
            ("a rarer word", "harmonium"),
            ("two words (extra)", "resentful mortgage"),
            ("the word in a quarter of notes", scale.COMMON_WORD),
        ):
            matches = raw.execute(
                "SELECT count(*) FROM note_search WHERE note_search MATCH ?",
                (fts.to_match_query(query),),
            ).fetchone()[0]
            # In blocks, raw before and after the service, not interleaved: each search
            # writes its audit row, and a write by another connection empties the raw
            # connection's page cache (it would then decrypt every page again and look
            # slower than the service).
            raw_times = timed_runs(lambda q=query: fts.run_search(on_raw, q), runs, warm=2)
            service_times = timed_runs(
                lambda q=query: search_service.search_notes(opened.uow(), q), runs, warm=2
            )
            raw_times += timed_runs(lambda q=query: fts.run_search(on_raw, q), runs, warm=2)
            s, r = median(service_times), median(raw_times)
            table.add(
                "3",
                f"search {label} ({query!r}, {matches:,} notes; median of {runs})",
                ms(s),
                f"raw sqlcipher3, same SQL {ms(r)}",
                f"{s / r:.2f}×",
                f"≤ 1.5× {verdict(s / r <= 1.5)}; < 10 ms {verdict(s < 0.010)}",
            )
            if case_id is not None:  # "Only in this case": the index has no case column
                in_case = median(
                    timed_runs(
                        lambda q=query: search_service.search_notes(
                            opened.uow(), q, search_service.DEFAULT_LIMIT, case_id
                        ),
                        runs,
                        warm=1,
                    )
                )
                table.add(
                    "3",
                    f"the same, only in the longest case (median of {runs})",
                    ms(in_case),
                    f"whole practice {ms(s)}",
                    f"{in_case / s:.2f}×",
                    "off the GUI thread; figure only",
                )

        def audit_only() -> None:
            from clarity_desktop.domain.audit_actions import AuditAction

            with opened.uow() as uow:
                uow.audit(AuditAction.SEARCHED, "practice", detail="benchmark: the audit row alone")
                uow.commit()

        params = {
            "q": fts.to_match_query(scale.COMMON_WORD),
            "s": fts.HIT_START,
            "e": fts.HIT_END,
            "lim": 100,
        }
        ranked = median(timed_runs(lambda: on_raw(fts.BEST_FIRST, params), 5))
        table.notes.append(
            "3: every search also writes its audit row, committed with an fsync (synchronous="
            f"FULL): that alone takes {ms(median(timed_runs(audit_only, runs)))} here. "
            f"Past {fts.RANKED_AT_MOST:,} matches the newest come first instead of the best "
            f"(store/sqlite/fts.py): ranking all notes with {scale.COMMON_WORD!r} takes {ms(ranked)} "
            "on the raw connection."
        )
    finally:
        raw.close()


def filtering(app: Any, rows: list[Any], table: Table, runs: int) -> None:
    from clarity_desktop.ui.case.case_list import CaseListPanel

    panel = CaseListPanel()
    panel.resize(430, 700)
    panel.set_cases(rows)
    panel.show()
    app.processEvents()
    word = "okafor"
    per_key: list[list[float]] = [[] for _ in word]
    painted: list[list[float]] = [[] for _ in word]
    clearing: list[float] = []
    for _ in range(runs):
        for i in range(1, len(word) + 1):
            t = time.perf_counter()
            panel.proxy.set_text(word[:i])
            per_key[i - 1].append(time.perf_counter() - t)
        panel.proxy.set_text("")
        app.processEvents()
        for i in range(1, len(word) + 1):
            t = time.perf_counter()
            panel.filter.setText(word[:i])  # the line edit: filter, empty-state label
            app.processEvents()  # and the view repainted
            painted[i - 1].append(time.perf_counter() - t)
        t = time.perf_counter()
        panel.filter.clear()
        app.processEvents()
        clearing.append(time.perf_counter() - t)
    keys = [median(k) for k in per_key]
    with_paint = [median(k) for k in painted]
    shown = sum(1 for r in rows if r.status is CaseStatus.ACTIVE)
    table.add(
        "4",
        f"filter {len(rows):,} cases as {word!r} is typed: slowest keystroke (median of {runs})",
        ms(max(keys)),
        "—",
        "—",
        f"< 16 ms {verdict(max(keys) < 0.016)}",
    )
    table.notes.append(
        "4: CaseFilterProxy.set_text per keystroke "
        + ", ".join(f"{word[: i + 1]!r} {k * 1000:.1f}" for i, k in enumerate(keys))
        + " ms; typed into the line edit with the view repainted, slowest "
        f"{ms(max(with_paint))}; clearing the filter (all {shown:,} active cases back) "
        f"{ms(median(clearing))}."
    )
    panel.close()


def open_long_case(app: Any, opened: Any, case_id: int, table: Table, runs: int) -> None:
    from clarity_desktop.services import cases, dynamics
    from clarity_desktop.ui.dashboard.dashboard import CaseDashboard

    dashboard = CaseDashboard()
    dashboard.resize(1000, 760)
    dashboard.show()
    app.processEvents()
    sessions = 0
    phases: dict[str, list[float]] = {}

    def phase(name: str, since: float) -> float:
        now = time.perf_counter()
        phases.setdefault(name, []).append(now - since)
        return now

    def open_case() -> None:
        nonlocal sessions
        t = time.perf_counter()
        detail = cases.open_case(opened.uow(), case_id)
        t = phase("get_case", t)
        timeline = dynamics.case_timeline(opened.uow(), case_id)
        t = phase("case_timeline", t)
        dashboard.set_timeline(timeline)
        t = phase("set_timeline", t)
        dashboard.grab()
        phase("grab", t)
        sessions = len(detail.sessions)

    took = median(timed_runs(open_case, runs))
    table.add(
        "5",
        f"open the {sessions}-session case, dashboard drawn (median of {runs})",
        ms(took),
        "—",
        "—",
        f"< 150 ms {verdict(took < 0.150)}",
    )
    table.notes.append(
        "5: "
        + ", ".join(f"{name} {ms(median(times[1:]))}" for name, times in phases.items())
        + " (medians)."
    )
    dashboard.close()


def documents(opened: Any, case_id: int, table: Table, runs: int) -> None:
    sys.path.insert(0, str(BENCH))
    import bench_reports

    from clarity_desktop.domain.steps import Step
    from clarity_desktop.services import cases, dynamics
    from clarity_desktop.services import documents as docs

    case = cases.read_case(opened.uow(), case_id)
    doc = docs.summary_document(
        case, dynamics.case_timeline(opened.uow(), case_id), opened.clinician.signature
    )
    service = bench_reports.median_s(lambda: docs.summary_pdf(opened.uow(), case_id), runs)
    bare = bench_reports.median_s(lambda: bench_reports.bare_build(doc), runs)
    builder = bench_reports.median_s(lambda: bench_reports.summary.build_summary(doc), runs)

    def gather() -> None:
        detail = cases.read_case(opened.uow(), case_id)
        docs.summary_document(
            detail, dynamics.case_timeline(opened.uow(), case_id), opened.clinician.signature
        )

    gathering = bench_reports.median_s(gather, runs)
    table.notes.append(
        f"6: of the summary, reading the case and its timeline {ms(gathering)}; "
        f"reports.summary.build_summary alone {ms(builder)} ({builder / bare:.2f}× bare)."
    )
    table.add(
        "6",
        f"case summary PDF, {len(case.sessions)} sessions (median of {runs})",
        ms(service),
        f"bare reportlab, same content {ms(bare)}",
        f"{service / bare:.2f}×",
        f"≤ 1.5× {verdict(service / bare <= 1.5)}",
    )
    first = case.partners[0]
    handout = bench_reports.median_s(
        lambda: docs.handout_pdf(
            opened.uow(),
            case_id,
            Step.LEAN_IN,
            [first.name.split()[0]],
            "See you on Tuesday.",
            partner_id=first.id,
        ),
        runs,
    )
    table.add(
        "6",
        f"handout PDF (median of {runs})",
        ms(handout),
        "—",
        "—",
        f"< 150 ms {verdict(handout < 0.150)}",
    )


def save_draft(opened: Any, table: Table, runs: int) -> None:
    from sqlalchemy import text

    from clarity_desktop.services import notes
    from clarity_desktop.services.dto import NoteDraft

    with opened.engine.connect() as conn:
        note_id = conn.execute(
            text(
                "SELECT n.id FROM notes n JOIN sessions s ON s.id = n.session_id "
                "WHERE n.signed_at IS NULL AND s.attending_partner_id IS NULL "
                "ORDER BY n.id DESC LIMIT 1"
            )
        ).scalar_one()
    note = notes.open_note(opened.uow(), note_id)
    base = {k: v for k, v in note.sections.items()}
    key = next(iter(base))
    typed = iter(range(10**6))

    def save() -> None:  # as the editor's autosave after a pause in typing
        sections = dict(base)
        sections[key] = f"{base[key]} {next(typed)}"
        notes.save_draft(
            opened.uow(),
            note_id,
            NoteDraft(
                note.template,
                sections,
                frozenset(note.steps),
                dict(note.partner_steps),
                note.private,
                dict(note.partner_readings),
                note.couple_reading,
            ),
        )

    times = timed_runs(save, runs, warm=2)  # the first save also writes its audit row
    took = median(times)
    length = len(notes.full_text(base))
    table.add(
        "7",
        f"save a {length:,}-character draft (median of {runs})",
        ms(took),
        "—",
        "—",
        f"< 5 ms {verdict(took < 0.005)}",
    )
    slow = sum(1 for t in times if t > 0.016)
    table.notes.append(
        f"7: save_draft runs on the GUI thread (ui/note/note_editor.py, after a pause in typing); "
        f"slowest of {runs} {ms(max(times))}, {slow} over one 16 ms frame."
    )


def machine() -> str:
    cpu = "unknown CPU"
    with open("/proc/cpuinfo", encoding="utf-8") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as f:
        kib = int(next(line.split()[1] for line in f if line.startswith("MemTotal:")))
    return f"{os.cpu_count()} CPUs ({cpu}), {kib / 1024 / 1024:.0f} GiB RAM"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--reuse", type=Path, help="measure this scale practice (passphrase demo)")
    where.add_argument("--keep", type=Path, help="build the practice here and keep it")
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (start-up: 7)")
    parser.add_argument(
        "--only", default="12345678", help="which figures to measure, e.g. 34 (default: all)"
    )
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from clarity_desktop.devtools import scale
    from clarity_desktop.services import cases
    from clarity_desktop.store import keyring
    from clarity_desktop.store.sqlite import practice as store
    from clarity_desktop.store.sqlite.backend import SqliteBackend

    qInstallMessageHandler(lambda *_: None)  # the offscreen platform's chatter
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.reuse or args.keep or Path(tmp) / "practice"
        if args.reuse is None:
            print(f"building {args.cases:,} cases in {folder} …", flush=True)
            opened, summary = scale.build_scale_practice(
                folder, args.cases, progress=lambda line: print("  " + line, flush=True)
            )
            opened.close()
            print(
                f"built {summary.cases:,} cases, {summary.notes:,} notes "
                f"({summary.signed:,} signed, {summary.addenda:,} addenda) "
                f"in {summary.seconds:.0f} s\n"
            )
        table = Table()
        scripts = Path(tmp) / "scripts"
        scripts.mkdir()
        env = child_env(Path(tmp) / "config")
        print(f"{machine()}; {time.strftime('%Y-%m-%d')}; QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}")
        print("load average at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
        if "1" in args.only:
            startup(folder, scripts, env, table, 7)
        if "2" in args.only or "8" in args.only:
            unlock(folder, scripts, env, table, max(3, args.runs - 2))
        key = keyring.unlock_key(folder, PASSPHRASE)
        opened = store.open_with_key(folder, key, SqliteBackend())
        try:
            rows = cases.list_cases(opened.uow())
            by_id = {c.id: c for c in cases.list_cases(opened.uow(), status=None)}
            longest = max(by_id.values(), key=lambda c: c.session_count)
            hundred = min(by_id.values(), key=lambda c: abs(c.session_count - 100))
            if "3" in args.only:
                search(opened, key, table, 3 * args.runs, longest.id)
            if "4" in args.only:
                filtering(app, rows, table, args.runs)
            if "5" in args.only:
                open_long_case(app, opened, longest.id, table, args.runs)
            if "6" in args.only:
                documents(opened, hundred.id, table, args.runs)
            if "7" in args.only:
                save_draft(opened, table, 3 * args.runs)
        finally:
            opened.close()
    print("load average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print()
    print(table.markdown())
    print()
    for note in table.notes:
        print(note)


if __name__ == "__main__":
    main()
