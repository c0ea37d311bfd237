"""Hostile template code legal's content might carry: each must be refused, located and inert.

`{obj}` stands for a variable of the template at hand: `document` in the DOCX
template, `processor` (a model, before plain data) in a clause.
"""
import html

CORPUS = [
    ("{{ {obj}.__class__.__mro__[1].__subclasses__() }}", "'__class__' is not allowed"),
    ("{{ {obj}|attr('__class__') }}", "'__class__' is not allowed"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "not allowed: names starting with _"),
    ("{{ cycler('a', 'b').next() }}", "unknown variable cycler"),
    ("{{ lipsum(1) }}", "unknown variable lipsum"),
    ("{{ self }}", "unknown variable self"),
    ("{{ config.SECRET_KEY }}", "unknown variable config"),
    ("{{ request.environ }}", "unknown variable request"),
    ("{{ {obj}.parse_file('/etc/passwd') }}", "parse_file"),
    ("{% include '/etc/passwd' %}", "{% include %} is not allowed"),
    ("{% import 'forms.html' as forms %}", "{% import %} is not allowed"),
    ("{% extends 'base.html' %}", "{% extends %} is not allowed"),
    ("{% for i in range(100001) %}x{% endfor %}", "range() of 100001 numbers"),
    ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "calls nest more than 40 deep"),
    ("{{ range|string }}", "a function cannot be turned into text"),
    ("{{ 'x'.upper ~ '' }}", "a function cannot be turned into text"),
    ("{{ '%999999999d' % 1 }}", "`%` would make more than 100000 characters"),
    ("{{ 'x'.center(10**9) }}", "center() would make more than 100000 characters"),
    ("{% for a in [1] * 100000 %}{% for b in [1] * 100000 %}{% endfor %}{% endfor %}",
     "loops may go through at most 200000 items"),
]
# A secret, a server file, a command's output or a Python object in any answer.
LEAKS = ("test-secret", "root:x:0", "uid=", "<class", "<function", "<built-in", "<bound method",
         " object at 0x", "Traceback")
IDS = [code for code, _ in CORPUS]


def inert(output: str) -> bool:
    text = html.unescape(output)
    return not any(leak in text for leak in LEAKS)
