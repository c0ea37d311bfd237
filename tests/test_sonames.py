"""WeasyPrint's libraries load without searching, and the search is left as it was."""
import subprocess
import sys

PROBE = """
import ctypes.util
calls = []
search = ctypes.util.find_library
ctypes.util.find_library = lambda name: calls.append(name) or search(name)
counting = ctypes.util.find_library
from dpa_builder.render import pdf
from weasyprint import HTML
assert HTML(string="<p>x</p>").write_pdf().startswith(b"%PDF")
print(len(calls), ctypes.util.find_library is counting)
"""


def test_weasyprint_loads_its_libraries_without_a_search():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["0", "True"]
