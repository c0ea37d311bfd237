"""Load WeasyPrint's native libraries by their sonames, without the slow search.

WeasyPrint tries up to six spellings of each library's name, for every platform. Each
spelling the dynamic loader does not know sends cffi to `ctypes.util.find_library`, which on
Linux runs `ldconfig`, then gcc, then ld: 10-25 ms a miss, about a quarter of a second in
all, paid by every fresh `dpa generate` and every worker. Among the spellings are the
libraries' sonames (`libpango-1.0.so.0`), which the loader finds by itself; so while
WeasyPrint loads its libraries, the search answers "not found" at once. Where that is not
enough (an unusual install), WeasyPrint loads them again with the search.
"""
import ctypes.util
import sys


def _load_by_soname() -> None:
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint.text.ffi  # noqa: F401
    except OSError:
        pass  # imported again below, searching as WeasyPrint does by itself
    finally:
        ctypes.util.find_library = search


if sys.platform.startswith("linux") and "weasyprint.text.ffi" not in sys.modules:
    _load_by_soname()
