"""The record-data reader (metadata/YEAR.json) on lines shaped like the UN's, quirks included."""

import json
from datetime import date

import pytest

from resolutions.parsing.document import ParsedRecord, ParsedVote, ParseError
from resolutions.parsing.records import parse_records

MEMBERS_2017 = [
    "BOLIVIA (PLURINATIONAL STATE OF)", "CHINA", "EGYPT", "ETHIOPIA", "FRANCE", "ITALY", "JAPAN",
    "KAZAKHSTAN", "RUSSIAN FEDERATION", "SENEGAL", "SWEDEN", "UKRAINE", "UNITED KINGDOM",
    "UNITED STATES", "URUGUAY",
]  # fmt: skip


def line(**fields) -> str:
    """One record line as the UN writes it, with ``fields`` overriding the 2388 record."""
    record = {
        "symbol": "S/RES/2388 (2017)",
        "resolution_number": "Resolution 2388 (2017)",
        "document_title": "Adopted by the Security Council at its 8111th meeting, on21 Nov 2017",
        "adoption_meeting": "8111th meeting",
        "adoption_date": "21 November 2017",
        "agenda_item_name": "Maintenance of international peace and security.",
        "adoption_type": "Adopted unanimously, 8111th meeting",
        "draft_resolution": "S/2017/973",
        "draft_resolution_date": "2017-11-21",
        "outcome_letter": "S/PV.8111",
        "resolution_title": "Security Council resolution 2388 (2017) [on trafficking in persons]",
        "outcome": "",
        "chapter_VII": "",
        "MS_in_favour_count": "15",
        "MS_against_count": "0",
        "MS_abstaining_count": "0",
        "MS_in_favour": MEMBERS_2017,
        "MS_against": [],
        "MS_abstaining": [],
        "sponsors": ["ITALY", "FRANCE"],
        "additional_sponsors": ["ALBANIA", "FRANCE"],
        "SDGs": ["16", "5"],
        "subjects": [
            ["UN Office on Drugs and Crime", "DHLAUTH"],
            ["TRAFFICKING IN PERSONS", "UNBIS Thesaurus"],
            ["ARMED CONFLICTS", "UNBIS Thesaurus"],
            ["TRAFFICKING IN PERSONS", "UNBIS Thesaurus"],
            ["TRAFFICKING IN PERSONS", "S/72"],
            ["Maintenance of international peace and security.", "S/"],
        ],
    }
    record.update(fields)
    return json.dumps(record)


def parse_one(**fields) -> ParsedRecord:
    (record,) = parse_records("2017.json", (line(**fields) + "\n").encode())
    return record


def test_a_record_maps_every_field():
    assert parse_one() == ParsedRecord(
        symbol="S/RES/2388 (2017)",
        number=2388,
        year=2017,
        adopted_on=date(2017, 11, 21),
        meeting="8111th",
        agenda="Maintenance of international peace and security",
        title="Security Council resolution 2388 (2017) [on trafficking in persons]",
        draft_symbol="S/2017/973",
        adoption_type="Adopted unanimously, 8111th meeting",
        in_favour=15,
        against=0,
        abstaining=0,
        votes=tuple(ParsedVote(member, "Y") for member in MEMBERS_2017),
        sponsors=("ITALY", "FRANCE", "ALBANIA"),
        subjects=("TRAFFICKING IN PERSONS", "ARMED CONFLICTS"),
        file="2017.json",
        line=1,
    )


def test_votes_against_and_abstaining():
    record = parse_one(
        MS_in_favour_count="013",
        MS_against_count="",
        MS_abstaining_count="002",
        MS_in_favour=MEMBERS_2017[2:],
        MS_abstaining=["CHINA", "RUSSIAN FEDERATION"],
    )
    # No vote line with a tally: the member lists count (none listed against is 0).
    assert (record.in_favour, record.against, record.abstaining) == (13, 0, 2)
    assert record.votes[-2:] == (
        ParsedVote("CHINA", "A"),
        ParsedVote("RUSSIAN FEDERATION", "A"),
    )


@pytest.mark.parametrize(
    ("written", "adopted_on"),
    [
        ("21 November 2017", date(2017, 11, 21)),
        ("21\u00a0November\u00a02017", date(2017, 11, 21)),
        ("19 November 2004 in Nairobi", date(2004, 11, 19)),
        ("2021-07-09 00:00:00", date(2021, 7, 9)),
        ("", None),
    ],
)
def test_adoption_dates_as_the_records_write_them(written, adopted_on):
    year = adopted_on.year if adopted_on else 2017
    record = parse_one(symbol=f"S/RES/2388 ({year})", adoption_date=written)
    assert record.adopted_on == adopted_on


@pytest.mark.parametrize(
    ("written", "meeting"),
    [
        ("8111th meeting", "8111th"),
        ("4327th (closed) meeting", "4327th"),
        ("10021st meeting", "10021st"),
        ("Voting by mail", ""),
    ],
)
def test_meetings(written, meeting):
    # Without a meeting in the vote line, the meeting field is read.
    assert parse_one(adoption_meeting=written, adoption_type="Adopted").meeting == meeting


def test_symbol_without_space_is_made_canonical():
    record = parse_one(symbol="S/RES/1310(2000)")
    assert (record.symbol, record.number, record.year) == ("S/RES/1310 (2000)", 1310, 2000)


def test_blank_lines_are_skipped_and_line_numbers_kept():
    data = f"{line()}\n\n{line(symbol='S/RES/2389 (2017)')}\n".encode()
    records = parse_records("2017.json", data)
    assert [(r.symbol, r.line) for r in records] == [
        ("S/RES/2388 (2017)", 1),
        ("S/RES/2389 (2017)", 3),
    ]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"symbol": "S/RES/2389 (2017)",', "2017.json, line 2: not JSON: Expecting property name"),
        ("[1, 2]", "2017.json, line 2: not a JSON object"),
        (
            '{"resolution_number": "Resolution 2389 (2017)"}',
            "2017.json, line 2: no resolution symbol",
        ),
        (
            '{"symbol": "S/PRST/2017/1"}',
            "2017.json, line 2: no resolution symbol S/RES/<number> (<year>) "
            "(found 'S/PRST/2017/1')",
        ),
        (
            line(MS_in_favour_count="fifteen"),
            "2017.json, line 2: unreadable field: expected a vote",
        ),
        (line(sponsors="ITALY"), "2017.json, line 2: unreadable field: expected a list"),
        ('{"symbol": 2389}', "2017.json, line 2: unreadable field: expected text, found 2389"),
        # JSON can spell a NUL character; PostgreSQL cannot store one in a text column.
        (
            line(agenda_item_name="Threats\u0000"),
            "2017.json, line 2: unreadable field: a NUL character in 'Threats\\x00'",
        ),
    ],
)
def test_a_bad_line_names_file_and_line(bad, message):
    with pytest.raises(ParseError) as raised:
        parse_records("2017.json", f"{line()}\n{bad}\n".encode())
    assert str(raised.value).startswith(message)


def test_not_utf8_is_a_parse_error():
    with pytest.raises(ParseError, match=r"^2017\.json: not UTF-8 text"):
        parse_records("2017.json", b'{"symbol": "S/RES/2388 (2017)", "title": "\xff"}')


@pytest.mark.parametrize(
    "fields, tally",
    [
        # S/RES/1559 (2004): the counts say 15-0-0; the vote line and the lists say 9-0-6.
        (
            dict(
                adoption_type="Adopted 9-0-6, 5028th meeting",
                MS_in_favour_count="15",
                MS_in_favour=MEMBERS_2017[:9],
                MS_abstaining=MEMBERS_2017[9:],
            ),
            (9, 0, 6),
        ),
        # S/RES/2521 (2020): counts 15-0-3 (18 votes on a Council of 15) beside "12-0-3".
        (
            dict(
                adoption_type="Adopted 12-0-3; voting by mail",
                MS_in_favour_count="15",
                MS_abstaining_count="3",
            ),
            (12, 0, 3),
        ),
        (dict(adoption_type="Adopted without vote, 8193rd meeting"), (None, None, None)),
        (
            dict(adoption_type="Adopted unanimously, 8111th meeting", MS_in_favour=[]),
            (15, 0, 0),
        ),
        (
            dict(
                adoption_type="",
                MS_in_favour=[],
                MS_in_favour_count="14",
                MS_against_count="0",
                MS_abstaining_count="1",
            ),
            (14, 0, 1),
        ),
    ],
)
def test_the_most_trustworthy_statement_of_the_vote_wins(fields, tally):
    record = parse_one(**fields)
    assert (record.in_favour, record.against, record.abstaining) == tally


def test_meeting_comes_from_the_vote_line_and_dates_must_fall_in_the_symbol_year():
    # S/RES/2423 (2018) as the UN's record gives it.
    record = parse_one(
        adoption_meeting="8277th meeting",
        adoption_date="29 June 2016",
        adoption_type="Adopted unanimously, 8298th meeting",
    )
    assert record.meeting == "8298th"
    assert record.adopted_on is None
