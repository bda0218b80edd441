"""Repair of PDF extraction damage, and how close it brings the seeds to the UN's own text.

The vocabulary holds out resolutions 2331 and 2388 (the seeds), so the measurement at the
end is honest: it compares repaired seed text with official XML the repair never saw.
"""

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resolutions.parsing.pages import parse_page_texts
from resolutions.parsing.repair import (
    is_overlong,
    join_lines,
    normalize_typography,
    repair_lines,
    repair_text,
    restore_glued_line,
    vocabulary,
)

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "fixtures" / "seeds"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        # words split by stray spaces
        ("issue of traffick ing in persons", "issue of trafficking in persons"),
        ("to preve nt and counter", "to prevent and counter"),
        ("options f or: strengthening", "options for: strengthening"),
        ("data on geographic al areas", "data on geographical areas"),
        ("in armed conflict i s considered", "in armed conflict is considered"),
        ("situations of armed conf lict", "situations of armed conflict"),
        ("sexual violence or exploi tation;", "sexual violence or exploitation;"),
        ("financing of terror ism activities", "financing of terrorism activities"),
        ("for the purpo se of sexual slavery", "for the purpose of sexual slavery"),
        ("facilities, a s well as", "facilities, as well as"),
        # a space before a hyphen, or after one
        ("Representatives of the Secretary -General,", "Representatives of the Secretary-General,"),
        (
            "armed conflict and post -conflict situations",
            "armed conflict and post-conflict situations",
        ),
        ("concrete and time -bound commitments", "concrete and time-bound commitments"),
        ("the United Nations’ Inter -Agency", "the United Nations’ Inter-Agency"),
        ("national counter- terrorism strategies", "national counter-terrorism strategies"),
        # a space before punctuation
        (
            "conflict prevention strategies , conflict analysis",
            "conflict prevention strategies, conflict analysis",
        ),
        ("in the Sahel ; and (ISIL )", "in the Sahel; and (ISIL)"),
        # a hyphen lost inside a word the Council never writes closed
        ("Security Councilmandated peacekeeping", "Security Council-mandated peacekeeping"),
        # typography
        ("anti\u2011trafficking", "anti-trafficking"),
        ("peace\u00adkeeping", "peacekeeping"),
    ],
)
def test_repair_mends_extraction_damage(printed, repaired):
    assert repair_text(printed) == repaired


@pytest.mark.parametrize(
    "text",
    [
        # two real words are never joined, even where the join is a word
        "migrants for in mission training of police",
        "the risk of trafficking is a factor",
        "through relevant data base systems managed by",
        "a cross-border attack",
        "the importance of the re-establishment of",
        "owned or -controlled by",
        "pre- and post-conflict situations",
        "in formation",
        "a gain of",
        "Annex B is directly",
        "the Acte d’Engagement",
        "the FC-G5S at which",
        "in line with art. 15 of the UN Convention",
        "the committees’ designation criteria",
        "victim centred, trauma-informed",
        "the use ... of force",
        "in the .5-500 MHz range",
        # curly quotes and apostrophes stay as the UN prints them
        "the “Islamic State of Iraq and the Levant” (ISIL, also known as Da’esh)",
    ],
)
def test_repair_leaves_real_text_alone(text):
    assert repair_text(text) == text


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("anti\u2011trafficking", "anti-trafficking"),
        ("pre\u2010deployment", "pre-deployment"),
        ("traf\u00adficking", "trafficking"),
        ("  Security\u00a0Council \t resolution\n2388 ", "Security Council resolution 2388"),
        ("the Council’s “request”", "the Council’s “request”"),
    ],
)
def test_normalize_typography_is_shared_by_every_reader(text, normalized):
    assert normalize_typography(text) == normalized


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["in areas affected", "by armed conflict"], "in areas affected by armed conflict"),
        (
            ["the deployment of peace-", "keeping operations"],
            "the deployment of peacekeeping operations",
        ),
        (["national counter-", "terrorism strategies"], "national counter-terrorism strategies"),
        (["in pre-", "and post-conflict"], "in pre- and post-conflict"),
        (
            ["humanitarian appeals, or OCHA-", "coordinated appeals"],
            "humanitarian appeals, or OCHA-coordinated appeals",
        ),
        (["Kamuina Nsa-", "pu militia"], "Kamuina Nsapu militia"),
        (["peace\u00ad", "keeping"], "peacekeeping"),
    ],
)
def test_join_lines_decides_each_line_end_hyphen_with_the_vocabulary(lines, joined):
    assert join_lines(lines) == joined


SEED_GLUED_LINES = [
    # (seed file, line number, the hyphen put back)
    ("000_75238d4c9916e17c.txt", 44, "victim centred, trauma-informed, rights-based"),
    ("001_6018876d50a18e7a.txt", 55, "such as money-laundering, corruption"),
    ("002_f89ce190e62e3f5c.txt", 26, "Security Council, Security Council-mandated peacekeeping"),
    ("003_886baa8be9819e08.txt", 33, "in conflict and post-conflict zones"),
    ("004_f1bf4717b1b7b908.txt", 19, "where applicable, Counter-Terrorism Committee"),
    ("004_f1bf4717b1b7b908.txt", 39, "policy guidance of the Counter-Terrorism Committee (CTC)"),
]


@pytest.mark.parametrize(("name", "line_no", "restored"), SEED_GLUED_LINES)
def test_a_line_glued_from_two_printed_lines_gets_its_hyphen_back(name, line_no, restored):
    line = (SEEDS / name).read_text(encoding="utf-8").split("\n")[line_no - 1]
    assert is_overlong(line, 80)
    assert restored in restore_glued_line(line, 80)


def test_only_glued_lines_are_touched_so_a_real_space_stays():
    # "post conflict" on a line of ordinary length is how 2388 is printed and published.
    line = "conflict or in post conflict situations and further recognizing the need to continue to"
    assert not is_overlong(line, 80)
    assert restore_glued_line(line, 80) == line


def test_repair_lines_mends_glued_lines_joins_and_repairs():
    lines = [
        "with trafficking in persons in areas affected by armed conflict, such as money "
        "laundering, corruption, the smuggling of migrants and other forms of organized",
        "crime, including by making use of f inancial investigations",
    ]
    assert repair_lines(lines, widths=[80, 80]) == (
        "with trafficking in persons in areas affected by armed conflict, such as "
        "money-laundering, corruption, the smuggling of migrants and other forms of organized "
        "crime, including by making use of financial investigations"
    )


def test_repair_lines_closes_up_a_word_broken_with_a_soft_hyphen():
    assert repair_lines(["the peace\u00ad", "keeping operations"]) == "the peacekeeping operations"


def test_vocabulary_holds_out_the_seed_resolutions_and_stays_small():
    path = REPO / "resolutions" / "parsing" / "data" / "vocabulary.txt"
    header = path.read_text(encoding="utf-8").splitlines()[0]
    assert "2331 and 2388 held out" in header
    assert path.stat().st_size < 400_000
    vocab = vocabulary()
    assert min(count for count, _ in vocab.counts.values()) >= 2
    assert list(vocab.counts) == sorted(vocab.counts)
    # "al" is only ever part of a name ("Al-Shabaab"): a fragment; "of" and "base" are words.
    assert (vocab.is_word("al"), vocab.is_word("of"), vocab.is_word("base")) == (False, True, True)


# --- measured against the UN's official XML (needs the corpus) -------------------------------

OFFICIAL = {
    "S/RES/2388 (2017)": "xml/2017/S_RES_2388_1720704E.xml",
    "S/RES/2331 (2016)": "xml/2016/S_RES_2331_1622533E.xml",
}


def official_paragraphs(path: Path) -> tuple[list[str], dict[int, str]]:
    """Preambular texts in order and operative texts by number, typography normalised."""
    root = ET.parse(path).getroot()
    preamble = [
        normalize_typography("".join(c.itertext()))
        for c in root.find(f".//{AKN}preamble").findall(f"{AKN}container")
    ]
    operative = {}
    for paragraph in root.find(f".//{AKN}mainBody").findall(f"{AKN}paragraph"):
        number = paragraph.find(f"{AKN}num").text.strip().rstrip(".")
        text = normalize_typography("".join(paragraph.itertext()))
        operative[int(number)] = text.removeprefix(f"{number}.").strip()
    return preamble, operative


def seed_against_official(corpus):
    """(symbol, paragraph, official text) for each paragraph of the seeds parsed together."""
    triples = []
    files = [(p.name, p.read_bytes()) for p in sorted(SEEDS.glob("*.txt"))]
    for resolution in parse_page_texts(files):
        preamble, operative = official_paragraphs(corpus / OFFICIAL[resolution.symbol])
        for paragraph in resolution.paragraphs:
            if paragraph.kind == "operative":
                official = operative[paragraph.number]
            else:
                [official] = [t for t in preamble if t[:40] == paragraph.text[:40]]
            triples.append((resolution.symbol, paragraph, official))
    return triples


@pytest.mark.corpus
def test_every_complete_seed_paragraph_is_identical_to_the_official_text_after_repair(corpus):
    complete = [
        (symbol, p, official)
        for symbol, p, official in seed_against_official(corpus)
        if not (p.begins_on_missing_page or p.ends_on_missing_page)
    ]
    assert len(complete) == 32  # 2388: 3 preambular, op1-14, op24-30; 2331: op17-24
    assert [(s, p.kind, p.number) for s, p, official in complete if p.text != official] == []
    # As printed, before repair, 13 of the 32 differ from the official text.
    damaged = [
        (symbol[6:10], p.number)
        for symbol, p, official in complete
        if normalize_typography(p.text_as_printed) != official
    ]
    assert damaged == [
        *[("2331", n) for n in (18, 19, 20, 21, 23)],
        *[("2388", n) for n in (4, 6, 9, 10, 12, 27, 28, 29)],
    ]


@pytest.mark.corpus
def test_paragraphs_cut_by_a_missing_page_are_the_official_beginning_or_end(corpus):
    cut = [
        (symbol, p.number, p.begins_on_missing_page, p.ends_on_missing_page)
        for symbol, p, official in seed_against_official(corpus)
        if (p.begins_on_missing_page and official.endswith(p.text))
        or (p.ends_on_missing_page and official.startswith(p.text))
    ]
    assert cut == [
        ("S/RES/2331 (2016)", 16, True, False),
        ("S/RES/2388 (2017)", 23, True, False),
        ("S/RES/2388 (2017)", 31, False, True),
    ]


@pytest.mark.corpus
@pytest.mark.parametrize("symbol", sorted(OFFICIAL))
def test_repair_leaves_the_clean_official_text_unchanged(corpus, symbol):
    root = ET.parse(corpus / OFFICIAL[symbol]).getroot()
    texts = [normalize_typography("".join(p.itertext())) for p in root.iter(f"{AKN}p")]
    changed = [t for t in texts if t and repair_text(t) != t]
    assert changed == []


@pytest.mark.corpus
def test_the_committed_vocabulary_is_what_the_script_builds_from_the_corpus(corpus, tmp_path):
    spec = importlib.util.spec_from_file_location("build", REPO / "scripts" / "build_vocabulary.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert build.HELD_OUT == {2331, 2388}
    assert build.main(["--corpus", str(corpus), "--out", str(tmp_path)]) == 0
    data = REPO / "resolutions" / "parsing" / "data"
    for name in ("vocabulary.txt", "preamble_openers.txt"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (data / name).read_text(
            encoding="utf-8"
        )
