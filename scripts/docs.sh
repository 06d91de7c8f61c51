#!/usr/bin/env bash
# Build the documentation site into .build/docs/build/html, offline.
#
# 1. `antsibull-docs lint-collection-docs --plugin-docs`: every plugin's
#    DOCUMENTATION/EXAMPLES/RETURN, docs/docsite/extra-docs.yml, links.yml and
#    the RST stubs; a broken reference or an unparsable doc fails here.
# 2. `antsibull-docs sphinx-init --use-current`: a fresh Sphinx project for the
#    collection as installed through .collections/ (so modules, roles and plugins
#    added later appear without any change here), then scripts/docs_conf.py is
#    appended to its conf.py (offline intersphinx, MyST for the Markdown guides).
# 3. `antsibull-docs collection` writes the RST of every plugin and role and the
#    extra docs; each stub of docs/docsite/rst/ is replaced, in the build tree,
#    by the Markdown guide of docs/ it stands for.
# 4. `sphinx-build -W --keep-going` with nitpicky on: any warning (an undefined
#    label, a broken cross-reference) fails the build.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BIN="$ROOT/${VENV:-.venv}/bin"
DEST="$ROOT/.build/docs"
export PATH="$BIN:$PATH"
export ANSIBLE_COLLECTIONS_PATH="$ROOT/.collections"
export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
export ANSIBLE_NOCOLOR=1
start=$(date +%s)

if [ ! -e "$ROOT/.collections/ansible_collections/ucops/platform" ]; then
    echo "docs: .collections/ansible_collections/ucops/platform is missing; run 'make venv'" >&2
    exit 2
fi

echo "docs: lint-collection-docs"
antsibull-docs lint-collection-docs --plugin-docs "$ROOT/.collections/ansible_collections/ucops/platform"

rm -rf "$DEST"
mkdir -p "$DEST"
antsibull-docs sphinx-init --use-current --squash-hierarchy --fail-on-error \
    --title 'ucops.platform' --project 'ucops.platform' --copyright 'ucops.platform contributors' \
    --dest-dir "$DEST" ucops.platform >/dev/null
cat "$ROOT/scripts/docs_conf.py" >> "$DEST/conf.py"

echo "docs: antsibull-docs collection"
mkdir -p "$DEST/rst"
chmod og-w "$DEST/rst"
antsibull-docs --config-file "$DEST/antsibull-docs.cfg" collection --use-current --squash-hierarchy \
    --fail-on-error --cleanup everything --dest-dir "$DEST/rst" ucops.platform
# Each stub of docs/docsite/rst/<name>.rst stands for the Markdown guide docs/<name>.md (with
# dashes for underscores): in the build tree it becomes its label plus the guide, parsed by MyST.
cp "$ROOT"/docs/*.md "$DEST/"
for stub in "$DEST"/rst/docsite/*.rst; do
    name="$(basename "$stub" .rst)"
    guide="${name//_/-}.md"
    if [ ! -f "$DEST/$guide" ]; then
        echo "docs: $stub has no guide docs/$guide" >&2
        exit 1
    fi
    printf '.. _ansible_collections.ucops.platform.docsite.%s:\n\n.. include:: ../../%s\n   :parser: myst_parser.sphinx_\n' \
        "$name" "$guide" > "$stub"
done

echo "docs: sphinx-build"
sphinx-build -M html "$DEST/rst" "$DEST/build" -c "$DEST" -W --keep-going -n -q -j auto
echo "docs: built $DEST/build/html/index.html in $(( $(date +%s) - start ))s"
