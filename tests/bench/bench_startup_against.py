"""Start-up against an older checkout: CPU and wall time from process start to the unlock
window's first paint, for this checkout and another (a `git worktree` of the baseline with the
same venv), each beside a bare PySide6 window, runs alternating. Prints figures; asserts
nothing. Bytecode is written and used (PYTHONDONTWRITEBYTECODE dropped), as an installed
program has it: without it every start compiles our modules and the figure measures the
compiler.

    .venv/bin/python tests/bench/bench_startup_against.py /path/to/baseline-checkout [--runs 15]

Each checkout's own tests/bench/bench_practice.py supplies its two start-up scripts.
Not collected by pytest (the name does not start with test_).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[2]
REPORT = "print(repr(time.process_time()), repr(time.time()), flush=True)"


def scripts(root: Path, into: Path, name: str) -> dict[str, Path]:
    spec = importlib.util.spec_from_file_location(
        f"bench_{name}", root / "tests/bench/bench_practice.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(root))
    spec.loader.exec_module(module)
    sys.path.pop(0)
    out = {}
    for kind, text in (("bare", module.BARE), ("app", module.APP)):
        path = into / f"{kind}_{name}.py"
        path.write_text(text.replace("print(repr(time.time()), flush=True)", REPORT))
        out[kind] = path
    return out


def practice(root: Path, folder: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from clarity_desktop.services import practices; "
        "o, _ = practices.create_practice(Path(sys.argv[1]), 'demo words here', "
        "'demo words here', 'Dana Reyes', 'LMFT'); o.close()"
    )
    subprocess.run([sys.executable, "-c", code, str(folder)], env=env(root, folder), check=True)


def env(root: Path, home: Path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out.update(PYTHONPATH=str(root), QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    roots = {"baseline": args.baseline.resolve(), "this": HERE}
    cpu: dict[tuple[str, str], list[float]] = {}
    wall: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = {name: scripts(root, work, name) for name, root in roots.items()}
        for name, root in roots.items():
            practice(root, work / f"practice_{name}")

        def run(name: str, kind: str) -> None:
            extra = [str(work / f"practice_{name}")] if kind == "app" else []
            start = time.time()
            done = subprocess.run(
                [sys.executable, str(made[name][kind]), *extra],
                env=env(roots[name], work / f"home_{name}"),
                capture_output=True,
                text=True,
                timeout=120,
            )
            used, end = done.stdout.strip().splitlines()[-1].split()
            cpu.setdefault((name, kind), []).append(float(used))
            wall.setdefault((name, kind), []).append(float(end) - start)

        for name in roots:  # warm: bytecode written, files cached
            for kind in ("bare", "app"):
                run(name, kind)
        cpu.clear()
        wall.clear()
        for _ in range(args.runs):
            for name in roots:
                for kind in ("bare", "app"):
                    run(name, kind)
    print(f"start to unlock window painted, median of {args.runs}, load {os.getloadavg()[0]:.1f}")
    for label, table in (("CPU", cpu), ("wall", wall)):
        for name in roots:
            app, bare = (statistics.median(table[(name, k)]) * 1000 for k in ("app", "bare"))
            low = min(table[(name, "app")]) * 1000
            print(
                f"  {label:4} {name:8} {app:6.0f} ms (min {low:.0f}), bare window {bare:.0f} ms, ratio {app / bare:.2f}"
            )
        this, base = (statistics.median(table[(n, "app")]) for n in ("this", "baseline"))
        print(f"  {label:4} this against baseline: {this / base - 1:+.1%}")


if __name__ == "__main__":
    main()
