"""THE shared list of hostile inputs: every surface that takes text from a person runs them all.

Import what you need::

    from tests.hostile import HOSTILE_QUERIES, HOSTILE_QUERY_STRINGS, HOSTILE_FILTERS

Each query is something a search box will receive sooner or later: search-syntax fragments of
both engines (FTS5 ``NEAR(``, ``title:``, ``*``; tsquery ``&``, ``!``, ``\\``), SQL and HTML
injection, characters no tokenizer indexes, control characters and sheer length. A surface
must answer each with a normal page (or a 400 with a clear message) and never echo it unescaped.
"""

from __future__ import annotations

HOSTILE_QUERIES: list[str] = [
    '"',
    '""',
    '"""',
    "AND",
    "NOT",
    "OR",
    "OR OR",
    "AND OR NOT",
    "*",
    "**",
    "(",
    ")",
    "()",
    "S/RES/242",
    "S/RES/242 (1967)",
    "\\",
    "\\\\'",
    "-",
    "--",
    "- -trafficking",
    "NEAR(",
    "NEAR(trafficking persons, 2)",
    "title:",
    "text:trafficking",
    "^trafficking",
    "trafficking:*",
    "!trafficking & | <-> :*",
    "'; DROP TABLE resolutions_paragraph; --",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "&amp; &lt;",
    "\U0001f600",
    "trafficking \U0001f600\u200d\U0001f525",
    "a\x00b",
    "\x00",
    "\x1b[31m\x7f",
    "\ue000marked\ue001",  # the snippet sentinels themselves
    "\ufffd\ufffd",
    "％２５",  # full-width percent signs
    "x" * 10_000,
    "trafficking " * 2_000,
    '"' + "trafficking in persons " * 40 + '"',
]

# Raw QUERY_STRING values, sent undecoded: broken percent-encoding and odd shapes.
HOSTILE_QUERY_STRINGS: list[str] = [
    "q=%ZZ",
    "q=%FF",
    "q=%FF%FE%00",
    "q=%",
    "q=%E2%80",
    "q=trafficking&q=%3Cscript%3E",
    "q",
    "=&&==",
    "year_from=%FF&q=trafficking",
    "q=trafficking&page=%00",
]

# Filter parameters that must be refused with a message (400 in JSON, a form error in HTML).
INVALID_FILTERS: list[dict[str, str]] = [
    {"year_from": "abc"},
    {"year_to": "20x6"},
    {"year_from": "2016.5"},
    {"year_from": "2020", "year_to": "2000"},
    {"year_from": "99999999999999999999999999"},
    {"year_to": "-1"},
    {"resolution": "S/RES/abc"},
    {"resolution": "2388 op 31"},
    {"resolution": "0"},
    {"resolution": "9" * 40},
    {"kind": "<script>alert(1)</script>"},
    {"kind": "operative' OR 1=1 --"},
    {"trafficking": "maybe"},
    {"trafficking": "yes"},
    {"sort": "DROP TABLE"},
    {"sort": "bogus"},
    {"sort": "<script>alert(1)</script>"},
]

# Parameters that are odd but harmless: ignored or read leniently (a normal 200). A page that
# is no positive number reads as 1; past the last page it is an empty page.
LENIENT_PARAMETERS: list[dict[str, str]] = [
    {"page": "abc"},
    {"page": "-3"},
    {"page": "0"},
    {"page": "9" * 40},
    {"page": "999999"},
    {"sort": ""},
    {"sort": "date"},
    {"trafficking": ""},
    {"per_page": "100000"},
]

HOSTILE_FILTERS = INVALID_FILTERS + LENIENT_PARAMETERS
