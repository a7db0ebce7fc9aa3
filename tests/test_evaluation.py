"""The scorer behind `make eval`: extraction from TEI, the metrics, the gold files, the command."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import evaluation
from evaluation import (
    Annotation,
    Counts,
    DateMention,
    GoldError,
    Mention,
    Turn,
    evaluate,
    extract,
    pair_documents,
    parse_gold,
    score_dates,
    score_entities,
    score_turns,
)
from evaluation import __main__ as cli
from evaluation.real import (
    Converted,
    DocumentFound,
    DocumentGold,
    Identity,
    PersonLink,
    WrongLink,
    count_blocks,
    date_ok,
    document_date,
    evaluate_real,
    genre_ok,
    load_real_gold,
    main_title,
    missing_fields,
    normalise_title,
    parse_real_gold,
    person_links,
    score_real,
    title_ok,
    warned_fields,
    wrong_links,
)
from tei_plenum.authority import Authority
from tei_plenum.errors import DocumentError
from tei_plenum.xmlsafe import parse_xml
from tests.conftest import ROOT

EVAL = ROOT / "evaluation"

# A record of conversation encoded by hand (names, dates and turns counted by reading it): the
# scorer's tests need a TEI document they control, not the converter's output.
SAMPLE_TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>
<fileDesc><titleStmt><title type="main">Record of Conversation of Ambassador S. N. Karelin
with Han Sang-dok</title><title type="sub">TEI encoding</title></titleStmt></fileDesc>
<profileDesc><creation>Conversation, <date when="1957-05-14">14 May 1957</date>.</creation>
<particDesc><listPerson type="participants">
<person xml:id="pers-karelin"><persName>S. N. Karelin</persName></person>
<person xml:id="pers-han-sang-dok"><persName>Han Sang-dok</persName></person>
</listPerson></particDesc>
<textClass><keywords><term type="docType">record of conversation</term></keywords></textClass>
</profileDesc></teiHeader>
<text><front><pb n="1"/><fw type="classification">SECRET</fw>
<titlePage><docTitle><titlePart type="main">Record of conversation with
<persName ref="#pers-han-sang-dok">Han Sang-dok</persName></titlePart></docTitle>
<docDate when="1957-05-14">14 May 1957</docDate></titlePage></front>
<body><ab type="participants">Present: the interpreter of the
<orgName>Ministry [<supplied>of Foreign Trade</supplied>]</orgName>
<persName>Ri Chol-u</persName>.</ab>
<sp who="#pers-han-sang-dok"><p><persName ref="#pers-han-sang-dok">Han Sang-dok</persName> said
that the equipment sent on <date when="1957-05-09">9 May</date> had reached
<placeName>Nampo</placeName>.</p></sp>
<sp who="#pers-karelin"><speaker><persName ref="#pers-karelin">KARELIN</persName>:</speaker>
<p>I will write to <placeName>Moscow</placeName> <date notAfter="1957-06-01">no later than
1 June</date>.</p></sp><pb n="2"/>
<sp who="#pers-han-sang-dok"><speaker>HAN SANG-DOK:</speaker><p>The plant in
[<placeName cert="low">Khynnam</placeName>] will start <date from="1957-06-10"
to="1957-06-20">between 10 and 20 June 1957</date>.</p></sp>
<sp who="#pers-karelin"><p>I replied that <placeName>Moscow</placeName> had agreed in
<date when="1956-06">June 1956</date>.</p></sp></body>
<back><closer><signed><persName ref="#pers-karelin">S. KARELIN</persName></signed></closer></back>
</text></TEI>"""


def sample_tree() -> etree._ElementTree:
    return parse_xml(SAMPLE_TEI.encode())


def tei(body: str, header: str = "") -> etree._ElementTree:
    """A small TEI document around `body` (the content of tei:text)."""
    return parse_xml(
        (
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>'
            f"{header}</teiHeader><text>{body}</text></TEI>"
        ).encode()
    )


# ---------------------------------------------------------------- extraction


@pytest.fixture(scope="module")
def sample() -> Annotation:
    return extract(sample_tree())


def test_sample_mentions_counted_by_type(sample: Annotation) -> None:
    # The title, the participants line, the turns (not the label KARELIN) and the signature.
    by_type = Counter(m.type for m in sample.entities)
    assert by_type == {"person": 4, "place": 4, "org": 1}
    persons = Counter(m.text for m in sample.entities if m.type == "person")
    assert persons == {"Han Sang-dok": 2, "Ri Chol-u": 1, "S. KARELIN": 1}
    assert Mention("org", "Ministry [of Foreign Trade]") in sample.entities
    assert Counter(m.text for m in sample.entities if m.type == "place")["Moscow"] == 2


def test_sample_dates_turns_pages_genre(sample: Annotation) -> None:
    assert sample.dates == (
        DateMention("14 May 1957", (("when", "1957-05-14"),)),
        DateMention("9 May", (("when", "1957-05-09"),)),
        DateMention("no later than 1 June", (("notAfter", "1957-06-01"),)),
        DateMention("between 10 and 20 June 1957", (("from", "1957-06-10"), ("to", "1957-06-20"))),
        DateMention("June 1956", (("when", "1956-06"),)),
    )
    assert sample.turns == (
        Turn("han sang-dok", False),
        Turn("s. n. karelin", True),
        Turn("han sang-dok", True),
        Turn("s. n. karelin", False),
    )
    assert sample.pages == 2
    assert sample.genre == "record of conversation"


def test_speaker_labels_and_header_names_are_not_mentions() -> None:
    tree = tei(
        '<body><sp who="#pers-kim"><speaker><persName>KIM</persName>:</speaker>'
        "<p>We met in <placeName>Moscow</placeName>.</p></sp></body>",
        header="<fileDesc><titleStmt><title><persName>Kim</persName></title></titleStmt>"
        "</fileDesc>",
    )
    assert extract(tree).entities == (Mention("place", "Moscow"),)


def test_nested_names_both_count_and_page_breaks_fold_into_spaces() -> None:
    tree = tei(
        "<body><p>the <orgName><placeName>DPRK</placeName> Government</orgName> and the CC of the "
        '<orgName>Communist Party\n<pb n="2"/>of   China</orgName></p><pb n="3"/></body>'
    )
    found = extract(tree)
    assert found.entities == (
        Mention("org", "DPRK Government"),
        Mention("place", "DPRK"),
        Mention("org", "Communist Party of China"),
    )
    assert found.pages == 2


def test_turn_speakers_resolve_through_particdesc_then_id_slug() -> None:
    header = (
        '<profileDesc><particDesc><listPerson><person xml:id="pers-puzanov">'
        "<persName>A. M. Puzanov</persName></person></listPerson></particDesc></profileDesc>"
    )
    body = (
        '<body><sp who="#pers-puzanov"><speaker>Comrade Puzanov:</speaker><p>Yes.</p></sp>'
        '<sp who="#pers-kim-il-sung"><p>Kim Il Sung said that he agreed.</p></sp>'
        '<sp who="#pers-puzanov #pers-kim-il-sung"><p>Both agreed.</p></sp></body>'
    )
    assert extract(tei(body, header)).turns == (
        Turn("a. m. puzanov", True),
        Turn("kim il sung", False),
        Turn("a. m. puzanov", False),
    )


def test_dates_keep_only_iso_attributes_and_read_docdate() -> None:
    tree = tei(
        '<front><titlePage><docDate from="1956-08-30" to="1956-08-31">30-31 August 1956'
        '</docDate></titlePage></front><body><p><date when="1957-06" evidence="internal" '
        'cert="high">June</date></p></body>'
    )
    assert extract(tree).dates == (
        DateMention("30-31 August 1956", (("from", "1956-08-30"), ("to", "1956-08-31"))),
        DateMention("June", (("when", "1957-06"),)),
    )


def test_a_tree_without_text_has_nothing() -> None:
    root = parse_xml(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>')
    assert extract(root) == Annotation(pages=0)


# ---------------------------------------------------------------- metrics


def test_counts_precision_recall_f1() -> None:
    c = Counts(tp=6, fp=2, fn=4)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().f1 == 1.0  # nothing to find, nothing found
    assert Counts(fn=3).precision == 0.0
    assert Counts(fp=3).recall == 0.0
    assert Counts(1, 2, 3) + Counts(4, 5, 6) == Counts(5, 7, 9)


def test_entities_are_a_multiset_per_type() -> None:
    gold = [Mention("person", "Kim Il Sung")] * 3 + [Mention("place", "Kaesong")]
    found = [
        Mention("person", "Kim Il Sung"),
        Mention("person", "Kim Il Sung"),
        Mention("org", "Kaesong"),  # right words, wrong type
    ]
    scores = score_entities(gold, found)
    assert scores["person"] == Counts(tp=2, fp=0, fn=1)
    assert scores["place"] == Counts(tp=0, fp=0, fn=1)
    assert scores["org"] == Counts(tp=0, fp=1, fn=0)


def test_a_date_needs_both_words_and_value() -> None:
    gold = [
        DateMention("no later than 1 June", (("notAfter", "1957-06-01"),)),
        DateMention("15.III.1957", (("when", "1957-03-15"),)),
    ]
    found = [
        DateMention("1 June", (("when", "1957-06-01"),)),  # span too short
        DateMention("15.III.1957", (("when", "1957-03-15"),)),
        DateMention("Nº 933", (("when", "0933"),)),  # a trap taken for a date
    ]
    score = score_dates(gold, found)
    assert (score.gold, score.found, score.matched, score.surface_matched) == (2, 3, 1, 1)
    assert score.accuracy == 0.5
    assert score.precision == pytest.approx(1 / 3)


def test_turns_align_by_surname_and_kind() -> None:
    gold = [Turn("han", False), Turn("karelin", True), Turn("han", True)]
    assert (
        score_turns(gold, [Turn("han sang-dok", False), Turn("s. n. karelin", True)]).aligned == 2
    )
    perfect = score_turns(
        gold, [Turn("han sang-dok", False), Turn("s. n. karelin", True), Turn("han sang-dok", True)]
    )
    assert perfect.exact
    assert perfect.share == 1.0
    wrong_kind = score_turns(gold, [Turn("han sang-dok", True)] * 3)
    assert wrong_kind.aligned == 1  # only the gold turn of Han speaking directly has a partner
    assert not wrong_kind.exact
    extra = score_turns([], [Turn("kim", False)])
    assert (extra.share, extra.exact) == (0.0, False)
    assert score_turns([], []).exact


def test_differences_list_misses_and_additions() -> None:
    gold = Annotation(1, entities=(Mention("person", "N. Fedorenko"),))
    found = Annotation(
        1,
        entities=(Mention("person", "Fedorenko"),),
        dates=(DateMention("May", (("when", "1957-05"),)),),
    )
    assert evaluation.differences(gold, found) == [
        "- name Mention(type='person', text='N. Fedorenko')",
        "+ name Mention(type='person', text='Fedorenko')",
        "+ date DateMention(text='May', attrs=(('when', '1957-05'),))",
    ]


# ---------------------------------------------------------------- gold files and the set


GOLD = {
    "pages": 2,
    "genre": "letter",
    "entities": [{"type": "place", "text": "Pyongyang"}],
    "dates": [{"text": "between 1 June and 19 July", "from": "1956-06-01", "to": "1956-07-19"}],
    "turns": [{"speaker": "Kim", "direct": True}],
}


def test_parse_gold() -> None:
    gold = parse_gold(GOLD)
    assert gold.entities == (Mention("place", "Pyongyang"),)
    assert gold.dates == (
        DateMention("between 1 June and 19 July", (("from", "1956-06-01"), ("to", "1956-07-19"))),
    )
    assert gold.turns == (Turn("kim", True),)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"pages": "2"}, "'pages' must be a int"),
        ({"entities": [{"type": "event", "text": "x"}]}, "type must be one of"),
        ({"dates": [{"text": "1956"}]}, "needs at least one of"),
        ({"dates": [{"text": "1956", "when": "1956", "year": "1956"}]}, "unknown keys year"),
        ({"turns": [{"speaker": "kim", "direct": "yes"}]}, "'direct' must be a bool"),
    ],
)
def test_bad_gold_is_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_gold(GOLD | change)


def test_unpaired_files_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.json").write_text("{}")
    with pytest.raises(GoldError, match="a, b"):
        pair_documents(tmp_path, tmp_path)


def write_set(root: Path) -> tuple[Path, Path]:
    """A one-document set: a placeholder source with the sample TEI as a perfect converter."""
    docs, gold = root / "docs", root / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "sample.txt").write_text("placeholder\n")
    found = extract(sample_tree())
    (gold / "sample.json").write_text(
        json.dumps(
            {
                "pages": 2,
                "genre": "record of conversation",
                "entities": [{"type": m.type, "text": m.text} for m in found.entities],
                "dates": [{"text": d.text, **dict(d.attrs)} for d in found.dates],
                "turns": [
                    {"speaker": "han", "direct": False},
                    {"speaker": "karelin", "direct": True},
                    {"speaker": "han", "direct": True},
                    {"speaker": "karelin", "direct": False},
                ],
            }
        )
    )
    return docs, gold


def perfect(_path: Path) -> etree._ElementTree:
    return sample_tree()


def failing(path: Path) -> etree._ElementTree:
    raise DocumentError(f"{path.name}: cannot read the layout")


def rejecting(path: Path) -> Converted:
    raise DocumentError(f"{path.name}: cannot read the layout")


def test_evaluate_a_perfect_converter(tmp_path: Path) -> None:
    summary = evaluate(*write_set(tmp_path), perfect)
    assert summary.figures() == {
        "entity_f1": 1.0,
        "date_accuracy": 1.0,
        "turn_accuracy": 1.0,
        "turn_share": 1.0,
        "date_precision": 1.0,
        "page_accuracy": 1.0,
        "genre_accuracy": 1.0,
    }
    assert summary.missed_targets() == []


def test_a_rejected_document_scores_zero(tmp_path: Path) -> None:
    summary = evaluate(*write_set(tmp_path), failing)
    (doc,) = summary.documents
    assert doc.error == "sample.txt: cannot read the layout"
    assert summary.entities() == Counts(tp=0, fp=0, fn=9)
    assert summary.missed_targets() == ["entity_f1", "date_accuracy", "turn_accuracy"]


def test_command_table_json_and_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, gold = write_set(tmp_path)
    # No real set in this folder: the command must not look for one next to the repository.
    args = ["--docs", str(docs), "--gold", str(gold), "--real", str(tmp_path / "no-real-set")]
    runner = CliRunner()
    monkeypatch.setattr(cli, "_convert", perfect)
    table = runner.invoke(cli.main, args)
    assert table.exit_code == 0, table.output
    assert re.search(r"^sample\s+2/2\s+1\.00\s+1\.00\s+1\.00\s+5/5 ", table.output, re.M)
    assert "target entity_f1 >= 0.92: 1.000 met" in table.output
    as_json = runner.invoke(cli.main, ["--json", *args])
    assert json.loads(as_json.output)["invented"]["entities"]["all"]["tp"] == 9
    monkeypatch.setattr(cli, "_convert", lambda _path: tei("<body/>"))
    details = runner.invoke(cli.main, ["--details", *args])
    assert "    - name Mention(type='org', text='Ministry [of Foreign Trade]')" in details.output
    monkeypatch.setattr(cli, "_convert", failing)
    checked = runner.invoke(cli.main, ["--check", *args])
    assert checked.exit_code == 1
    assert "conversion failed: sample.txt: cannot read the layout" in checked.output


# ---------------------------------------------------------------- the shipped evaluation set


def reading_text(source: str) -> str:
    """The source's words with layout whitespace folded, for finding gold surface forms."""
    return " ".join(source.split())


def gold_files() -> list[Path]:
    return sorted((EVAL / "gold").glob("*.json"))


def test_the_set_has_eight_paired_documents_of_both_layouts() -> None:
    pairs = pair_documents(EVAL / "docs", EVAL / "gold")
    assert len(pairs) >= 8
    web = [doc for _, doc, _ in pairs if not doc.read_text(encoding="utf-8").startswith(" ")]
    assert 0 < len(web) < len(pairs)


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_agrees_with_its_document(path: Path) -> None:
    gold = evaluation.load_gold(path)
    source = (EVAL / "docs" / f"{path.stem}.txt").read_text(encoding="utf-8")
    text = reading_text(source)
    breaks = len(re.findall(r"\n\n\n\n(?=[^\n])", source))
    assert gold.pages == breaks + 1
    for mention in (*gold.entities, *gold.dates):
        assert mention.text in text, mention
    names = Counter(m.text for m in gold.entities)
    for name, count in names.items():
        # A gold name is never counted more often than its words occur in the text.
        assert len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", text)) >= count, name


# ---------------------------------------------------------------- the archive's cover


COVER = (
    '<front><div type="archiveCover"><p><date when="1957-05-14">May 14, 1957</date></p>'
    '<p>Record of Conversation with <persName ref="#pers-kim-il-sung">Kim Il Sung</persName>'
    '</p><sp who="#pers-kim-il-sung"><p>Summary</p></sp></div></front>'
)


def test_the_archive_cover_is_not_the_document() -> None:
    found = extract(tei(COVER + "<body><p>In <placeName>Kaesong</placeName>.</p></body>"))
    assert found.entities == (Mention("place", "Kaesong"),)
    assert found.dates == ()
    assert found.turns == ()


def test_a_periodical_is_a_title_not_an_organisation() -> None:
    body = (
        '<body><p><orgName type="newspaper">Rodong Sinmun</orgName> and <orgName '
        'type="periodical">Kulloja</orgName> of the <orgName>KWP CC</orgName></p></body>'
    )
    assert extract(tei(body)).entities == (Mention("org", "KWP CC"),)


@pytest.mark.parametrize(
    ("gold", "found", "matches"),
    [
        ("churchill|prime minister", "the prime minister", True),
        ("churchill|prime minister", "winston churchill", True),
        ("churchill|prime minister", "minister of state", False),
        ("churchill|prime minister", "minister prime", False),
        ("kim", "kim il sung", True),
        ("kim", "kimura", False),
    ],
)
def test_a_gold_speaker_may_name_alternatives(gold: str, found: str, matches: bool) -> None:
    assert evaluation.turn_matches(Turn(gold, False), Turn(found, False)) is matches


# ---------------------------------------------------------------- real documents: reading the TEI


def test_blocks_are_the_innermost_block_elements() -> None:
    # fw, titlePart, docDate; the participants ab; four p; signed.
    assert count_blocks(sample_tree()) == 9


def test_blocks_leave_out_the_cover_notes_and_labels() -> None:
    body = (
        "<body><opener><dateline>Pyongyang</dateline><salute>Dear Comrade,</salute></opener>"
        '<p>One<note place="inline"><p>a note</p></note> and <fw type="marking">Nº 3</fw></p>'
        "<list><item><p>a</p><p>b</p></item><item>c</item></list>"
        "<sp><speaker><ab>Kim:</ab></speaker><p>Yes.</p></sp>"
        "<closer>With greetings</closer></body>"
    )
    # dateline, salute; the fw (not its p); p, p, item c; the turn's p; the closer.
    assert count_blocks(tei(COVER + body)) == 8
    assert count_blocks(parse_xml(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')) == 0


def test_main_title_and_document_date_come_from_the_header() -> None:
    tree = sample_tree()
    assert (
        main_title(tree) == "Record of Conversation of Ambassador S. N. Karelin with Han Sang-dok"
    )
    assert document_date(tree) == (("when", "1957-05-14"),)
    untyped = tei(
        "<body/>", header="<fileDesc><titleStmt><title>Plain</title></titleStmt></fileDesc>"
    )
    assert main_title(untyped) == "Plain"
    assert document_date(untyped) == ()
    assert main_title(tei("<body/>")) == ""


def test_person_links_follow_a_record_to_the_authority() -> None:
    header = (
        '<profileDesc><particDesc><listPerson><person xml:id="pers-kim" '
        'sameAs="#pers-kim-il-sung"><persName>Kim</persName></person></listPerson>'
        "</particDesc></profileDesc>"
    )
    body = (
        '<body><sp who="#pers-kim"><speaker><persName ref="#pers-kim">Kim</persName>:</speaker>'
        '<p>Ask <persName ref="#pers-nam-il #pers-kim-il">Nam Il</persName> and '
        "<persName>Pak</persName>.</p></sp></body>"
    )
    assert person_links(tei(COVER + body, header)) == (
        PersonLink("Kim", ("pers-kim", "pers-kim-il-sung")),
        PersonLink("Nam Il", ("pers-nam-il", "pers-kim-il")),
    )


# ---------------------------------------------------------------- real documents: comparing


def real_gold(**changes: object) -> DocumentGold:
    fields: dict[str, object] = {
        "annotation": Annotation(1, "record of conversation"),
        "title": "Record of Conversation between Comrade A.I. Mikoyan and Pak Chang-ok",
        "date": (("when", "1952-08-20"),),
        "paragraphs": 3,
    }
    return DocumentGold(**(fields | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("found", "ok"),
    [
        ("RECORD OF CONVERSATION BETWEEN COMRADE A.I. MIKOYAN AND PAK CHANG-OK", True),
        ("  “Record of Conversation between Comrade A.I.  Mikoyan and Pak Chang-ok.” ", True),
        ("Minutes of Conversation between A.I. Mikoyan and Pak Chang-ok", True),
        ("Record of Conversation, 20 August 1952", False),
        (
            "Record of Conversation between Comrade A.I. Mikoyan and Pak Chang-ok, 20 August 1952",
            True,
        ),
        ("Record of Conversation between Comrade A.I. Mikoyan and Pak Chang-ok, and Kim", False),
        ("", False),
    ],
)
def test_titles_compare_without_case_spacing_quotes_or_the_appended_title_date(
    found: str, ok: bool
) -> None:
    gold = real_gold(
        title_alternatives=("Minutes of Conversation between A.I. Mikoyan and Pak Chang-ok",)
    )
    assert title_ok(gold, found) is ok
    assert normalise_title("‘China and Eastern Europe’.") == "china and eastern europe"


def test_document_date_and_genre_accept_their_alternatives() -> None:
    gold = real_gold(
        date=(("from", "1957-08-16"), ("to", "1957-08-30")),
        date_alternatives=((("when", "1957-08-21"),),),
        genre_alternatives=("minutes",),
    )
    assert date_ok(gold, (("to", "1957-08-30"), ("from", "1957-08-16")))
    assert date_ok(gold, (("when", "1957-08-21"),))
    assert not date_ok(gold, (("when", "1957-08-31"),))
    assert not date_ok(gold, ())
    assert genre_ok(gold, "record of conversation")
    assert genre_ok(gold, "minutes")
    assert not genre_ok(gold, "document")


IDENTITIES = (
    Identity("KIM Il Sung", "pers-kim-il-sung"),
    Identity("KIM", "pers-kim-il-sung"),
    Identity("KIM Il", "pers-kim-il"),
    Identity("Ri Jong-mok", None),
)
AUTHORITY = frozenset({"pers-kim-il-sung", "pers-kim-il", "pers-ri-jong-ok", "place-dprk"})


@pytest.mark.parametrize(
    ("person", "wrong"),
    [
        (PersonLink("KIM", ("pers-kim-il-sung",)), False),
        (PersonLink("KIM", ("pers-kim-il",)), True),  # the label is the Premier, not KIM Il
        (PersonLink("KIM Il", ("pers-kim-il",)), False),
        (PersonLink("KIM Il Sung", ("pers-kim-il",)), True),  # longest surface decides
        (PersonLink("Premier KIM Il Sung", ("pers-kim-il-sung",)), False),
        (PersonLink("Ri Jong-mok", ("pers-ri-jong-ok",)), True),  # not in the authority
        (PersonLink("Ri Jong-mok", ("pers-ri-jong-mok",)), False),  # a local record
        (PersonLink("KIM", ("pers-kim", "pers-kim-il-sung")), False),
        (PersonLink("KIM", ("pers-kim-il-sung", "pers-kim-il")), True),
        (PersonLink("Organization", ("pers-kim-il",)), False),  # a false name, not a link
    ],
)
def test_wrong_identity_links(person: PersonLink, wrong: bool) -> None:
    links = wrong_links(IDENTITIES, [person], AUTHORITY)
    assert bool(links) is wrong
    if wrong:
        gold = evaluation.real._gold_identity(person.text, IDENTITIES)
        assert links == (WrongLink(person.text, links[0].linked, gold.key if gold else None),)


def test_a_wrong_link_reads_as_a_sentence() -> None:
    assert str(WrongLink("Ri Jong-mok", ("pers-ri-jong-ok",), None)) == (
        "Ri Jong-mok -> pers-ri-jong-ok (is not in the authority)"
    )
    assert str(WrongLink("KIM", ("pers-kim-il",), "pers-kim-il-sung")) == (
        "KIM -> pers-kim-il (is pers-kim-il-sung)"
    )


@pytest.mark.parametrize(
    ("warning", "fields"),
    [
        ("no document date found", ("date",)),
        (
            "genre unknown: docType left as 'other'; no title printed, title constructed",
            ("title", "genre"),
        ),
        (
            "no title, docket or section headings recognised: converted as plain paragraphs",
            ("title",),
        ),
        ("a date line was read as the dispatch date", ()),
        ("12 source lines became 1 block", ()),
    ],
)
def test_warnings_that_a_field_was_not_found(warning: str, fields: tuple[str, ...]) -> None:
    assert warned_fields([warning]) == fields


def test_missing_fields_without_a_warning() -> None:
    found = DocumentFound(Annotation(1, "document"), title="A title", warnings=("no date found",))
    assert missing_fields(found) == ("date", "genre")
    score = score_real("x", real_gold(), found, AUTHORITY)
    assert score.warned == ("date",)
    assert score.unwarned == ("genre",)
    assert missing_fields(DocumentFound(Annotation(1, "letter"), "T", (("when", "1957"),))) == ()


# ---------------------------------------------------------------- real documents: gold files


REAL_GOLD = {
    "title": "Ciphered Telegram No. 25553",
    "title_alternatives": ["Telegram No. 25553"],
    "date": {"when": "1950-10-12"},
    "genre": "telegram",
    "genre_alternatives": ["report"],
    "paragraphs": 11,
    "pages": 1,
    "entities": [{"type": "person", "text": "Filippov"}],
    "dates": [],
    "turns": [],
    "identities": [{"text": "Filippov", "key": "pers-stalin", "note": "a pseudonym"}],
}


def test_parse_real_gold() -> None:
    gold = parse_real_gold(
        REAL_GOLD | {"date_alternatives": [{"from": "1950-10", "to": "1950-11"}]}
    )
    assert gold.title_alternatives == ("Telegram No. 25553",)
    assert gold.date == (("when", "1950-10-12"),)
    assert gold.date_alternatives == ((("from", "1950-10"), ("to", "1950-11")),)
    assert gold.genre_alternatives == ("report",)
    assert gold.paragraphs == 11
    assert gold.identities == (Identity("Filippov", "pers-stalin"),)
    assert gold.annotation.entities == (Mention("person", "Filippov"),)


def test_a_real_gold_title_may_point_into_its_document() -> None:
    source = "October 12, 1950\nCiphered   Telegram No. 25553, Roshchin\nto Filippov\nTop Secret"
    pointed = {
        "title": {"lines": [2, 3]},
        "title_alternatives": [{"line": 2, "from": 0, "to": 27}, ["Cable", {"line": 3}]],
    }
    gold = parse_real_gold(REAL_GOLD | pointed, source=source)
    assert gold.title == "Ciphered Telegram No. 25553, Roshchin to Filippov"
    assert gold.title_alternatives == ("Ciphered Telegram No. 25553", "Cable to Filippov")
    # Read without its document, a pointed title is unknown, never an error.
    assert parse_real_gold(REAL_GOLD | pointed).title == ""
    with pytest.raises(GoldError, match="the title's lines are not in the source"):
        parse_real_gold(REAL_GOLD | {"title": {"line": 9}}, source=source)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"genre": "document"}, "genre 'document' is not in the vocabulary"),
        ({"genre_alternatives": ["cable"]}, "genre 'cable' is not in the vocabulary"),
        ({"genre_alternatives": "report"}, "'genre_alternatives' must be a list of strings"),
        ({"title": None}, "'title' must be a str"),
        ({"paragraphs": 0}, "'paragraphs' must be at least 1"),
        ({"date": {"year": "1950"}}, "date: unknown keys year"),
        ({"date": {}}, "date: a date needs at least one of"),
        ({"date_alternatives": [{"when": 1950}]}, r"date_alternatives\[0\]: 'when' must be a str"),
        ({"identities": [{"text": "Filippov", "key": "stalin"}]}, "'key' must be a pers- key"),
        ({"identities": [{"text": "Filippov"}]}, "'key' must be a pers- key or null"),
        (
            {"identities": [{"text": "Kim", "key": None}, {"text": "Kim", "key": None}]},
            "identities repeat Kim",
        ),
    ],
)
def test_bad_real_gold_is_refused(change: dict[str, object], message: str) -> None:
    with pytest.raises(GoldError, match=message):
        parse_real_gold(REAL_GOLD | change)


def real_gold_files() -> list[Path]:
    return sorted((EVAL / "real").glob("*.json"))


def test_the_real_set_has_thirty_gold_files() -> None:
    assert len(real_gold_files()) == 30


@pytest.mark.parametrize("path", real_gold_files(), ids=lambda p: p.stem[:2])
def test_real_gold_is_consistent(path: Path) -> None:
    """Every gold person has an identity, and every identity key is an authority person."""
    gold = load_real_gold(path)
    keys = {record.key for record in Authority.load().records()}
    surfaces = {i.text for i in gold.identities}
    assert {m.text for m in gold.annotation.entities if m.type == "person"} <= surfaces
    assert {i.key for i in gold.identities if i.key} <= keys
    assert gold.annotation.pages == 1


# ---------------------------------------------------------------- real documents: the set


def write_real_set(root: Path) -> tuple[Path, Path]:
    """A one-document real set whose gold the sample TEI satisfies exactly."""
    docs, gold = root / "real-docs", root / "real-gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "sample.txt").write_text("placeholder\n")
    found = extract(sample_tree())
    data = {
        "title": "RECORD OF CONVERSATION OF AMBASSADOR S. N. KARELIN WITH HAN SANG-DOK",
        "date": {"when": "1957-05-14"},
        "genre": "record of conversation",
        "paragraphs": 9,
        "pages": 2,
        "entities": [{"type": m.type, "text": m.text} for m in found.entities],
        "dates": [{"text": d.text, **dict(d.attrs)} for d in found.dates],
        "turns": [
            {"speaker": "han", "direct": False},
            {"speaker": "karelin", "direct": True},
            {"speaker": "han", "direct": True},
            {"speaker": "karelin", "direct": False},
        ],
        "identities": [
            {"text": "Han Sang-dok", "key": "pers-han-sang-dok"},
            {"text": "Ri Chol-u", "key": None},
            {"text": "S. KARELIN", "key": "pers-karelin"},
        ],
    }
    (gold / "sample.json").write_text(json.dumps(data))
    return docs, gold


def test_evaluate_real_with_a_perfect_converter(tmp_path: Path) -> None:
    docs, gold = write_real_set(tmp_path)
    summary = evaluate_real(
        docs, gold, lambda _path: Converted(sample_tree()), frozenset({"pers-karelin"})
    )
    (doc,) = summary.documents
    assert (doc.title_ok, doc.date_ok, doc.genre_ok, doc.blocks_ok) == (True, True, True, True)
    assert doc.has_turns
    assert summary.missed_targets() == []
    assert summary.figures()["entity_f1"] == 1.0


def test_evaluate_real_counts_wrong_links_and_rejections(tmp_path: Path) -> None:
    docs, gold = write_real_set(tmp_path)
    wrong = evaluate_real(
        docs,
        gold,
        lambda _path: Converted(sample_tree()),
        frozenset({"pers-han-sang-dok", "pers-kim"}),
    )
    # Han Sang-dok is linked to his own key; Karelin's key is not in this authority.
    assert wrong.wrong_links == 0
    data = json.loads((gold / "sample.json").read_text())
    data["identities"][2]["key"] = None
    (gold / "sample.json").write_text(json.dumps(data))
    unknown = evaluate_real(
        docs, gold, lambda _path: Converted(sample_tree()), frozenset({"pers-karelin"})
    )
    # Gold says S. KARELIN is not in the authority, so his link is wrong; the label KARELIN
    # contains no gold surface form and is not judged.
    assert unknown.wrong_links == 1
    assert unknown.missed_targets() == ["wrong_links"]
    rejected = evaluate_real(docs, gold, rejecting, frozenset())
    (doc,) = rejected.documents
    assert doc.base.error == "sample.txt: cannot read the layout"
    assert not doc.title_ok
    assert not doc.blocks_ok
    assert "title" in rejected.missed_targets()


def test_command_skips_an_absent_real_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, gold = write_set(tmp_path)
    missing = tmp_path / "absent" / "real"
    args = ["--docs", str(docs), "--gold", str(gold), "--real", str(missing)]
    monkeypatch.setattr(cli, "_convert", perfect)
    table = CliRunner().invoke(cli.main, args)
    assert table.exit_code == 0, table.output
    assert table.output.rstrip().endswith(f"real set skipped: no folder {missing}")
    as_json = CliRunner().invoke(cli.main, ["--json", "--check", *args])
    assert as_json.exit_code == 0
    assert json.loads(as_json.output)["real"] == {
        "skipped": f"real set skipped: no folder {missing}"
    }


def test_command_scores_a_real_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, gold = write_set(tmp_path)
    real_docs, real_gold = write_real_set(tmp_path)
    args = ["--docs", str(docs), "--gold", str(gold), "--real", str(real_docs)]
    args += ["--real-gold", str(real_gold)]
    monkeypatch.setattr(cli, "_convert", perfect)
    monkeypatch.setattr(
        cli, "_conversion", lambda _path: Converted(sample_tree(), ("no date found",))
    )
    monkeypatch.setattr(cli, "_authority_keys", lambda: frozenset({"pers-ri-chol-u"}))
    table = CliRunner().invoke(cli.main, ["--details", *args])
    assert table.exit_code == 0, table.output
    assert re.search(
        r"^sample\s+ok\s+ok\s+ok\s+9/9\s+1\.00\s+1\.00\s+1\.00\s+5/5\s+4/4\s+ok\s+0\s+date$",
        table.output,
        re.M,
    )
    assert "    warning: no date found" in table.output
    assert "target wrong_links <= 0: 0 met" in table.output
    # A converter that links the interpreter to an authority record he is not.
    linked = SAMPLE_TEI.replace("<persName>Ri Chol-u", '<persName ref="#pers-ri-chol-u">Ri Chol-u')
    monkeypatch.setattr(cli, "_conversion", lambda _path: Converted(parse_xml(linked.encode())))
    checked = CliRunner().invoke(cli.main, ["--check", "--details", *args])
    assert checked.exit_code == 1
    assert "    wrong link: Ri Chol-u -> pers-ri-chol-u (is not in the authority)" in checked.output
    assert "target wrong_links <= 0: 1 MISSED" in checked.output
    report = json.loads(CliRunner().invoke(cli.main, ["--json", *args]).output)
    assert report["real"]["documents"][0]["wrong_links"] == [
        "Ri Chol-u -> pers-ri-chol-u (is not in the authority)"
    ]
    assert report["real"]["missed_targets"] == ["wrong_links"]
