"""What the rendering policy costs: the DOCX path in the sandbox beside a plain Jinja Environment.

Both render the same assembled Helptal DPA whole (the Standard Terms not kept) with the
same compile-once cache, interleaved in one process, so machine noise falls on both alike.

    set -a; . config/demo.env; set +a; .venv/bin/python bench/sandbox_bench.py
"""
import json
import statistics
import time
from functools import lru_cache

from harness import REQUEST
from jinja2 import Environment, StrictUndefined

from dpa_builder.assembly.assemble import assemble
from dpa_builder.content.layout import DOCX_TEMPLATE
from dpa_builder.content.loader import load_content
from dpa_builder.render import docx
from dpa_builder.request import parse_request

ROUNDS = 30


class PlainCompileOnce(Environment):
    """The renderer's environment before the sandbox, its compile cache included."""

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        return self._compiled(source)

    @lru_cache(maxsize=16)  # noqa: B019 - one instance per benchmark run
    def _compiled(self, source: str):
        return Environment.from_string(self, source)


def main() -> None:
    request, content = parse_request(json.loads(REQUEST.read_text())), load_content("helptal")
    template = content.files[DOCX_TEMPLATE]
    envs = {"sandbox": docx._ENV,
            "plain": PlainCompileOnce(undefined=StrictUndefined, autoescape=True)}
    times: dict[str, list[float]] = {name: [] for name in envs}
    docx.kept_terms = lambda *args: None  # the whole template each time, terms included
    for _ in range(ROUNDS + 2):
        for name, env in envs.items():
            docx._ENV = env
            start = time.perf_counter()
            docx.render_docx(assemble(request, content), template)
            times[name].append(time.perf_counter() - start)
    sandbox, plain = (statistics.median(times[name][2:]) * 1000 for name in envs)
    print(f"assemble + DOCX, median of {ROUNDS} interleaved: sandbox {sandbox:.1f} ms, "
          f"plain Environment {plain:.1f} ms, ratio {sandbox / plain:.2f}")


if __name__ == "__main__":
    main()
