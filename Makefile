# clusterkg: make demo (Neo4j + plan + API) and make test (the whole suite against a real Neo4j of
# its own: scripts/test-neo4j.sh, .neo4j-test/ on Bolt 7688, never the demo's server).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: wrk setup neo4j neo4j-stop neo4j-status neo4j-test neo4j-test-stop load serve demo backup test unit lint bench bench-quick bench-extract load-run clean

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

neo4j-test:
	@bash scripts/test-neo4j.sh start

neo4j-test-stop:
	@bash scripts/test-neo4j.sh stop

load: setup neo4j
	$(BIN)/clusterkg load plan

serve: setup neo4j
	$(BIN)/clusterkg serve

demo: setup neo4j load serve

# The local server's database into backups/ (the server is stopped for the dump and restarted);
# BACKUP=FILE names the file. Put it back with: clusterkg restore FILE --yes
BACKUP ?= backups/clusterkg-$(shell date +%Y%m%d-%H%M%S).ckg
backup: setup neo4j
	@mkdir -p $(dir $(BACKUP))
	$(BIN)/clusterkg backup $(BACKUP)

test: setup neo4j-test
	$(BIN)/python -m pytest

unit: setup
	$(BIN)/python -m pytest tests/unit

# Quality gates (CI runs them before the tests): ruff lint and format check, mypy strict.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy clusterkg api graph loaders queries

clean:
	rm -rf $(VENV) build *.egg-info

# Benchmarks print their figures and append them to bench/results.jsonl; the registry's size is a
# parameter (make bench BENCH_FIRMS=200000). bench-quick proves the harness in CI at a small scale;
# bench gives issue 7's figures (about 25 min on 2 cores; the bulk import replaces the graph and
# comes last, then the plan is loaded again).
QUICK_FIRMS ?= 5000
BENCH_FIRMS ?= 1000000
BENCH_PROJECTS ?= 10000
BENCH_WORKERS ?= 2
LOAD_RUN_FIRMS ?= 5000
LOAD_RUN_SECONDS ?= 60

# wrk drives the load runs; installed from Debian as .ci/run does (nothing when already on the PATH).
wrk:
	@bash scripts/install-wrk.sh

bench-quick: setup neo4j load wrk
	$(BIN)/python bench/viz_page.py --repeat 5
	$(BIN)/python bench/firm_load.py --n 2000
	$(BIN)/python bench/province_load.py --n $(QUICK_FIRMS) --projects 100
	$(BIN)/python bench/api_latency.py --repeat 10 --warmup 3
	$(BIN)/python bench/gap_report.py --repeat 3
	$(BIN)/python bench/load_run.py --route enterprise --clients 32 --duration 10
	$(BIN)/python bench/map_svg.py --repeat 5

bench: setup neo4j load wrk
	$(BIN)/python bench/viz_page.py --repeat 50
	$(BIN)/python bench/firm_load.py --n 20000
	$(BIN)/python bench/province_load.py --n $(BENCH_FIRMS) --projects $(BENCH_PROJECTS)
	$(BIN)/python bench/api_latency.py --repeat 200 --workers $(BENCH_WORKERS)
	$(BIN)/python bench/gap_report.py --repeat 20 --profile
	$(BIN)/python bench/load_run.py --route enterprise --clients 32 --duration 30 --workers $(BENCH_WORKERS) --min-rps 300
	$(BIN)/python bench/bulk_import.py --registry /tmp/clusterkg-bench/firms-$(BENCH_FIRMS)-1.csv
	$(BIN)/python bench/map_svg.py --repeat 50

# Extraction quality: P/R/F1 per fact kind on every document with gold (no Neo4j needed).
bench-extract: setup
	$(BIN)/python bench/extraction.py

# Issue 8: 50 clients for LOAD_RUN_SECONDS on loopback against a demo-sized graph; any failed
# request (socket error, timeout, status >= 400) fails the target.
load-run: setup neo4j load wrk
	$(BIN)/python bench/sample_graph.py --n $(LOAD_RUN_FIRMS)
	$(BIN)/python bench/load_run.py --route mixed --clients 50 --duration $(LOAD_RUN_SECONDS)
