# One command for each job; every target creates what it needs from a clean clone.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
DEMO_DB ?= demo.duckdb
SEED   := ../shared/seed/000_b81079d545b3e2ce.txt

.PHONY: install demo test test-fast bench eval clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev,spark]"
	touch $(STAMP)

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(VENV)/bin/sitrep ingest demo/corpus --db $(DEMO_DB)
	$(VENV)/bin/sitrep report --db $(DEMO_DB)
	@echo
	@echo "Next, extract the seed article:"
	@echo "  $(VENV)/bin/sitrep extract $(SEED) --format table"

test: install
	$(PY) -m pytest -q

test-fast: install
	$(PY) -m pytest -q -m "not model and not slow and not spark"

# throughput at 2,000 articles against bare spaCy, and peak memory at 20,000 vs 2,000 for each
# process count (the 20,000-article runs take 30+ minutes on 2 cores); BENCH_ARGS= for the short run
BENCH_ARGS ?= --n 2000 --processes 1 2 --memory-n 20000
bench: install
	$(PY) bench/throughput.py $(BENCH_ARGS)

eval: install
	$(PY) bench/eval_gate.py --report

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal .pytest_cache
