# The two commands a reader needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster_home

SOURCE ?= sources/samples
DB ?= data/tongban.duckdb

.PHONY: install run test test-fast lint dev bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) $(DAGSTER_HOME)/dagster.yaml

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	ln -sf $(CURDIR)/dagster.yaml $(DAGSTER_HOME)/dagster.yaml

# Materialize the whole asset graph on the bundled samples, then publish.
run: install
	TONGBAN_SOURCE=$(SOURCE) TONGBAN_DB=$(DB) $(BIN)/tongban materialize

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow"

lint: install
	$(BIN)/ruff check .

dev: install
	TONGBAN_SOURCE=$(SOURCE) TONGBAN_DB=$(DB) $(BIN)/dagster dev -m pipeline.definitions -h 127.0.0.1 -p 3000

bench: install
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) data .dagster_home .pytest_cache
