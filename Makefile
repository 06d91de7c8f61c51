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

.PHONY: help venv link lab-up lab-down demo test units lab-tests integration molecule sanity lint changelog-lint docs docs-test ecosystem matrix bench clean

help:
	@echo "make demo   - build the environment, start the lab, run playbooks/site.yml twice"
	@echo "make test   - every test: unit, lab, integration, sanity, lint"
	@echo "make lab-up / make lab-down - start / stop the offline lab servers"

venv: $(VENV)/.stamp link

$(VENV)/.stamp: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

link: $(COLLECTION_LINK)

$(COLLECTION_LINK):
	mkdir -p $(dir $(COLLECTION_LINK))
	ln -sfn ../../.. $(COLLECTION_LINK)

lab-up: venv
	$(BIN)/python -m lab up

lab-down:
	@if [ -x $(BIN)/python ]; then $(BIN)/python -m lab down; fi

demo: venv lab-up
	$(BIN)/python scripts/demo.py

test: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/unit tests/lab tests/integration tests/ecosystem
	$(MAKE) --no-print-directory molecule sanity lint docs docs-test

units: venv
	$(BIN)/python -m pytest -p no:cacheprovider tests/unit

lab-tests: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/lab

integration: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/integration

# Role scenarios (extensions/molecule/<role>/) against the lab: the connection comes from its
# env file, $$LAB_STATE_DIR/env for a private lab, else .lab/env.
molecule: venv lab-up
	set -a && . "$${LAB_STATE_DIR:-$(CURDIR)/.lab}/env" && set +a && $(BIN)/molecule test --all

# tarball install, execution environment, ansible-runner job (tests/ecosystem/)
ecosystem: venv lab-up
	$(BIN)/python -m pytest -p no:cacheprovider tests/ecosystem

# docs site from the plugins' own documentation + docs/ guides: .build/docs/build/html
docs: venv
	bash scripts/docs.sh

# the built site in headless Chromium (needs `make docs` first)
docs-test: venv
	$(BIN)/python -m pytest -p no:cacheprovider tests/docs

sanity: venv
	bash scripts/sanity.sh

lint: venv
	$(BIN)/ansible-lint --profile production --offline
	$(BIN)/antsibull-changelog lint

# Benchmarks against a private lab (not part of `make test`); results in bench/results/.
bench: venv
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/run.py $(BENCH_ARGS)

# The ansible-core matrix (scripts/matrix.sh): unit tests, sanity and a compact integration set on
# 2.16, 2.17, 2.18, 2.20 and 2.21 (2.19 is the default: `make test`). RELEASES="2.16 2.21" picks
# releases (all: every one), LANE=static (units + sanity) or LANE=integration one lane.
matrix: venv
	bash scripts/matrix.sh $(if $(LANE),--lane $(LANE)) $(RELEASES)

clean: lab-down
	rm -rf $(VENV) .venv-* .lab .collections .build tests/output
