# The README's commands. Each target sets up first, so one command suffices.
.PHONY: setup run test check bench

setup:
	bash scripts/setup.sh

# Serve the web service with the demo configuration (see config/demo.env).
run: setup
	set -a; . config/demo.env; set +a; .venv/bin/dpa check && .venv/bin/dpa serve

test: setup
	.venv/bin/python -m pytest

check: setup
	set -a; . config/demo.env; set +a; .venv/bin/dpa check

bench: setup
	set -a; . config/demo.env; set +a; .venv/bin/python bench/generate_bench.py
