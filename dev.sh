#!/usr/bin/env bash
# dev.sh: the one entry point for setting up, testing and running Clarity Desktop.
#
#   bash dev.sh demo [ARGS...]   set up what is missing, then start the app on the demo practice
#   bash dev.sh test [ARGS...]   set up what is missing, then run ruff, mypy and pytest
#   bash dev.sh setup            only set up (Debian packages, .venv from requirements.lock)
#   bash dev.sh lock             regenerate requirements.lock from TOP_LEVEL_PACKAGES below
#
# Every set-up step checks first and does nothing when nothing is missing, so
# running it again is fast. Nothing here needs to be run by hand beforehand.
set -euo pipefail

# ---------------------------------------------------------------------------
# Top-level Python packages (runtime, tests and lint), one per line.
# `bash dev.sh lock` installs exactly these into a throwaway venv and freezes
# them, with all their transitive dependencies, into requirements.lock.
# Do not use the meta-package "PySide6": it pulls in QtWebEngine.
# PySide6 stays on 6.11.x: shiboken6 6.12.0 drops a reference to None on every Qt call
# that returns nothing under Python 3.11, and the program dies after a few thousand
# calls (tests/ui/test_qt_binding.py guards this). At 6.11, QtPdf and QtCharts come in
# PySide6-Addons; the separate PySide6-Pdf wheel exists only from 6.12 on.
# ---------------------------------------------------------------------------
TOP_LEVEL_PACKAGES="
PySide6-Essentials==6.11.3
PySide6-Addons==6.11.3
shiboken6==6.11.3
SQLAlchemy==2.1.9
alembic==1.20.1
sqlcipher3==0.6.4
argon2-cffi==25.1.0
platformdirs==4.14.7
reportlab==5.1.0
pytest==9.2.0
pytest-qt==4.5.0
hypothesis==6.170.15
ruff==0.17.6
mypy==2.4.1
setuptools==80.9.0
"

# Debian packages Qt needs to run headless (QT_QPA_PLATFORM=offscreen), plus
# poppler-utils (pdftotext/pdftoppm) used by the PDF tests.
APT_TEST_PACKAGES=(
    libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3
    poppler-utils
)
# Extra Debian packages for a real window through Qt's xcb platform plugin.
APT_GUI_PACKAGES=(
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0
)
# A virtual X screen for the demo when the machine has no display.
APT_HEADLESS_PACKAGES=(xvfb xauth)
# Installed only when no usable Python >= 3.11 with venv support is found.
APT_PYTHON_PACKAGES=(python3 python3-venv)

MIN_PYTHON_MAJOR=3
MIN_PYTHON_MINOR=11
PYTHON_CANDIDATES=(python3.13 python3.12 python3.11 python3)
XVFB_SCREEN="-screen 0 1440x900x24"
PIP_FLAGS=(--disable-pip-version-check -q)

# Always work from the repository root, wherever the script is called from.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"

VENV_DIR="$REPO_ROOT/.venv"
VENV_PYTHON="$VENV_DIR/bin/python"
STAMP_FILE="$VENV_DIR/.clarity-stamp"
LOCK_FILE="$REPO_ROOT/requirements.lock"

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

# Print a step heading.
heading() {
    printf '\n==> %s\n' "$*"
}

# Print a note for the user.
note() {
    printf 'dev.sh: %s\n' "$*"
}

# Print an error to stderr and stop.
die() {
    printf 'dev.sh: error: %s\n' "$*" >&2
    exit 1
}

usage() {
    cat <<'EOF'
Usage: bash dev.sh COMMAND [ARGS...]

Commands:
  demo [ARGS...]  set up what is missing, then start Clarity Desktop on the demo
                  practice (ARGS are passed to the app); uses a virtual screen
                  (xvfb-run) when there is no display
  test [ARGS...]  set up what is missing, then run ruff, mypy and pytest
                  (ARGS are passed to pytest)
  setup           only set up: Debian packages and .venv from requirements.lock
  lock            regenerate requirements.lock from the list at the top of dev.sh
EOF
}

# True when a graphical display (X11 or Wayland) is available.
has_display() {
    [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]
}

# ---------------------------------------------------------------------------
# Python interpreter
# ---------------------------------------------------------------------------

# True when "$1" runs, is Python >= 3.11 and can create a venv with pip.
# (Debian's python3 cannot do the latter until python3-venv is installed;
# pyenv shims for versions that are not selected fail to run at all.)
python_is_usable() {
    "$1" - "$MIN_PYTHON_MAJOR" "$MIN_PYTHON_MINOR" >/dev/null 2>&1 <<'EOF'
import sys
import ensurepip, venv  # noqa: F401  (both are needed by "python -m venv")
sys.exit(0 if sys.version_info[:2] >= (int(sys.argv[1]), int(sys.argv[2])) else 1)
EOF
}

# Print the first usable interpreter from PYTHON_CANDIDATES; fail if none.
find_python() {
    local candidate
    for candidate in "${PYTHON_CANDIDATES[@]}"; do
        if command -v "$candidate" >/dev/null 2>&1 && python_is_usable "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

# Print the interpreter to build venvs with, or stop with a clear message.
require_python() {
    find_python || die "no Python >= ${MIN_PYTHON_MAJOR}.${MIN_PYTHON_MINOR} with the venv \
module was found (tried: ${PYTHON_CANDIDATES[*]}). On Debian/Ubuntu: \
apt-get install python3 python3-venv"
}

# ---------------------------------------------------------------------------
# Step 1: Debian packages
# ---------------------------------------------------------------------------

# Print the packages among "$@" that are not fully installed.
missing_debs() {
    local pkg status
    for pkg in "$@"; do
        status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
        if [[ "$status" != "install ok installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

# Install whichever of the Debian packages "$@" are missing.
ensure_debs() {
    heading "Checking Debian packages"
    if ! command -v dpkg-query >/dev/null 2>&1; then
        note "dpkg-query not found: not a Debian-based system, skipping system packages."
        note "Make sure Qt's runtime libraries (OpenGL/EGL, fontconfig, xkbcommon, dbus,"
        note "xcb-cursor and friends) and poppler-utils are installed."
        return 0
    fi

    # Debian's python3 needs python3-venv before it can build .venv.
    local wanted=("$@")
    if ! find_python >/dev/null; then
        wanted+=("${APT_PYTHON_PACKAGES[@]}")
    fi

    local missing=()
    mapfile -t missing < <(missing_debs "${wanted[@]}")
    if ((${#missing[@]} == 0)); then
        note "all ${#wanted[@]} required Debian packages are installed."
        return 0
    fi

    # apt-get needs root: use sudo when we are not root and sudo exists.
    local sudo=()
    if ((EUID != 0)); then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            die "these Debian packages are missing and this user cannot install them \
(not root, no sudo): ${missing[*]}
Install them as root, then run dev.sh again:
  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
        fi
    fi

    note "installing missing Debian packages: ${missing[*]}"
    # A failing extra repository should not stop us; the install step below
    # still fails loudly if a package really cannot be found.
    "${sudo[@]}" apt-get update -q || note "warning: apt-get update reported errors; trying to install anyway."
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# ---------------------------------------------------------------------------
# Step 2: the virtual environment
# ---------------------------------------------------------------------------

# sha256 of requirements.lock + pyproject.toml: what the venv was built from.
current_stamp() {
    cat "$LOCK_FILE" "$REPO_ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1
}

# Create .venv if needed and install requirements.lock and the project into it,
# unless the stamp shows that exactly these files were installed already.
ensure_venv() {
    heading "Checking the virtual environment (.venv)"
    [[ -f "$LOCK_FILE" ]] || die "requirements.lock is missing; run: bash dev.sh lock"

    # A venv whose interpreter no longer runs (e.g. the Python it was made
    # from was removed) is rebuilt from scratch.
    if [[ -e "$VENV_DIR" ]] && ! python_is_usable "$VENV_PYTHON"; then
        note ".venv is broken or too old; rebuilding it."
        rm -rf "$VENV_DIR"
    fi
    if [[ ! -e "$VENV_DIR" ]]; then
        local python
        python="$(require_python)"
        note "creating .venv with $python ($("$python" -V 2>&1))"
        "$python" -m venv "$VENV_DIR"
    fi

    local stamp
    stamp="$(current_stamp)"
    if [[ -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$stamp" ]]; then
        note ".venv is up to date with requirements.lock and pyproject.toml."
        return 0
    fi
    # The lock changed: start from an empty venv, so a package dropped from the lock
    # does not linger (pip install only ever adds).
    if [[ -f "$STAMP_FILE" ]]; then
        local python
        python="$(require_python)"
        note "requirements.lock or pyproject.toml changed; rebuilding .venv from scratch"
        rm -rf "$VENV_DIR"
        "$python" -m venv "$VENV_DIR"
    fi

    note "installing requirements.lock into .venv"
    "$VENV_PYTHON" -m pip install "${PIP_FLAGS[@]}" -r "$LOCK_FILE"
    note "installing clarity-desktop (editable) into .venv"
    # No build isolation: build with the pinned setuptools from the lock, fetch nothing new.
    "$VENV_PYTHON" -m pip install "${PIP_FLAGS[@]}" --no-deps --no-build-isolation -e .
    # Catches a dependency added to pyproject.toml but missing from the lock.
    if ! "$VENV_PYTHON" -m pip check --disable-pip-version-check; then
        die "requirements.lock does not satisfy pyproject.toml. Add the package to \
TOP_LEVEL_PACKAGES in dev.sh and run: bash dev.sh lock"
    fi
    printf '%s\n' "$stamp" >"$STAMP_FILE"
}

# ---------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------

cmd_setup() {
    local debs=("${APT_TEST_PACKAGES[@]}" "${APT_GUI_PACKAGES[@]}")
    has_display || debs+=("${APT_HEADLESS_PACKAGES[@]}")
    ensure_debs "${debs[@]}"
    ensure_venv
    heading "Set-up complete"
}

cmd_demo() {
    local debs=("${APT_TEST_PACKAGES[@]}" "${APT_GUI_PACKAGES[@]}")
    has_display || debs+=("${APT_HEADLESS_PACKAGES[@]}")
    ensure_debs "${debs[@]}"
    ensure_venv

    heading "Starting Clarity Desktop on the demo practice"
    local app=("$VENV_PYTHON" -m clarity_desktop --demo "$@")
    if has_display; then
        exec "${app[@]}"
    fi
    note "no display found (DISPLAY and WAYLAND_DISPLAY are unset): running on a virtual screen (xvfb-run)."
    exec xvfb-run -a -s "$XVFB_SCREEN" "${app[@]}"
}

cmd_test() {
    ensure_debs "${APT_TEST_PACKAGES[@]}"
    ensure_venv

    # Qt draws into memory: no display or window manager needed.
    export QT_QPA_PLATFORM=offscreen

    # Run every check even if an earlier one fails, then report them all.
    local failed=()
    heading "ruff check ."
    "$VENV_PYTHON" -m ruff check . || failed+=(ruff)
    heading "mypy"
    "$VENV_PYTHON" -m mypy || failed+=(mypy)
    heading "pytest${*:+ $*}"
    "$VENV_PYTHON" -m pytest "$@" || failed+=(pytest)

    if ((${#failed[@]} > 0)); then
        heading "FAILED: ${failed[*]}"
        return 1
    fi
    heading "All checks passed (ruff, mypy, pytest)"
}

cmd_lock() {
    local python
    python="$(require_python)"

    local tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/clarity-lock.XXXXXX")"
    # Remove the throwaway venvs however we leave this function.
    # shellcheck disable=SC2064  # expand $tmp now, on purpose
    trap "rm -rf '$tmp'" EXIT

    local packages=()
    read -r -d '' -a packages <<<"$TOP_LEVEL_PACKAGES" || true

    heading "Resolving ${#packages[@]} top-level packages in a throwaway venv ($("$python" -V 2>&1))"
    "$python" -m venv "$tmp/resolve"
    "$tmp/resolve/bin/python" -m pip install "${PIP_FLAGS[@]}" "${packages[@]}"

    local new_lock="$tmp/requirements.lock"
    {
        printf '# requirements.lock: exact pins of every package Clarity Desktop needs to run,\n'
        printf '# test and lint, including all transitive dependencies.\n'
        printf '# Generated by "bash dev.sh lock" with %s on %s %s. Do not edit by hand:\n' \
            "$("$python" -V 2>&1)" "$(uname -s)" "$(uname -m)"
        printf '# change TOP_LEVEL_PACKAGES at the top of dev.sh, then run "bash dev.sh lock".\n'
        # --all keeps setuptools (the build backend of our own package) pinned too.
        "$tmp/resolve/bin/python" -m pip freeze --all --disable-pip-version-check --exclude-editable |
            grep -v -i '^pip=='
    } >"$new_lock"

    # Every requirement line must be an exact name==version pin.
    if grep -v -e '^#' -e '^$' "$new_lock" | grep -v -E '^[A-Za-z0-9._-]+==[^ ]+$'; then
        die "pip freeze produced lines that are not exact pins (shown above)."
    fi

    heading "Verifying the lock: fresh venv, install --no-deps, pip check"
    "$python" -m venv "$tmp/verify"
    "$tmp/verify/bin/python" -m pip install "${PIP_FLAGS[@]}" --no-deps -r "$new_lock"
    "$tmp/verify/bin/python" -m pip check --disable-pip-version-check ||
        die "the new lock is incomplete (pip check failed); requirements.lock left unchanged."

    cp "$new_lock" "$LOCK_FILE"
    heading "Wrote requirements.lock ($(grep -c '==' "$LOCK_FILE") pinned packages)"
    note "run \"bash dev.sh setup\" to bring .venv up to date."
}

# ---------------------------------------------------------------------------
# Dispatch
# ---------------------------------------------------------------------------

main() {
    local command="${1:-}"
    if (($# > 0)); then
        shift
    fi
    case "$command" in
        demo) cmd_demo "$@" ;;
        test) cmd_test "$@" ;;
        setup) cmd_setup ;;
        lock) cmd_lock ;;
        -h | --help | help) usage ;;
        *)
            if [[ -n "$command" ]]; then
                printf 'dev.sh: unknown command: %s\n\n' "$command" >&2
            fi
            usage >&2
            exit 2
            ;;
    esac
}

main "$@"
