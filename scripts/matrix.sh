#!/usr/bin/env bash
# The ansible-core matrix: the collection's tests on every ansible-core release it supports.
#
#   scripts/matrix.sh [--lane static|integration|all] [--jobs 1|2] [RELEASE...]
#   scripts/matrix.sh --summary [RELEASE...]    (the table of the last runs, no test run)
#
# RELEASE is 2.16 ... 2.21 (the MATRIX table below), or `all`. Without releases: every release
# but the default one (2.19, the ansible-core of .venv), whose full suite `make test` runs.
#
# For each release, in its venv .venv-<release> with the controller Python of the table:
#   units        pytest tests/unit
#   sanity       scripts/sanity.sh: ansible-test sanity, no ignore file (pylint: see below)
#   integration  the compact set INTEGRATION, real ansible-playbook runs against the lab
# Lanes: `static` is units + sanity (no lab), `integration` the compact set. Within a lane the
# releases run one after the other: the integration playbooks reset the lab, so one lab serves
# one integration run at a time. --jobs 2 (the default) runs the two lanes at once (a core
# each), --jobs 1 one after the other (integration first), which is what .ci/run does beside
# `make test`, itself a one-core job.
#
# The lab: the one LAB_STATE_DIR names (default .lab, as for `make test`), shared by every
# release and run by .venv's Python (LAB_PYTHON); it is started when it is not running. The
# node deployment test puts its simulated nodes under LAB_NODE_NET (default 127.88).
#
# Venvs: built once per machine in $MATRIX_VENVS (~/.cache/ucops-platform/matrix), named by a
# hash of the release's ansible-core pin, the interpreter and the pins in requirements-dev.txt
# of the packages the tests import; .venv-<release> links to it. A venv is built again only
# when one of those changes (MATRIX_REBUILD=1 forces it); pip's cache keeps the wheels.
#
# Sanity: every test of `ansible-test sanity` runs on every release except pylint, which runs
# on 2.16 (pylint 3.0, the oldest), 2.21 (pylint 4.0, the newest) and, in `make test`, 2.19
# (pylint 3.3). 2.17 (pylint 3.1), 2.18 (3.3.1) and 2.20 (4.0.2) would repeat those lines for
# ~40 s each; SANITY_ALL=1 runs pylint there too. The other tests differ by release (their
# tools are pinned per ansible-test release) and together take about as long as pylint alone.
#
# Integration: every release runs an integration set against the lab. The oldest and the newest
# release (2.16: Python 3.10 and the templating before 2.19; 2.21: the newest templating, Python
# 3.13, pylint 4) run the whole compact set INTEGRATION; 2.17, 2.18 and 2.20, which lie between
# releases that run it (2.16, 2.19 in `make test`, 2.21) on both sides of the 2.19 templating
# change, run the part of it that leans on ansible-core itself, INTEGRATION_CORE: output masking
# at -vvv, templated values, the inventory plugin, module_defaults groups and a role end to end.
# The bulk playbook and the node deployment (~85 s a release) exercise the collection's own
# module code, the same on every release (the bulk module's argument check, which copies part of
# ansible-core's validation, is compared with ansible-core's by the unit tests on every release).
# INTEGRATION_ALL=1 runs the whole compact set on every release.
#
# Output: a log per release and part in .build/matrix/, a table of times at the end. The exit
# status is 0 only when every part run passed; pytest's exit 5 (nothing collected) fails too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# release  ansible-core  controller Python (pyenv X.Y, the first found)  pylint in sanity  integration set
MATRIX=(
    "2.16 2.16.19 3.10,3.11,3.12 yes all"
    "2.17 2.17.14 3.12,3.11,3.10 no core"
    "2.18 2.18.19 3.13,3.12,3.11 no core"
    "2.19 default 3.11 yes all"
    "2.20 2.20.10 3.12,3.13 no core"
    "2.21 2.21.5 3.13,3.12 yes all"
)
# 2.19: .venv, built from requirements-dev.txt by `make venv` (its ansible-core pin is there)
DEFAULT_RELEASE=2.19
# The compact integration set (about a third of the integration suite's time): core Pexip
# modules (pexip_conference, _info, pexip_host_system, pexip_licence, pexip_resource at -vvv
# --diff, no secret shown), a bulk module (pexip_conferences: batches, faults, prune, --diff),
# the node deployment (every type, bootstrap, wait, recreate), Kazoo (lifecycle with a templated
# integer, check mode, errors), the inventory plugin, module_defaults groups, and a role end to
# end (pexip_services: --check --diff, converge, idempotence, verify), and the playbook of the
# product variants (test_pexip_strict.py: skipped unless the lab runs LAB_PEXIP_PROFILE=strict, as
# .ci/run starts the matrix's lab). Everything else runs on the default release in `make test`.
INTEGRATION=(
    tests/integration/test_pexip_modules.py::test_no_secret_in_verbose_output
    tests/integration/test_pexip_bulk.py
    tests/integration/test_pexip_nodes.py
    tests/integration/kazoo/test_kazoo_playbooks.py::test_system_config_lifecycle
    tests/integration/kazoo/test_kazoo_playbooks.py::test_failures_are_clear
    tests/integration/test_inventory.py
    tests/integration/test_module_defaults.py
    tests/integration/test_role_end_to_end.py
    tests/integration/test_pexip_strict.py
)
# The part of INTEGRATION that leans on ansible-core itself (see "Integration" above).
INTEGRATION_CORE=(
    tests/integration/test_pexip_modules.py::test_no_secret_in_verbose_output
    tests/integration/kazoo/test_kazoo_playbooks.py::test_system_config_lifecycle
    tests/integration/kazoo/test_kazoo_playbooks.py::test_failures_are_clear
    tests/integration/test_inventory.py
    tests/integration/test_module_defaults.py
    tests/integration/test_role_end_to_end.py
)
# What the tests import besides ansible-core (pinned in requirements-dev.txt).
TEST_PACKAGES=(requests urllib3 jsonschema pytest cryptography PyJWT)

PYENV_ROOT="${PYENV_ROOT:-/root/.pyenv}"
MATRIX_VENVS="${MATRIX_VENVS:-${XDG_CACHE_HOME:-$HOME/.cache}/ucops-platform/matrix}"
LOGS="$ROOT/.build/matrix"

usage() {
    sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

LANE=all
JOBS=2
SUMMARY=0
RELEASES=()
while [ "$#" -gt 0 ]; do
    case "$1" in
        --summary) SUMMARY=1; shift ;;
        --lane) LANE="${2:-}"; shift 2 ;;
        --lane=*) LANE="${1#--lane=}"; shift ;;
        --jobs) JOBS="${2:-}"; shift 2 ;;
        --jobs=*) JOBS="${1#--jobs=}"; shift ;;
        -h|--help) usage ;;
        all) for row in "${MATRIX[@]}"; do RELEASES+=("${row%% *}"); done; shift ;;
        *) RELEASES+=("$1"); shift ;;
    esac
done
case "$LANE" in static) PARTS=(units sanity) ;; integration) PARTS=(integration) ;; all) PARTS=(units sanity integration) ;; *) usage ;; esac
case "$JOBS" in 1|2) ;; *) usage ;; esac
if [ "${#RELEASES[@]}" -eq 0 ]; then
    for row in "${MATRIX[@]}"; do
        [ "${row%% *}" = "$DEFAULT_RELEASE" ] || RELEASES+=("${row%% *}")
    done
fi

row_of() {
    local row
    for row in "${MATRIX[@]}"; do
        if [ "${row%% *}" = "$1" ]; then
            echo "$row"
            return
        fi
    done
    echo "matrix: unknown release $1 (known: $(printf '%s ' "${MATRIX[@]%% *}"))" >&2
    exit 2
}
for release in "${RELEASES[@]}"; do row_of "$release" >/dev/null; done

# The interpreter of a release: the newest pyenv CPython X.Y.Z of the first X.Y of the table's
# list that is installed.
python_of() {
    local best want dir name
    for want in ${1//,/ }; do
        best=""
        for dir in "$PYENV_ROOT"/versions/"$want".*/; do
            name="$(basename "$dir")"
            [[ "$name" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || continue
            [ -x "$dir/bin/python3" ] || continue
            best="$(printf '%s\n%s\n' "$best" "$name" | sed '/^$/d' | sort -V | tail -n 1)"
        done
        if [ -n "$best" ]; then
            echo "$PYENV_ROOT/versions/$best/bin/python3"
            return
        fi
    done
}

venv_of() {
    if [ "$1" = "$DEFAULT_RELEASE" ]; then
        echo "$ROOT/.venv"
    else
        echo "$ROOT/.venv-$1"
    fi
}

build_venv() {
    local release="$1" core="$2" pyver="$3" python key target link name
    local requirements=("ansible-core==$core")
    [ "$release" = "$DEFAULT_RELEASE" ] && return 0
    link="$(venv_of "$release")"
    python="$(python_of "$pyver")"
    if [ -z "$python" ]; then
        echo "matrix: ansible-core $release needs Python $pyver: none under $PYENV_ROOT/versions" >&2
        return 1
    fi
    for name in "${TEST_PACKAGES[@]}"; do
        requirements+=("$(grep -iE "^${name}==" requirements-dev.txt)")
    done
    key="$(printf '%s\n' "$python" "$("$python" -c 'import sys; print(sys.version)')" "${requirements[@]}" \
        | sha256sum | cut -c1-12)"
    target="$MATRIX_VENVS/$release-$key"
    mkdir -p "$MATRIX_VENVS"
    (
        flock 9
        if [ "${MATRIX_REBUILD:-0}" = 1 ] || [ ! -f "$target/.complete" ]; then
            echo "matrix: building the venv of ansible-core $core with $python"
            rm -rf "$target"
            "$python" -m venv "$target"
            "$target/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}"
            touch "$target/.complete"
        fi
        # venvs of earlier pins of this release
        find "$MATRIX_VENVS" -maxdepth 1 -name "$release-*" ! -name "$release-$key" -exec rm -rf {} +
    ) 9>"$MATRIX_VENVS/.lock-$release"
    if [ -e "$link" ] && [ ! -L "$link" ]; then
        rm -rf "$link"   # a venv built in place by an older layout
    fi
    ln -sfn "$target" "$link"
}

summary() {
    local failed=0 release core pyver cells part result rc seconds python set_name
    echo
    printf '%-8s %-8s %-7s %9s %9s %14s\n' release core python units sanity integration
    for release in "${RELEASES[@]}"; do
        read -r _ core pyver _ <<<"$(row_of "$release")"
        python="$(readlink -f "$(venv_of "$release")/bin/python" 2>/dev/null || true)"
        python="$(basename "$(dirname "$(dirname "$python")")")"
        [[ "$python" =~ ^[0-9]+\.[0-9]+ ]] && pyver="${BASH_REMATCH[0]}"
        if [ "$core" = default ]; then
            core="$("$ROOT/.venv/bin/python" -c 'import ansible.release; print(ansible.release.__version__)')"
        fi
        cells=()
        for part in units sanity integration; do
            result="$LOGS/$release-$part.result"
            if [ ! -f "$result" ]; then
                cells+=("-")
                continue
            fi
            read -r _ _ rc seconds <"$result"
            set_name=""
            if [ "$part" = integration ] && grep -q '^matrix: integration set: core' "$LOGS/$release-$part.log" 2>/dev/null; then
                set_name=" core"
            fi
            if [ "$rc" = 0 ]; then
                cells+=("${seconds}s${set_name}")
            else
                cells+=("FAIL:${seconds}s${set_name}")
                if [[ " ${PARTS[*]} " == *" $part "* ]]; then
                    failed=1
                fi
            fi
        done
        printf '%-8s %-8s %-7s %9s %9s %14s\n' "$release" "$core" "$pyver" "${cells[@]}"
    done
    return "$failed"
}

if [ "$SUMMARY" = 1 ]; then
    # every part counts: a missing result is a part that did not run
    missing=0
    for release in "${RELEASES[@]}"; do
        for part in "${PARTS[@]}"; do
            [ -f "$LOGS/$release-$part.result" ] || missing=1
        done
    done
    rc=0
    summary || rc=$?
    if [ "$rc" != 0 ] || [ "$missing" != 0 ]; then
        echo "matrix: FAILED (a part failed or did not run; logs in ${LOGS#"$ROOT"/}/)"
        exit 1
    fi
    exit 0
fi

START=$(date +%s)
make --no-print-directory venv >/dev/null   # .venv: the lab, and the default release
for release in "${RELEASES[@]}"; do
    read -r _ core pyver _ <<<"$(row_of "$release")"
    build_venv "$release" "$core" "$pyver"
done

# --- environment, as in the Makefile -------------------------------------------------------
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
export LAB_PYTHON="$ROOT/.venv/bin/python"   # tests/conftest.py starts the lab with it
mkdir -p "$LOGS"

# run_part RELEASE PART: one part, logged to .build/matrix/<release>-<part>.log, its outcome
# "<release> <part> <exit status> <seconds>" kept in .build/matrix/<release>-<part>.result.
run_part() {
    local release="$1" part="$2" venv rc=0 start pylint set tests
    read -r _ _ _ pylint set <<<"$(row_of "$release")"
    tests=("${INTEGRATION[@]}")
    if [ "$set" = core ] && [ "${INTEGRATION_ALL:-0}" != 1 ]; then
        tests=("${INTEGRATION_CORE[@]}")
    fi
    venv="$(venv_of "$release")"
    start=$(date +%s)
    (
        export PATH="$venv/bin:$PATH"
        export ANSIBLE_PYTHON_INTERPRETER="$venv/bin/python"
        echo "matrix: $part on $("$venv/bin/python" --version), $("$venv/bin/ansible" --version | head -n 1)"
        case "$part" in
            units)
                "$venv/bin/python" -m pytest -p no:cacheprovider tests/unit ;;
            sanity)
                skip=()
                if [ "$pylint" != yes ] && [ "${SANITY_ALL:-0}" != 1 ]; then
                    skip=(--skip-test pylint)
                fi
                VENV="${venv#"$ROOT"/}" bash scripts/sanity.sh "${skip[@]}" ;;
            integration)
                echo "matrix: integration set: $([ "${#tests[@]}" = "${#INTEGRATION[@]}" ] && echo all || echo core)"
                "$venv/bin/python" -m pytest -p no:cacheprovider --durations=5 "${tests[@]}" ;;
        esac
    ) >"$LOGS/$release-$part.log" 2>&1 </dev/null || rc=$?
    echo "$release $part $rc $(( $(date +%s) - start ))" >"$LOGS/$release-$part.result"
    printf 'matrix: %-5s %-12s %s in %ds\n' "$release" "$part" \
        "$([ "$rc" = 0 ] && echo passed || echo "FAILED (exit $rc)")" "$(( $(date +%s) - start ))"
}

lane() {
    local release part
    for release in "${RELEASES[@]}"; do
        for part in "$@"; do
            run_part "$release" "$part"
        done
    done
}

for release in "${RELEASES[@]}"; do
    for part in "${PARTS[@]}"; do rm -f "$LOGS/$release-$part.result"; done
done
if [ "$LANE" != static ]; then
    "$LAB_PYTHON" -m lab up >/dev/null
fi
case "$LANE" in
    static) lane units sanity ;;
    integration) lane integration ;;
    all)
        if [ "$JOBS" = 1 ]; then
            lane integration
            lane units sanity
        else
            lane integration &
            integration_lane=$!
            lane units sanity
            wait "$integration_lane"
        fi ;;
esac

# --- summary: the parts run now, and those of an earlier run of another lane ----------------
failed=0
summary || failed=1
echo "matrix: ${LANE} lane(s) in $(( $(date +%s) - START ))s; logs in ${LOGS#"$ROOT"/}/"
if [ "$failed" = 1 ]; then
    for release in "${RELEASES[@]}"; do
        for part in "${PARTS[@]}"; do
            read -r _ _ rc _ <"$LOGS/$release-$part.result"
            [ "$rc" = 0 ] && continue
            echo
            echo "=== matrix: $release $part failed (exit $rc); end of ${LOGS#"$ROOT"/}/$release-$part.log:"
            tail -n 60 "$LOGS/$release-$part.log"
        done
    done
    echo
    echo "matrix: FAILED"
    exit 1
fi
# the pytest counts of the parts run now (each part's own closing line is in its log)
passed=0
for release in "${RELEASES[@]}"; do
    for part in "${PARTS[@]}"; do
        [ "$part" = sanity ] && continue
        count="$(grep -Eo '[0-9]+ passed' "$LOGS/$release-$part.log" | tail -n 1 | cut -d' ' -f1)"
        passed=$(( passed + ${count:-0} ))
    done
done
echo "matrix: $passed passed, 0 failed"
