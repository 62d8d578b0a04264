# khoi: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EVAL   ?= ../shared/eval
STAMP  := $(VENV)/.installed

.PHONY: demo test eval bench lint system-deps clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test,fast,distributed]"
	touch $(STAMP)

## demo: install into .venv, then ingest, extract, index and serve the bundled articles
demo: $(STAMP)
	$(BIN)/khoi demo

## system-deps: Debian packages the tests drive (chromium for browser tests, redis-server for distributed crawling)
system-deps:
	bash scripts/install-system-deps.sh

## test: everything the tests need, then the whole suite
test: $(STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

## eval: score predictions on the hand-annotated dev set
eval: $(STAMP)
	@test -f $(EVAL)/dev.gold.jsonl || { echo "Error: $(EVAL)/dev.gold.jsonl not found (set EVAL=path/to/eval)"; exit 1; }
	@mkdir -p build
	$(BIN)/khoi predict $(EVAL)/dev.gold.jsonl > build/dev.pred.jsonl
	$(BIN)/python $(EVAL)/score.py $(EVAL)/dev.gold.jsonl build/dev.pred.jsonl

## bench: speed and memory figures (extraction, crawling, index, web app)
bench: $(STAMP) system-deps
	$(BIN)/python bench/run_all.py

lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf build data/khoi.db data/khoi.db-* data/khoi.index test-artifacts
