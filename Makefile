# ORcast: `make dev` runs the whole system, `make test` runs the whole suite.
# Both create .venv and install what they need on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: dev test lint typecheck unit system-deps bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

system-deps:
	@bash scripts/system-deps.sh

IDP := services/dev/oidc/node_modules/.installed

# The development OpenID Connect provider (oidc-provider from npm) people sign in at.
$(IDP): services/dev/oidc/package-lock.json
	npm ci --prefix services/dev/oidc --no-audit --no-fund --loglevel=error
	@touch $(IDP)

dev: $(STAMP) $(IDP)
	$(BIN)/orcast dev $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check services tests bench deploy

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -m "not browser" $(ARGS)

AXE := tests/e2e/node_modules/.installed

$(AXE): tests/e2e/package-lock.json
	npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
	@touch $(AXE)

# Fault tests time a recovery under kill -9, broker cuts and scale-out: they run alone,
# after the rest has run on two workers (one per core).
TIMED := tests/faults

test: $(STAMP) system-deps $(AXE) $(IDP) lint typecheck
	$(BIN)/pytest -n 2 --dist loadfile --durations=30 $(TIMED:%=--ignore=%) $(ARGS)
	$(BIN)/pytest --durations=15 $(TIMED) $(ARGS)

bench: $(STAMP)
	$(BIN)/python bench/e2e_latency.py

clean:
	rm -rf $(VENV) var test-artifacts .pytest_cache .mypy_cache .ruff_cache
