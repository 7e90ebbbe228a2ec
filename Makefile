# Two commands on a fresh machine: `make run` and `make test` (see README.md).
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS ?= never
UV := $(shell uv --version >/dev/null 2>&1 && echo uv || echo .tools/bin/uv)
PY := .venv/bin/python

.PHONY: run test install lint bench clean

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demodata --met-rapportage
	bash scripts/run.sh

test: install
	bash scripts/test.sh

install: .venv/.installed node_modules/.installed

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

.venv/.installed: pyproject.toml uv.lock $(if $(findstring .tools,$(UV)),.tools/bin/uv)
	$(UV) sync --frozen --compile-bytecode
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf .venv .tools node_modules staticfiles var/test
