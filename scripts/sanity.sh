#!/usr/bin/env bash
# Run `ansible-test sanity` for ucops.platform with NO ignore file, with the
# ansible-core and Python of a venv: the project venv .venv by default (`make
# sanity`), or VENV=.venv-2.16 etc. (scripts/matrix.sh runs it on every release).
# Arguments are passed to ansible-test (e.g. --test validate-modules).
#
# Layout: ansible-test insists that the working directory is a real path
# .../ansible_collections/<namespace>/<name>/ (it resolves symlinks, so the
# .collections/ symlink is not enough). We copy the git-tracked files plus the
# untracked, non-ignored ones (`git ls-files -co --exclude-standard`) into
# .build/sanity/<venv>/ansible_collections/ucops/platform (one per venv, so
# several releases can run at once) and run there. ansible-test looks
# for a .git upwards from the working directory and would find the project's
# own repository, where .build/ is ignored (=> "All targets skipped"); so the
# copy gets its own empty `git init`, and ansible-test's git provider then lists
# exactly the copied files (untracked, not ignored).
#
# Offline pip bootstrap: ansible-test creates one virtualenv per sanity test
# (~/.ansible/test/venv/sanity.<test>/<python>/<hash>) and bootstraps pip in it
# by running ~/.ansible/test/cache/get_pip_<ver>.py, downloading it first from
# ci-files.testing.ansible.com when missing. That host is unreachable here, so
# we pre-seed the cache with a small stand-in that installs pip (and, for
# ansible-core 2.16/2.17, the setuptools and wheel versions ansible-test asks
# for) from wheels fetched from PyPI (`pip download`) into the same cache
# folder, with --no-index.
# A real get-pip script already in the cache is left untouched. The test
# requirements themselves (pylint, voluptuous, ...) come from PyPI as usual,
# pinned by ansible-test's own sanity.*.txt files; the venvs are reused by later
# runs (keyed by a hash of the requirements).
#
# Python versions: `--python X.Y` (the venv's own Python, or SANITY_PYTHON)
# limits the multi-version tests (compile, import) to the controller Python; no
# Docker, no other interpreters are provisioned.
#
# Tests that are skipped: none by this script. ansible-test itself skips tests
# that do not apply to a collection (e.g. ansible-core-only code-smell tests),
# and reports "No ... targets" for tests with nothing to check yet.
# pslint (PowerShell) only runs when .ps1/.psm1 files exist and pwsh is
# installed; the collection ships no PowerShell, so it never applies.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="${VENV:-.venv}"
BIN="$ROOT/$VENV/bin"
# SANITY_WORK: another folder for the copy, so that several checks of one venv can run at once
BUILD="${SANITY_WORK:-$ROOT/.build/sanity/${VENV#.}}/ansible_collections/ucops/platform"

if [ ! -x "$BIN/ansible-test" ]; then
    echo "sanity: $BIN/ansible-test not found; run 'make venv' first" >&2
    exit 2
fi
PYTHON_VERSION="${SANITY_PYTHON:-$("$BIN/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')}"

start=$(date +%s)

# 1. Fresh copy of the collection sources.
rm -rf "$BUILD"
mkdir -p "$BUILD"
git ls-files -z -co --exclude-standard | "$BIN/python" -c '
import os, shutil, sys
dest = sys.argv[1]
for name in sys.stdin.buffer.read().decode().split("\0"):
    if not name or not os.path.lexists(name):  # deleted but still tracked
        continue
    target = os.path.join(dest, name)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        shutil.copy2(name, target, follow_symlinks=False)
    except FileNotFoundError:  # removed while we copy (busy checkout)
        pass
' "$BUILD"
git -C "$BUILD" init --quiet

# The quality bar is "no ignore entries": refuse to run with an ignore file.
if ls "$BUILD"/tests/sanity/ignore-*.txt >/dev/null 2>&1; then
    echo "sanity: ignore files are not allowed:" "$BUILD"/tests/sanity/ignore-*.txt >&2
    exit 1
fi

# 2. Offline stand-in for the get-pip bootstrap script: the wheels of the packages
# ansible-test bootstraps into its venvs (pip; 2.16/2.17 also setuptools and wheel).
read -r -a BOOTSTRAP <<<"$("$BIN/python" - "$PYTHON_VERSION" <<'EOF'
import sys
import types
from ansible_test._internal.python_requirements import get_venv_packages
print(' '.join('%s==%s' % item for item in get_venv_packages(types.SimpleNamespace(version=sys.argv[1])).items()))
EOF
)"
PIP_VERSION="${BOOTSTRAP[0]#pip==}"
CACHE="${HOME}/.ansible/test/cache"
GET_PIP="$CACHE/get_pip_${PIP_VERSION//./_}.py"
MARKER="ucops.platform offline get-pip stand-in"
mkdir -p "$CACHE"
for requirement in "${BOOTSTRAP[@]}"; do
    if ! ls "$CACHE/${requirement%%==*}-${requirement#*==}"-*.whl >/dev/null 2>&1; then
        "$BIN/python" -m pip download --quiet --disable-pip-version-check --no-deps \
            --only-binary=:all: --dest "$CACHE" "$requirement"
    fi
done
if [ ! -f "$GET_PIP" ] || grep -q "$MARKER" "$GET_PIP"; then
    cat > "$GET_PIP.tmp" <<EOF
# $MARKER (written by scripts/sanity.sh).
# Called by ansible-test as: <venv python> quiet_pip.py [pip options] pip==X [setuptools==Y wheel==Z]
# [--no-setuptools --no-wheel]. Installs them from the wheels stored beside this file, offline.
import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
WHEEL = sorted(glob.glob(os.path.join(HERE, "pip-$PIP_VERSION-*.whl")))[-1]
sys.path.insert(0, WHEEL)
from pip._internal.cli.main import main  # noqa: E402

ARGS = [a for a in sys.argv[1:] if a not in ("--no-setuptools", "--no-wheel")]
sys.exit(main(["install", "--no-index", "--find-links", HERE] + ARGS))
EOF
    mv "$GET_PIP.tmp" "$GET_PIP"
fi

# 3. Run the tests.
cd "$BUILD"
rc=0
"$BIN/ansible-test" sanity --python "$PYTHON_VERSION" --color no "$@" || rc=$?
echo "sanity: finished in $(( $(date +%s) - start ))s (exit $rc)"
exit "$rc"
