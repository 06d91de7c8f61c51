# ucops.platform developer entry points. Everything runs from the project's own
# virtualenv (.venv), built from requirements-dev.txt on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(CURDIR)/$(VENV)/bin
COLLECTION_LINK := .collections/ansible_collections/ucops/platform

export ANSIBLE_COLLECTIONS_PATH := $(CURDIR)/.collections
export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH := false
export PYTHONPATH := $(CURDIR)/.collections:$(CURDIR)
export ANSIBLE_NOCOLOR := 1
export ANSIBLE_FORCE_COLOR := 0
export ANSIBLE_HOST_KEY_CHECKING := false
export ANSIBLE_PYTHON_INTERPRETER := $(BIN)/python
export PATH := $(BIN):$(PATH)

.PHONY: help venv link lab-up lab-down demo test test-strict units lab-tests integration molecule sanity lint docs docs-test ecosystem matrix bench generate generate-check clean

# `make help` prints the "## " line above each target; tests/unit/test_makefile.py fails when a target has none.
## list the targets
help:
	@awk '/^## /{text=substr($$0,4)} /^[a-z][a-z-]*:/{if(text){split($$0,t,":"); printf "make %-15s %s\n", t[1], text}; text=""}' $(MAKEFILE_LIST)

## build the virtualenv .venv from requirements-dev.txt and link the collection into .collections
venv: $(VENV)/.stamp link

$(VENV)/.stamp: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## link the checkout into .collections/ansible_collections/ucops/platform
link: $(COLLECTION_LINK)

$(COLLECTION_LINK):
	mkdir -p $(dir $(COLLECTION_LINK))
	ln -sfn ../../.. $(COLLECTION_LINK)

## start the offline lab servers (Pexip and Kazoo), write .lab/env
lab-up: venv
	$(BIN)/python -m lab up

## stop the lab servers
lab-down:
	@if [ -x $(BIN)/python ]; then $(BIN)/python -m lab down; fi

## build the environment, start the lab, run playbooks/site.yml twice
demo: venv lab-up
	$(BIN)/python scripts/demo.py

# The pexip_services scenario is left to tests/integration/test_role_end_to_end.py here, which runs
# the same converge.yml, idempotence (changed=0 with molecule-idempotence-notest skipped) and
# verify.yml, plus --check --diff; `make molecule` runs every scenario. TEST_CHECKS: the checks
# without the lab run last (.ci/run empties it and runs them beside, on the other core).
TEST_CHECKS ?= sanity lint docs docs-test
# TEST_STRICT: the tests `make test` runs against a lab with the strict profile (.ci/run empties it: its
# matrix integration lane runs the compact set and these against a strict lab).
TEST_STRICT ?= tests/integration/test_pexip_strict.py
## every test: generated files, unit, lab, integration, ecosystem, molecule, sanity, lint, docs
test: venv generate-check lab-up
	$(BIN)/python -m pytest -p no:cacheprovider --durations=15 tests/unit tests/lab tests/integration tests/ecosystem
	$(if $(strip $(TEST_STRICT)),$(MAKE) --no-print-directory test-strict STRICT_TESTS="$(TEST_STRICT)")
	$(MAKE) --no-print-directory molecule MOLECULE_EXCLUDE=pexip_services
	$(if $(strip $(TEST_CHECKS)),$(MAKE) --no-print-directory $(TEST_CHECKS))

# The Pexip integration tests of the product variants against a lab of their own started with
# LAB_PEXIP_PROFILE=strict (lab/README.md "Profiles"): state in .build/strict-lab, port 9643, nodes
# under 127.98 (STRICT_LAB_DIR, STRICT_PEXIP_PORT, STRICT_NODE_NET); stopped afterwards. STRICT_TESTS chooses the tests (`make test` runs the compact one).
STRICT_LAB_DIR ?= $(CURDIR)/.build/strict-lab
STRICT_PEXIP_PORT ?= 9643
STRICT_NODE_NET ?= 127.98
STRICT_LAB = LAB_STATE_DIR=$(STRICT_LAB_DIR) LAB_PEXIP_PORT=$(STRICT_PEXIP_PORT) LAB_SERVERS=pexip \
	LAB_NODE_NET=$(STRICT_NODE_NET) LAB_PEXIP_PROFILE=strict
STRICT_TESTS ?= tests/integration/test_pexip_strict.py tests/integration/test_pexip_nodes.py \
	tests/integration/test_pexip_modules.py::test_playbook tests/integration/test_pexip_bulk.py \
	tests/integration/test_pexip_resources.py
## the Pexip integration tests of the product variants against a lab with LAB_PEXIP_PROFILE=strict
test-strict: venv
	env $(STRICT_LAB) $(BIN)/python -m lab up >/dev/null
	rc=0; env $(STRICT_LAB) $(BIN)/python -m pytest -p no:cacheprovider $(STRICT_TESTS) || rc=$$?; \
		env $(STRICT_LAB) $(BIN)/python -m lab down >/dev/null; exit $$rc

## unit tests only
units: venv
	$(BIN)/python -m pytest -p no:cacheprovider tests/unit

## the lab servers' own tests
lab-tests: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/lab

## real ansible-playbook runs against the lab
integration: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/integration

# Role scenarios (extensions/molecule/<role>/) against the lab: the connection comes from its
# env file, $$LAB_STATE_DIR/env for a private lab, else .lab/env. MOLECULE_EXCLUDE="a b" leaves
# scenarios out.
## the role scenarios against the lab
molecule: venv lab-up
	set -a && . "$${LAB_STATE_DIR:-$(CURDIR)/.lab}/env" && set +a && \
		$(BIN)/molecule test --all $(foreach scenario,$(MOLECULE_EXCLUDE),--exclude $(scenario))

# tarball install, execution environment, ansible-runner job (tests/ecosystem/)
## tarball install, execution environment, ansible-runner job
ecosystem: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/ecosystem

# docs site from the plugins' own documentation + docs/ guides: .build/docs/build/html
## build the docs site into .build/docs/build/html
docs: venv
	bash scripts/docs.sh

# the built site in headless Chromium (needs `make docs` first)
## check the built docs site in headless Chromium
docs-test: venv
	$(BIN)/python -m pytest -p no:cacheprovider tests/docs

## ansible-test sanity with no ignore file
sanity: venv
	bash scripts/sanity.sh

## ansible-lint (production profile) and antsibull-changelog lint
lint: venv
	$(BIN)/ansible-lint --profile production --offline
	$(BIN)/antsibull-changelog lint

# Benchmarks against private labs (not part of `make test`); results in bench/results/: the bulk
# module and the loops (bench/run.py, BENCH_ARGS), the export (BENCH_EXPORT_ARGS) and the drift report
# (BENCH_DRIFT_ARGS). The loops at N=1,000 take most of an hour: BENCH_ARGS="--loop-sizes '' --uri-sizes '' --merge"
# measures the bulk module alone and keeps the loops' last rows.
## benchmarks against a private lab (bulk module, loops, export, drift); results in bench/results/
bench: venv
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/export.py $(BENCH_EXPORT_ARGS)
	$(BIN)/python bench/drift.py $(BENCH_DRIFT_ARGS)

# The ansible-core matrix (scripts/matrix.sh): unit tests, sanity and a compact integration set on
# 2.16, 2.17, 2.18, 2.20 and 2.21 (2.19 is the default: `make test`). RELEASES="2.16 2.21" picks
# releases (all: every one), LANE=static (units + sanity) or LANE=integration one lane.
## units, sanity and compact integration on ansible-core 2.16, 2.17, 2.18, 2.20 and 2.21
matrix: venv
	bash scripts/matrix.sh $(if $(LANE),--lane $(LANE)) $(RELEASES)

# The module docs, the shared option fragments, meta/runtime.yml and docs/resources.md follow from the
# resource descriptions (plugins/module_utils/pexip_catalog_*.py); generated files are committed.
## write every file that follows from the resource descriptions
generate: venv
	$(BIN)/python scripts/generate.py

## fail when `make generate` would change a file
generate-check: venv
	$(BIN)/python scripts/generate.py --check

## stop the lab and remove every built file
clean: lab-down
	rm -rf $(VENV) .venv-* .lab .collections .build tests/output
