"""Print what the search examples of the "search that meets users where they type" work give.

For every example: the HTTP status of ``/search/`` (a redirect shows where it goes), the number of
paragraphs ``/search.json`` reports, and, when the archive offers them, the resolution match,
the suggestion and whether partial matches were shown. Run it against a database holding the
full UN corpus, on each engine, to compare engines or a before and an after::

    DATABASE_URL=sqlite:///.venv/dev.sqlite3 DJANGO_DEBUG=1 \\
        .venv/bin/python scripts/search_examples.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive_site.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

EXAMPLES: list[tuple[str, dict[str, str]]] = [
    # 1. symbols and citations
    ("symbol", {"q": "S/RES/2331"}),
    ("symbol and year", {"q": "S/RES/2331 (2016)"}),
    ("symbol, lower case", {"q": "s/res/2331(2016)"}),
    ("number and year", {"q": "2331 (2016)"}),
    ("resolution N", {"q": "resolution 2331"}),
    ("resolution N (2)", {"q": "resolution 2388"}),
    ("bare number", {"q": "2331"}),
    ("N op M", {"q": "2388 op 31"}),
    ("pasted citation", {"q": "S/RES/2388 (2017), para. 31"}),
    ("N (year) OPM", {"q": "2388 (2017) OP31"}),
    ("sub-paragraph", {"q": "para 16 (a) of resolution 2653"}),
    ("filter S/RES/2388", {"q": "trafficking", "resolution": "S/RES/2388"}),
    # 2. misspellings
    ("misspelt", {"q": "trafficing"}),
    ("misspelt (2)", {"q": "traficking"}),
    ("spelt right", {"q": "trafficking"}),
    # 3. spelling variants
    ("American", {"q": "forced labor"}),
    ("British", {"q": "forced labour"}),
    ("British", {"q": "survivor-centred"}),
    ("American", {"q": "survivor-centered"}),
    ("American", {"q": "stabilization"}),
    ("British", {"q": "stabilisation"}),
    ("American", {"q": "organization"}),
    ("British", {"q": "organisation"}),
    ("British", {"q": "programme"}),
    ("American", {"q": "program"}),
    ("British", {"q": "defence"}),
    ("American", {"q": "defense"}),
    ("British", {"q": "advisers"}),
    ("American", {"q": "advisors"}),
    # 4. questions
    ("question", {"q": "what did the council say about sexual violence as a tactic of war"}),
    ("content words", {"q": "sexual violence tactic war"}),
    # 5. hyphens
    ("phrase, hyphen", {"q": '"zero-tolerance policy on sexual exploitation and abuse"'}),
    ("words, hyphen", {"q": "zero-tolerance policy on sexual exploitation and abuse"}),
    ("hyphen", {"q": "zero-tolerance"}),
    ("hyphen, quoted", {"q": '"zero-tolerance"'}),
    ("hyphen", {"q": "Al-Shabaab"}),
    ("hyphen, quoted", {"q": '"Al-Shabaab"'}),
    ("hyphen", {"q": "post-conflict"}),
    ("hyphen, quoted", {"q": '"post-conflict"'}),
    ("hyphen", {"q": "Secretary-General"}),
    ("hyphen, quoted", {"q": '"Secretary-General"'}),
    # 6. filters alone
    ("filters only", {"trafficking": "true", "year_from": "2017", "year_to": "2017"}),
    ("filters only (2)", {"resolution": "2388", "kind": "operative"}),
    # 7. JSON
    ("per_page=5", {"q": "trafficking", "per_page": "5"}),
    ("5,000 characters", {"q": "trafficking " * 416}),
]


def row(label: str, params: dict[str, str], client: Client) -> str:
    shown = params.get("q", "")
    shown = shown if len(shown) <= 60 else f"{shown[:20]}… ({len(shown)} chars)"
    others = {k: v for k, v in params.items() if k != "q"}
    if others:
        shown += " " + urlencode(others)
    page = client.get("/search/", params, HTTP_HOST="127.0.0.1")
    status = str(page.status_code)
    if page.status_code in (301, 302):
        status += " → " + page["Location"]
    data = client.get("/search.json", params, HTTP_HOST="127.0.0.1")
    total = "-"
    extra = []
    if data.status_code == 200:
        body = data.json()
        total = str(body.get("total"))
        if "per_page" in params:
            extra.append(f"{len(body.get('results', []))} results listed")
        match = body.get("resolution_match")
        if match:
            extra.append("match: " + match.get("citation", ""))
        suggestion = body.get("suggestion")
        if suggestion:
            extra.append(f"did you mean {suggestion.get('query')} ({suggestion.get('total')})")
        if body.get("partial"):
            extra.append(f"partial ({body['partial']['all_words_total']} with all words)")
    else:
        total = f"HTTP {data.status_code}"
    return f"{label:20} {shown:62} {status:38} {total:>8}  {'; '.join(extra)}"


def main() -> None:
    client = Client()
    print(f"engine: {connection.vendor}")
    print(f"{'example':20} {'query':62} {'/search/':38} {'json total':>8}")
    for label, params in EXAMPLES:
        print(row(label, params, client))


if __name__ == "__main__":
    main()
