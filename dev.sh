#!/usr/bin/env bash
# dev.sh: the one entry point for setting up, testing and running Clarity Desktop.
#
#   bash dev.sh demo [ARGS...]   set up what is missing, then start the app on the demo practice
#   bash dev.sh test [ARGS...]   set up what is missing, then run ruff, mypy and pytest
#   bash dev.sh setup            only set up (Debian packages, .venv from requirements.lock)
#   bash dev.sh lock             regenerate requirements.lock from TOP_LEVEL_PACKAGES below
#   bash dev.sh translations     update the interface's translation catalogue (resources/translations)
#   bash dev.sh package          build the one-folder program (PyInstaller, build.spec) in
#                                dist/clarity-desktop/ and check the frozen program headless
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
pytest-xdist==3.8.0
hypothesis==6.170.15
ruff==0.17.6
mypy==2.4.1
setuptools==80.9.0
cryptography==51.0.1
pikepdf==10.18.0
portalocker==4.4.2
psycopg==3.3.9
psycopg-binary==3.3.9
snowballstemmer==3.1.1
PyStemmer==3.1.0
"

# Debian packages Qt needs to run headless (QT_QPA_PLATFORM=offscreen), plus
# poppler-utils (pdftotext/pdftoppm) used by the PDF tests, and Debian's PostgreSQL server,
# which the group-practice tests start themselves on a temp folder (tests/pg_cluster.py).
APT_TEST_PACKAGES=(
    libgl1 libegl1 libglib2.0-0 libfontconfig1 libxkbcommon0 libdbus-1-3
    poppler-utils postgresql
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
# Extra Debian packages for "package": PyInstaller uses objdump, objcopy and strip.
APT_PACKAGE_PACKAGES=(binutils)

# ---------------------------------------------------------------------------
# Build tools for "bash dev.sh package", exact versions (checked on PyPI). They go into
# their own venv, .venv-build (requirements.lock first, then these), never into .venv,
# and the frozen program contains none of them. To upgrade: change the pins here; the
# next "package" rebuilds .venv-build. macOS also needs macholib; on Windows dev.sh does
# not run: see "Building the program" in README.md for the same steps by hand.
# ---------------------------------------------------------------------------
BUILD_PACKAGES="
pyinstaller==6.22.3
pyinstaller-hooks-contrib==2026.9
altgraph==0.17.5
"
BUILD_PACKAGES_DARWIN="macholib==1.16.4"
# How long the frozen window must keep running (offscreen) to count as started.
PACKAGE_GUI_SECONDS=15

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
BUILD_VENV_DIR="$REPO_ROOT/.venv-build"
BUILD_VENV_PYTHON="$BUILD_VENV_DIR/bin/python"
BUILD_STAMP_FILE="$BUILD_VENV_DIR/.clarity-build-stamp"
DIST_APP_DIR="$REPO_ROOT/dist/clarity-desktop"

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
  translations    update resources/translations/*.ts from the strings in
                  clarity_desktop/ui (pyside6-lupdate) and compile the .qm files
  package         build the program with PyInstaller (build.spec) into
                  dist/clarity-desktop/, using its own venv .venv-build, then run
                  the frozen program headless to check it and print the build's size
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

cmd_translations() {
    ensure_venv
    heading "Updating the translation catalogue (pyside6-lupdate, pyside6-lrelease)"
    "$VENV_PYTHON" -m clarity_desktop.devtools.translations
}

cmd_test() {
    ensure_debs "${APT_TEST_PACKAGES[@]}"
    ensure_venv

    # Qt draws into memory: no display or window manager needed.
    export QT_QPA_PLATFORM=offscreen

    # Run every check even if an earlier one fails, then report them all.
    local failed=()
    heading "ruff check . && ruff format --check ."
    "$VENV_PYTHON" -m ruff check . || failed+=(ruff)
    "$VENV_PYTHON" -m ruff format --check . || failed+=("ruff format")
    heading "mypy"
    "$VENV_PYTHON" -m mypy || failed+=(mypy)
    # The whole suite runs on every core (pytest-xdist; about 5.5 minutes instead of 10 on
    # two cores); with ARGS, exactly what was asked.
    local args=("$@")
    ((${#args[@]} > 0)) || args=(-n auto)
    heading "pytest ${args[*]}"
    "$VENV_PYTHON" -m pytest "${args[@]}" || failed+=(pytest)

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
# Packaging: .venv-build, PyInstaller, and a check of the frozen program
# ---------------------------------------------------------------------------

# The build-tool pins for this system, one per line.
# shellcheck disable=SC2086  # split the lists into words, on purpose
build_packages() {
    printf '%s\n' $BUILD_PACKAGES
    if [[ "$(uname -s)" == Darwin ]]; then
        printf '%s\n' $BUILD_PACKAGES_DARWIN
    fi
}

# sha256 of what .venv-build is made from: the lock, the build pins, the interpreter.
# (macOS has shasum where Linux has sha256sum; this part of dev.sh runs on both.)
build_stamp() {
    local sum=(sha256sum)
    command -v sha256sum >/dev/null 2>&1 || sum=(shasum -a 256)
    { cat "$LOCK_FILE"; build_packages; "$1" -VV 2>&1; } | "${sum[@]}" | cut -d' ' -f1
}

# Create .venv-build from scratch unless its stamp shows it was made from exactly the
# current lock, build pins and interpreter. The project itself is not installed there:
# build.spec puts the repository first on the search path, so the build always uses the
# source as it is now.
ensure_build_venv() {
    heading "Checking the build environment (.venv-build)"
    [[ -f "$LOCK_FILE" ]] || die "requirements.lock is missing; run: bash dev.sh lock"
    local python stamp
    python="$(require_python)"
    stamp="$(build_stamp "$python")"
    if [[ -f "$BUILD_STAMP_FILE" && "$(cat "$BUILD_STAMP_FILE")" == "$stamp" ]] &&
        python_is_usable "$BUILD_VENV_PYTHON"; then
        note ".venv-build is up to date with requirements.lock and the build pins."
        return 0
    fi
    note "creating .venv-build from scratch with $python ($("$python" -V 2>&1))"
    rm -rf "$BUILD_VENV_DIR"
    "$python" -m venv "$BUILD_VENV_DIR"
    note "installing requirements.lock into .venv-build"
    "$BUILD_VENV_PYTHON" -m pip install "${PIP_FLAGS[@]}" -r "$LOCK_FILE"
    local tools=()
    read -r -a tools <<<"$(build_packages | tr '\n' ' ')"  # no mapfile: macOS has bash 3.2
    note "installing the build tools: ${tools[*]}"
    # --no-deps: every dependency is pinned above or in the lock; pip check proves it.
    "$BUILD_VENV_PYTHON" -m pip install "${PIP_FLAGS[@]}" --no-deps "${tools[@]}"
    "$BUILD_VENV_PYTHON" -m pip check --disable-pip-version-check ||
        die "the build tools need a package that is not pinned; add it to BUILD_PACKAGES in dev.sh."
    printf '%s\n' "$stamp" >"$BUILD_STAMP_FILE"
}

# Run the frozen program headless: versions, a demo practice, PDFs from the command line,
# and the window itself. Stops with a message naming the step that failed.
check_package() {
    heading "Checking the frozen program in dist/clarity-desktop (offscreen, no display)"
    local gui="$DIST_APP_DIR/clarity-desktop" cli="$DIST_APP_DIR/clarity-desktop-cli"
    [[ -x "$gui" && -x "$cli" ]] || die "the build has no $gui or no $cli."
    local unused
    unused="$(find "$DIST_APP_DIR" \( -iname '*webengine*' -o -iname '*qml*' -o -iname '*quick*' \) \
        -print | head -n 5)"
    [[ -z "$unused" ]] || die "the build holds Qt parts it should leave out (see build.spec):
$unused"

    local tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/clarity-package.XXXXXX")"
    # shellcheck disable=SC2064  # expand $tmp now, on purpose
    trap "rm -rf '$tmp'" EXIT
    # A home of its own: the check never touches the user's settings or data folder.
    mkdir -p "$tmp/home"
    local env=(env -u DISPLAY -u WAYLAND_DISPLAY HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"
        XDG_DATA_HOME="$tmp/home/.local/share" XDG_CACHE_HOME="$tmp/home/.cache"
        QT_QPA_PLATFORM=offscreen CLARITY_PASSPHRASE=demo)

    note "clarity-desktop-cli info"
    "${env[@]}" "$cli" info | tee "$tmp/info.txt" || die "the frozen 'info' command failed."
    grep -q '^SQLCipher [0-9]' "$tmp/info.txt" || die "'info' did not report a SQLCipher version."
    grep -q '(packaged)' "$tmp/info.txt" || die "'info' does not see itself as the packaged program."

    note "clarity-desktop-cli demo --data-dir TMP/practice"
    "${env[@]}" "$cli" demo --data-dir "$tmp/practice" || die "the frozen 'demo' command failed."
    note "clarity-desktop-cli check --data-dir TMP/practice"
    "${env[@]}" "$cli" check --data-dir "$tmp/practice" || die "the frozen 'check' command failed."

    # A joint handout (case 1 of the demo is a couple), and the case summary with its charts.
    local doc args
    for doc in handout summary; do
        args=("$doc" --data-dir "$tmp/practice" --case 1 --out "$tmp/$doc.pdf")
        [[ "$doc" == handout ]] && args+=(--joint)
        note "clarity-desktop-cli report ${args[*]//"$tmp"/TMP}"
        "${env[@]}" "$cli" report "${args[@]}" || die "the frozen 'report $doc' command failed."
        pdftotext "$tmp/$doc.pdf" "$tmp/$doc.txt" || die "pdftotext cannot read the $doc PDF."
        [[ "$(wc -w <"$tmp/$doc.txt")" -ge 20 ]] || die "the $doc PDF holds (almost) no text."
        note "$doc PDF: $(wc -c <"$tmp/$doc.pdf") bytes, $(wc -w <"$tmp/$doc.txt") words," \
            "first line: $(grep -m1 -v '^[[:space:]]*$' "$tmp/$doc.txt")"
    done

    # The window has no way to say "I am up" without a test hook in the product, so: it
    # must still be running after PACKAGE_GUI_SECONDS (a missing Qt plugin or library
    # ends it within a second), and the demo practice it builds in the background must
    # then pass "check".
    note "clarity-desktop --demo --data-dir TMP/window (must keep running ${PACKAGE_GUI_SECONDS}s)"
    "${env[@]}" "$gui" --demo --data-dir "$tmp/window" >"$tmp/window.log" 2>&1 &
    local pid=$! waited=0 code=0
    while ((waited < PACKAGE_GUI_SECONDS)); do
        sleep 1
        waited=$((waited + 1))
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid" || code=$?
            cat "$tmp/window.log" >&2
            die "the frozen window exited after ${waited}s with code $code (its output is above)."
        fi
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [[ -s "$tmp/window.log" ]]; then
        note "the window wrote:"
        sed 's/^/    /' "$tmp/window.log"
    fi
    "${env[@]}" "$cli" check --data-dir "$tmp/window" ||
        die "the demo practice built by the frozen window does not pass 'check'."

    heading "Size of the build"
    du -sh "$DIST_APP_DIR"
    # In MiB, from du -k (portable: GNU and BSD du both have -k). An awk program:
    # shellcheck disable=SC2016
    local mib='{ size = $1; $1 = ""; printf "    %7.1f MiB %s\n", size / 1024, substr($0, 2) }'
    note "largest parts of _internal:"
    (cd "$DIST_APP_DIR/_internal" && du -sk -- * | sort -rn | head -n 6 | awk "$mib")
    note "largest files:"
    (cd "$DIST_APP_DIR" && find . -type f -exec du -k {} + | sort -rn | head -n 10 |
        sed 's|\./||' | awk "$mib")
}

cmd_package() {
    ensure_debs "${APT_TEST_PACKAGES[@]}" "${APT_PACKAGE_PACKAGES[@]}"
    ensure_build_venv

    heading "Building dist/clarity-desktop with PyInstaller (build.spec); this takes minutes"
    "$BUILD_VENV_PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$REPO_ROOT/dist" --workpath "$REPO_ROOT/build/pyinstaller" \
        "$REPO_ROOT/build.spec" || die "PyInstaller failed (its messages are above)."

    check_package
    heading "Built and checked: dist/clarity-desktop ($(du -sh "$DIST_APP_DIR" | cut -f1))"
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
        translations) cmd_translations ;;
        package) cmd_package ;;
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
