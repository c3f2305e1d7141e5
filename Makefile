# clusterkg: make demo (Neo4j + plan + API) and make test (the whole suite against a real Neo4j).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup neo4j neo4j-stop neo4j-status load serve demo test unit bench bench-quick clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

neo4j:
	@bash scripts/neo4j.sh start

neo4j-stop:
	@bash scripts/neo4j.sh stop

neo4j-status:
	@bash scripts/neo4j.sh status

load: setup neo4j
	$(BIN)/clusterkg load plan

serve: setup neo4j
	$(BIN)/clusterkg serve

demo: setup neo4j load serve

test: setup neo4j
	$(BIN)/python -m pytest

unit: setup
	$(BIN)/python -m pytest tests/unit

clean:
	rm -rf $(VENV) build *.egg-info

bench-quick: setup neo4j load
	$(BIN)/python bench/viz_page.py --repeat 5

bench: setup neo4j load
	$(BIN)/python bench/viz_page.py --repeat 50
