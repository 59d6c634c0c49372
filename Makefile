# uitstap: `make demo` to try it, `make test` to check it.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
DEMO_WACHTWOORD ?= uitstap-demo-2026
export DEMO_WACHTWOORD

# The first Python >= 3.12 we can find (pyenv versions included).
PYTHON_FOR_VENV := $(shell for p in python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[2-9]*/bin/python 2>/dev/null | sort -rV) python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null && { command -v $$p; break; }; done)

.PHONY: install demo test test-fast serve bench load check clean

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON_FOR_VENV)" ]; then echo "Geen Python 3.12 of nieuwer gevonden. Installeer Python >= 3.12 (bijv. via pyenv) en probeer opnieuw." >&2; exit 1; fi
	@test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(VENV)/.installed

demo: install
	@DEMO=true $(PY) manage.py migrate --noinput
	@DEMO=true $(PY) manage.py seed_demo --als-leeg
	@echo ""
	@echo "  uitstap demo: http://127.0.0.1:$(PORT)/"
	@echo "  Inloggen als coordinator, begeleider1, begeleider2, begeleider3, klantmanager of beheerder"
	@echo "  (ook klantmanager_lelystad, coordinator_haaglanden en begeleider_haaglanden: zie de README)"
	@echo "  Wachtwoord: $(DEMO_WACHTWOORD)"
	@echo ""
	@DEMO=true $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	@if [ -x /usr/bin/chromium ]; then \
		$(PY) -m pytest -q; \
	else \
		echo "Let op: /usr/bin/chromium ontbreekt; browsertests worden overgeslagen."; \
		$(PY) -m pytest -q -m "not browser"; \
	fi

test-fast: install
	$(PY) -m pytest -q -m "not browser" -x

# Production-like: gunicorn + WhiteNoise on 127.0.0.1:8000 behind a TLS proxy (see the deployment notes).
serve: install
	@if [ -z "$$DATABASE_URL" ] || [[ "$$DATABASE_URL" != postgres* ]]; then echo "make serve vraagt een PostgreSQL DATABASE_URL (postgres://...)." >&2; exit 1; fi
	@if [ -z "$$SECRET_KEY" ]; then echo "make serve vraagt een SECRET_KEY (bijv. python3 -c 'import secrets; print(secrets.token_urlsafe(50))')." >&2; exit 1; fi
	@if [ -z "$$AUDIT_SLEUTEL" ]; then echo "make serve vraagt een AUDIT_SLEUTEL (bijv. python3 -c 'import secrets; print(secrets.token_urlsafe(40))')." >&2; exit 1; fi
	@if [ -z "$$ALLOWED_HOSTS" ]; then echo "make serve vraagt ALLOWED_HOSTS (de hostnaam van de site)." >&2; exit 1; fi
	$(PY) manage.py check --deploy
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v 0
	$(VENV)/bin/gunicorn -c gunicorn.conf.py uitstap.wsgi

# On PostgreSQL (DATABASE_URL or BENCH_DATABASE_URL) the run ends with `make load`'s summary.
bench: install
	@$(PY) -m pip install --quiet -e '.[dev,bench]'
	$(PY) -m scripts.bench $$([[ "$${BENCH_DATABASE_URL:-$$DATABASE_URL}" == postgres* ]] && echo --load)

# SECURITY.md 38: 50 users for 2 minutes against gunicorn + PostgreSQL on 127.0.0.1; fails on any error.
load: install
	@$(PY) -m pip install --quiet -e '.[dev,bench]'
	bash scripts/load_test

# Static checks: ruff, Django's system checks, no model change without its migration.
check: install
	$(VENV)/bin/ruff check .
	DEMO=true $(PY) manage.py check
	DEMO=true $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) staticfiles
