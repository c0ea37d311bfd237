# The README's commands. Each target sets up first, so one command suffices.
.PHONY: setup run test check bench

setup:
	bash scripts/setup.sh

# Serve the web service with the demo configuration (see config/demo.env).
run: setup
	set -a; . config/demo.env; set +a; .venv/bin/dpa check && .venv/bin/dpa serve

# Lint and types (see `lint`), the whole suite on SQLite, then every test that
# touches the database again on PostgreSQL: a throwaway cluster from
# scripts/with-postgres.sh, on which the
# `app` fixture runs when DPA_TEST_DATABASE_URL is set. tests/conftest.py marks
# each test that uses `app` (directly or through client/runner) with `db`, so a
# new web test is rerun without being listed here; no `db` test at all fails
# (pytest exit 5). Tests marked `postgres` (two app servers on one PostgreSQL and
# one Redis) need that server, so they run in the second stage only; run alone,
# they start their own. Both stages always run; either failing fails `make test`.
# Extra pytest options: make test PYTEST_ARGS="-x -k customer".
PYTEST_ARGS ?=
.PHONY: test-sqlite test-postgres

test: setup
	@status=0; \
	$(MAKE) --no-print-directory lint || status=$$?; \
	$(MAKE) --no-print-directory test-sqlite || { s=$$?; [ $$status -ne 0 ] || status=$$s; }; \
	$(MAKE) --no-print-directory test-postgres || { s=$$?; [ $$status -ne 0 ] || status=$$s; }; \
	exit $$status

# Lint (pyflakes, style, import order), types, and the one-way import layers;
# settings in pyproject.toml. `make test` runs it first.
.PHONY: lint
lint:
	.venv/bin/ruff check .
	.venv/bin/mypy
	.venv/bin/lint-imports

test-sqlite:
	env -u DPA_TEST_DATABASE_URL .venv/bin/python -m pytest -m "not postgres" $(PYTEST_ARGS)

test-postgres:
	bash scripts/with-postgres.sh .venv/bin/python -m pytest -m db $(PYTEST_ARGS)

# The web interface's texts: extract them and merge them into the fr and zh catalogues
# (dpa_builder/translations/<lang>/LC_MESSAGES/messages.po), then translate what is new.
.PHONY: translations
translations: setup
	.venv/bin/pybabel -q extract -F babel.cfg -k lazy_gettext -k _l --no-location --sort-output \
	  -o dpa_builder/translations/messages.pot .
	.venv/bin/pybabel -q update -i dpa_builder/translations/messages.pot \
	  -d dpa_builder/translations --no-fuzzy-matching
	.venv/bin/pybabel -q compile -d dpa_builder/translations

check: setup
	set -a; . config/demo.env; set +a; .venv/bin/dpa check

# Both formats of the example DPA as PNG pages side by side (PDF left, the DOCX as
# LibreOffice lays it out right) in out/proof/, for legal and for review.
# Options: make proof PROOF_ARGS="--profile helpdesk --out out/proof-helpdesk --dpi 80".
PROOF_ARGS ?=
.PHONY: proof

proof: setup
	set -a; . config/demo.env; set +a; .venv/bin/python scripts/proof.py $(PROOF_ARGS)

bench: setup
	set -a; . config/demo.env; set +a; .venv/bin/python bench/generate_bench.py

# Load the customer form through gunicorn -w 2 on loopback (20 clients; see the
# docstring of bench/load_bench.py); bench-load-pg does the same on a throwaway
# PostgreSQL. Options: make bench-load BENCH_ARGS="--rounds 5".
BENCH_ARGS ?=
.PHONY: bench-load bench-load-pg

bench-load: setup
	env -u DPA_BENCH_DATABASE_URL .venv/bin/python bench/load_bench.py $(BENCH_ARGS)

bench-load-pg: setup
	bash scripts/with-postgres.sh sh -c 'DPA_BENCH_DATABASE_URL="$$DPA_TEST_DATABASE_URL" \
	  exec .venv/bin/python bench/load_bench.py "$$@"' _ $(BENCH_ARGS)

# Queue and send notices to 10,000 subscribers with 1 and 4 `dpa notify` workers
# against an SMTP sink on loopback; bench-notify-pg on a throwaway PostgreSQL.
.PHONY: bench-notify bench-notify-pg

bench-notify: setup
	env -u DPA_BENCH_DATABASE_URL .venv/bin/python bench/notify_bench.py $(BENCH_ARGS)

bench-notify-pg: setup
	bash scripts/with-postgres.sh sh -c 'DPA_BENCH_DATABASE_URL="$$DPA_TEST_DATABASE_URL" \
	  exec .venv/bin/python bench/notify_bench.py "$$@"' _ $(BENCH_ARGS)
