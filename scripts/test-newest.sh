#!/usr/bin/env bash
# Run the unit and integration tests on the newest Python (3.12+) found in pyenv
# and the newest ansible-core on PyPI (2.20+), in a separate venv .venv-newest.
#
# - The interpreter: the highest /root/.pyenv/versions/3.X.Y (X >= 12) (or under
#   $PYENV_ROOT), or NEWEST_PYTHON=/path/to/python3 to choose one. If there is
#   none, the script says so and exits 0 (skip, not failure).
# - The venv: newest ansible-core plus everything else in requirements-dev.txt,
#   except its ansible-core and ansible-lint pins. It is rebuilt when
#   requirements-dev.txt or the interpreter changes, and at most once a day
#   otherwise, so "newest" stays newest.
# - The lab keeps running from .venv: if .lab/env is missing, `make lab-up`
#   starts it (the integration tests need it).
# - pytest exit code 5 ("no tests collected") is a failure, unless
#   ALLOW_NO_TESTS=1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="$ROOT/.venv-newest"
BIN="$VENV/bin"

# 1. Pick the interpreter.
find_python() {
    if [ -n "${NEWEST_PYTHON:-}" ]; then
        echo "$NEWEST_PYTHON"
        return
    fi
    local root="${PYENV_ROOT:-/root/.pyenv}" best="" dir name
    for dir in "$root"/versions/*/; do
        name="$(basename "$dir")"
        # plain CPython releases only: 3.12.1, 3.13.0 (not 3.13.0t, not 3.14-dev)
        [[ "$name" =~ ^3\.([0-9]+)\.[0-9]+$ ]] || continue
        [ "${BASH_REMATCH[1]}" -ge 12 ] || continue
        [ -x "$dir/bin/python3" ] || continue
        best="$(printf '%s\n%s\n' "$best" "$name" | sed '/^$/d' | sort -V | tail -n 1)"
    done
    if [ -n "$best" ]; then
        echo "$root/versions/$best/bin/python3"
    fi
}

PY="$(find_python)"
if [ -z "$PY" ] || ! "$PY" -c 'import sys; assert sys.version_info >= (3, 12)' 2>/dev/null; then
    echo "test-newest: SKIPPED - no Python 3.12+ found under ${PYENV_ROOT:-/root/.pyenv}/versions" \
         "(set NEWEST_PYTHON=/path/to/python3 to choose one)."
    exit 0
fi

# 2. Build (or refresh) .venv-newest.
stamp_want="$("$PY" -c 'import sys; print(sys.version)' | head -n 1) $PY
$(sha256sum requirements-dev.txt | cut -d' ' -f1) $(date +%F)"
if [ ! -f "$VENV/.stamp" ] || [ "$(cat "$VENV/.stamp")" != "$stamp_want" ]; then
    echo "test-newest: building $VENV with $PY"
    rm -rf "$VENV"
    "$PY" -m venv "$VENV"
    "$BIN/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    grep -viE '^[[:space:]]*(ansible-core|ansible-lint)([^a-z0-9_.-]|$)' requirements-dev.txt \
        > "$VENV/requirements-newest.txt"
    "$BIN/python" -m pip install --quiet --disable-pip-version-check \
        'ansible-core>=2.20' -r "$VENV/requirements-newest.txt"
    printf '%s\n' "$stamp_want" > "$VENV/.stamp"
fi

# 3. Same environment as the Makefile, but with .venv-newest's Python/ansible.
COLLECTION_LINK=.collections/ansible_collections/ucops/platform
if [ ! -e "$COLLECTION_LINK" ]; then
    mkdir -p "$(dirname "$COLLECTION_LINK")"
    ln -sfn ../../.. "$COLLECTION_LINK"
fi
export ANSIBLE_COLLECTIONS_PATH="$ROOT/.collections"
export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
export PYTHONPATH="$ROOT/.collections:$ROOT"
export ANSIBLE_NOCOLOR=1
export ANSIBLE_FORCE_COLOR=0
export ANSIBLE_HOST_KEY_CHECKING=false
export ANSIBLE_PYTHON_INTERPRETER="$BIN/python"
export PATH="$BIN:$PATH"

if [ ! -f .lab/env ]; then
    make --no-print-directory lab-up
fi

echo "test-newest: $("$BIN/python" --version), $("$BIN/ansible" --version | head -n 1)"

# 4. Run the tests: every unit test, and the integration suites that exercise each shared
# piece on this core (module runner, argument specs, check/diff, client, engine, bulk engine,
# worker_vm files, Kazoo client, inventory plugin, module_defaults groups). The per-resource
# playbooks (tests/integration/test_pexip_resources.py) drive the same pieces again for 30 more
# resource descriptions; they run on the default core only, to keep CI well under 20 minutes.
NEWEST_SUITES=(
    tests/unit
    tests/integration/test_pexip_modules.py
    tests/integration/test_pexip_bulk.py
    tests/integration/test_pexip_nodes.py
    tests/integration/test_inventory.py
    tests/integration/test_module_defaults.py
    tests/integration/kazoo
)
rc=0
if [ "$#" -gt 0 ]; then
    "$BIN/python" -m pytest -p no:cacheprovider "$@" || rc=$?
else
    "$BIN/python" -m pytest -p no:cacheprovider "${NEWEST_SUITES[@]}" || rc=$?
fi
if [ "$rc" -eq 5 ]; then
    if [ "${ALLOW_NO_TESTS:-0}" = 1 ]; then
        echo "test-newest: no tests collected (ALLOW_NO_TESTS=1, not a failure)"
        exit 0
    fi
    echo "test-newest: FAILED - pytest collected no tests" >&2
fi
exit "$rc"
