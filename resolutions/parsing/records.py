"""Read the UN's record data for resolutions: ``metadata/YEAR.json``, one JSON object a line.

Why a reader of its own: the record data carries what the text does not (agenda item, draft
symbol, how each Council member voted, sponsors, UNBIS subjects), in fields whose shape
drifted over the years. Quirks seen in 2000-2026 and handled here:

* dates as "21 November 2017", with no-break spaces, "19 November 2004 in Nairobi", or
  "2021-07-09 00:00:00";
* meetings as "8111th meeting", "4327th (closed) meeting" or "Voting by mail" (2020: no
  meeting, so ``meeting`` is "");
* counts as "15", "015" or "" (blank: None), symbols as "S/RES/1310(2000)";
* agenda items with and without a final period; sponsors listed twice;
* subjects from several vocabularies (only the "UNBIS Thesaurus" ones are kept).

Example::

    >>> record = parse_records("2017.json", data)[0]
    >>> record.symbol, record.meeting, record.votes[0]
    ('S/RES/2337 (2017)', '7866th', ParsedVote(member='BOLIVIA (PLURINATIONAL STATE OF)', vote='Y'))
"""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date, datetime

from resolutions.parsing.document import (
    ParsedRecord,
    ParsedVote,
    ParseError,
    find_symbol_problem,
)

_SYMBOL = re.compile(
    r"""
    ^S/RES/(?P<number>\d{1,4})   # S/RES/2388
    \s*\((?P<year>\d{4})\)$      # (2017); ten records omit the space
    """,
    re.X,
)
_DATE = re.compile(
    r"""
    (?P<day>\d{1,2})\s+(?P<month>[A-Z][a-z]+)\s+(?P<year>\d{4})   # 21 November 2017 [in Nairobi]
    | (?P<iso>\d{4}-\d{2}-\d{2})                                  # 2021-07-09 00:00:00
    """,
    re.X,
)
_MEETING = re.compile(r"\d+(?:st|nd|rd|th)")  # "4327th" out of "4327th (closed) meeting"
_UNBIS = "UNBIS Thesaurus"
# Each list of members and the vote it records.
_VOTES = (("MS_in_favour", "Y"), ("MS_against", "N"), ("MS_abstaining", "A"))


def parse_records(name: str, data: bytes) -> list[ParsedRecord]:
    """Parse a JSON-lines file of record data; blank lines are skipped.

    Raises :class:`ParseError` with the file name and line number for a line that is not a
    JSON object with a resolution symbol.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 text ({error.reason})", file=name) from None
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            records.append(_record(name, number, line))
    return records


def _record(name: str, line_number: int, line: str) -> ParsedRecord:
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as error:
        raise ParseError(f"not JSON: {error.msg}", file=name, line=line_number) from None
    if not isinstance(fields, dict):
        raise ParseError("not a JSON object", file=name, line=line_number)
    try:
        symbol = _string(fields.get("symbol"))
    except ValueError as error:
        raise ParseError(f"unreadable field: {error}", file=name, line=line_number) from None
    match = _SYMBOL.match(symbol)
    if not match:
        found = f" (found {symbol!r})" if symbol else ""
        raise ParseError(
            f"no resolution symbol S/RES/<number> (<year>){found}", file=name, line=line_number
        )
    number, year = int(match["number"]), int(match["year"])
    problem = find_symbol_problem(number, year)
    if problem:
        raise ParseError(f"impossible symbol {symbol!r}: {problem}", file=name, line=line_number)
    try:
        return ParsedRecord(
            symbol=f"S/RES/{number} ({year})",
            number=number,
            year=year,
            adopted_on=_date_in_year(_date(_string(fields.get("adoption_date"))), year),
            # The vote line ("Adopted unanimously, 8298th meeting") is the voting record; the
            # "adoption_meeting" field repeats the cover page, which is sometimes another
            # resolution's (S/RES/2423 (2018) says 8277th; it was adopted at the 8298th).
            meeting=_meeting(_string(fields.get("adoption_type")))
            or _meeting(_string(fields.get("adoption_meeting"))),
            agenda=_string(fields.get("agenda_item_name")).removesuffix("."),
            title=_string(fields.get("resolution_title")),
            draft_symbol=_string(fields.get("draft_resolution")),
            adoption_type=_string(fields.get("adoption_type")),
            **_tally(fields),
            votes=tuple(
                ParsedVote(member, vote)
                for key, vote in _VOTES
                for member in _strings(fields.get(key))
            ),
            sponsors=_unique(
                _strings(fields.get("sponsors")) + _strings(fields.get("additional_sponsors"))
            ),
            subjects=_unique(
                _string(subject[0])
                for subject in fields.get("subjects") or ()
                if isinstance(subject, list) and len(subject) == 2 and subject[1] == _UNBIS
            ),
            file=name,
            line=line_number,
        )
    except (TypeError, ValueError) as error:
        raise ParseError(f"unreadable field: {error}", file=name, line=line_number) from None


def _string(value: object) -> str:
    """A field as text with whitespace collapsed; a missing field is ""."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"expected text, found {value!r}")
    if "\x00" in value:  # JSON may spell one ("\u0000"); PostgreSQL text cannot hold it
        raise ValueError(f"a NUL character in {value!r}")
    return " ".join(value.split())


def _strings(value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"expected a list, found {value!r}")
    return [text for text in (_string(item) for item in value) if text]


def _unique(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


def _date(text: str) -> date | None:
    """ "21 November 2017", "19 November 2004 in Nairobi", "2021-07-09 00:00:00"; else None."""
    match = _DATE.search(text)
    if not match:
        return None
    if match["iso"]:
        return date.fromisoformat(match["iso"])
    try:
        return datetime.strptime(
            f"{match['day']} {match['month']} {match['year']}", "%d %B %Y"
        ).date()
    except ValueError:
        return None


def _date_in_year(found: date | None, year: int) -> date | None:
    """A resolution is adopted in the year its symbol names; a record date in another year is
    a slip (S/RES/2423 (2018) is recorded as adopted "29 June 2016") and is dropped."""
    return found if found is not None and found.year == year else None


# "Adopted 9-0-6, 5028th meeting", "Adopted 12-0-3; voting by mail"
_TALLY = re.compile(
    r"""
    (?P<in_favour>\d{1,2}) \s*-\s*     # votes in favour
    (?P<against>\d{1,2}) \s*-\s*       # against
    (?P<abstaining>\d{1,2})             # abstaining
    """,
    re.VERBOSE,
)


def _tally(fields: dict) -> dict[str, int | None]:
    """The vote counts, by the most trustworthy of the record's three statements of them.

    The record states a vote three times: the vote line ("Adopted 9-0-6"), the lists of
    members by vote, and count fields. The count fields are the least reliable (S/RES/1559
    (2004) counts 15-0-0 beside "Adopted 9-0-6" and lists of 9 and 6), so the vote line wins,
    then non-empty member lists, then "unanimously" (all members in favour), then the counts;
    "Adopted without vote" has no tally at all.
    """
    line = _string(fields.get("adoption_type"))
    # Read (and so check) every statement, even those a better one overrides.
    counts = {key: _count(fields.get(f"{field}_count")) for key, field in _TALLY_LISTS.items()}
    lists = {key: _strings(fields.get(field)) for key, field in _TALLY_LISTS.items()}
    if "without vote" in line.lower():  # "Adopted without vote": there is no tally to show
        return {"in_favour": None, "against": None, "abstaining": None}
    match = _TALLY.search(line)
    if match:
        return {key: int(value) for key, value in match.groupdict().items()}
    if any(lists.values()):
        return {key: len(members) for key, members in lists.items()}
    if "unanimously" in line.lower() and counts["in_favour"] is not None:
        return {"in_favour": counts["in_favour"], "against": 0, "abstaining": 0}
    return counts


_TALLY_LISTS = {"in_favour": "MS_in_favour", "against": "MS_against", "abstaining": "MS_abstaining"}


def _meeting(text: str) -> str:
    match = _MEETING.search(text)
    return match.group() if match else ""


def _count(value: object) -> int | None:
    """ "15" and "015" are 15; "" (no recorded vote) is None."""
    text = _string(value)
    if not text:
        return None
    if not text.isdigit():
        raise ValueError(f"expected a vote count, found {text!r}")
    return int(text)


def merge_records(older: ParsedRecord, newer: ParsedRecord) -> ParsedRecord:
    """``newer`` laid over ``older``: a field the newer record does not carry (empty, or None
    for a count) keeps the older value, so a partial record never erases what it omits.

    >>> old = ParsedRecord("S/RES/1 (1946)", 1, 1946, agenda="Iran", sponsors=("X",))
    >>> merge_records(old, ParsedRecord("S/RES/1 (1946)", 1, 1946, agenda="Iran.")).sponsors
    ('X',)
    """
    carried = {
        item.name: getattr(newer, item.name)
        for item in dataclasses.fields(newer)
        if getattr(newer, item.name) not in (None, "", ())
    }
    if newer.adoption_type:  # the vote line decides the tally, "without vote" (None) included
        carried.update(
            in_favour=newer.in_favour, against=newer.against, abstaining=newer.abstaining
        )
    return dataclasses.replace(older, **carried)
