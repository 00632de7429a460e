# casegraph — two commands for a newcomer: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
SEED := ../shared/corpus/seed/meduza-ionov-2021.txt
GOLD := ../shared/eval/seed-gold.json

.PHONY: demo test eval bench lint typecheck clean install serve

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@pkg-config --exists icu-i18n 2>/dev/null || { echo "PyICU needs ICU headers: apt-get install libicu-dev pkg-config g++"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip>=24"
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

## Build the example case from examples/, print its summary, write its dossier and bundle to out/.
demo: $(STAMP)
	@mkdir -p out && rm -f out/demo.db out/demo.db-wal out/demo.db-shm
	$(BIN)/casegraph ingest examples/meduza-case --case out/demo.db
	$(BIN)/casegraph summary --case out/demo.db
	$(BIN)/casegraph report --case out/demo.db -o out/dossier.md
	$(BIN)/casegraph export --case out/demo.db --format json -o out/demo-bundle.json
	$(BIN)/casegraph export --case out/demo.db --format ftm -o out/demo.ftm.json
	@echo "Dossier: out/dossier.md   Case bundle: out/demo-bundle.json   Case file: out/demo.db"

## The whole test suite.
test: $(STAMP)
	$(BIN)/python -m pytest -q

## Score extraction on the seed article against the hand annotation (a benchmark, not a test).
eval: $(STAMP)
	@test -f $(SEED) || { echo "seed not found at $(SEED)"; exit 1; }
	@mkdir -p out && rm -f out/seed.db out/seed.db-wal out/seed.db-shm
	$(BIN)/casegraph ingest $(SEED) --published 2021-05-21 --case out/seed.db
	$(BIN)/casegraph export --case out/seed.db --format json -o out/seed-bundle.json
	$(BIN)/python $(dir $(GOLD))score.py $(GOLD) out/seed-bundle.json

## Speed: our pipeline against spaCy's small pipeline alone, same text, same run.
bench: $(STAMP)
	$(BIN)/python bench/bench_pipeline.py

## The web workbench on the example case (builds out/demo.db first if it is missing).
serve: $(STAMP)
	@test -f out/demo.db || $(MAKE) demo
	$(BIN)/casegraph serve --case out/demo.db

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src/casegraph

clean:
	rm -rf out .pytest_cache .ruff_cache .mypy_cache
