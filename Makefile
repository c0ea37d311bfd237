# The README's commands. Each target sets up first, so one command suffices.
.PHONY: setup run test check bench

setup:
	bash scripts/setup.sh

# Generate the example DPA with the demo configuration (see config/demo.env).
run: setup
	set -a; . config/demo.env; set +a; \
	.venv/bin/dpa check && .venv/bin/dpa generate --request examples/request.json --out out

test: setup
	.venv/bin/python -m pytest

check: setup
	set -a; . config/demo.env; set +a; .venv/bin/dpa check

bench: setup
	set -a; . config/demo.env; set +a; .venv/bin/python bench/generate_bench.py
