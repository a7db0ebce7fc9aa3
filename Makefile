# tei-plenum: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := data/kwp-cc-plenum-1956-08
OUT    := out

.PHONY: run test test-quick lint format bench eval golden system-deps clean

$(BIN)/tei-plenum: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## run: install into .venv and convert the bundled sample (TEI, validation, text and HTML views under out/)
run: $(BIN)/tei-plenum
	mkdir -p $(OUT)
	$(BIN)/tei-plenum convert $(SAMPLE).txt -o $(OUT)/$(notdir $(SAMPLE)).xml
	$(BIN)/tei-plenum validate $(OUT)/$(notdir $(SAMPLE)).xml
	$(BIN)/tei-plenum export $(OUT)/$(notdir $(SAMPLE)).xml --to text -o $(OUT)/$(notdir $(SAMPLE)).txt
	$(BIN)/tei-plenum export $(OUT)/$(notdir $(SAMPLE)).xml --to html -o $(OUT)/$(notdir $(SAMPLE)).html
	@echo "Wrote $(OUT)/$(notdir $(SAMPLE)).xml, .txt and .html"

## system-deps: the Debian packages the tests use (jing for RELAX NG, chromium for browser tests)
system-deps:
	@if ! command -v jing >/dev/null 2>&1 || ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends jing chromium fonts-dejavu-core >/dev/null; \
	fi

## test: install what the tests need, lint, then run the whole suite
test: $(BIN)/tei-plenum system-deps lint
	$(BIN)/python -m pytest

## test-quick: the suite without the tests marked slow (tei_all compilation, jing, wheel builds)
test-quick: $(BIN)/tei-plenum system-deps
	$(BIN)/python -m pytest -m "not slow"

lint: $(BIN)/tei-plenum
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(BIN)/tei-plenum
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## bench: print speed and memory figures (not a test)
bench: $(BIN)/tei-plenum system-deps
	$(BIN)/python -m bench

## eval: print entity, date and speaker-turn scores on the evaluation set (not a test)
eval: $(BIN)/tei-plenum
	$(BIN)/python -m evaluation

## golden: regenerate golden files after a reviewed change of output
golden: $(BIN)/tei-plenum
	$(BIN)/python -m pytest tests/golden --update-golden
	git diff --stat tests/golden

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache .hypothesis
