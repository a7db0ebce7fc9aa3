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
from tei_plenum.errors import DocumentError
from tei_plenum.xmlsafe import parse_xml
from tests.conftest import EXAMPLES, ROOT

EVAL = ROOT / "evaluation"
CONVERSATION_TEI = EXAMPLES / "conversation-sample.tei.xml"


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
    return extract(parse_xml(CONVERSATION_TEI.read_bytes()))


def test_sample_mentions_counted_by_type(sample: Annotation) -> None:
    # Counted by hand in the example: the byline, subtitle, participants line, four
    # paragraphs or turns, the closer and the recorder's block.
    by_type = Counter(m.type for m in sample.entities)
    assert by_type == {"person": 9, "place": 9, "org": 1}
    persons = Counter(m.text for m in sample.entities if m.type == "person")
    assert persons["Han Sang-dok"] == 4
    assert persons["S. N. KARELIN"] == persons["S. KARELIN"] == persons["V. Lobanov"] == 1
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
    """A one-document set: the sample source with its worked TEI as a perfect converter."""
    docs, gold = root / "docs", root / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "sample.txt").write_text("placeholder\n")
    found = extract(parse_xml(CONVERSATION_TEI.read_bytes()))
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
    return parse_xml(CONVERSATION_TEI.read_bytes())


def failing(path: Path) -> etree._ElementTree:
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
    assert summary.entities() == Counts(tp=0, fp=0, fn=19)
    assert summary.missed_targets() == ["entity_f1", "date_accuracy", "turn_accuracy"]


def test_command_table_json_and_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs, gold = write_set(tmp_path)
    runner = CliRunner()
    monkeypatch.setattr(cli, "_convert", perfect)
    table = runner.invoke(cli.main, ["--docs", str(docs), "--gold", str(gold)])
    assert table.exit_code == 0, table.output
    assert re.search(r"^sample\s+2/2\s+1\.00\s+1\.00\s+1\.00\s+5/5 ", table.output, re.M)
    assert "target entity_f1 >= 0.92: 1.000 met" in table.output
    as_json = runner.invoke(cli.main, ["--json", "--docs", str(docs), "--gold", str(gold)])
    assert json.loads(as_json.output)["entities"]["all"]["tp"] == 19
    monkeypatch.setattr(cli, "_convert", lambda _path: tei("<body/>"))
    details = runner.invoke(cli.main, ["--details", "--docs", str(docs), "--gold", str(gold)])
    assert "    - name Mention(type='org', text='Ministry [of Foreign Trade]')" in details.output
    monkeypatch.setattr(cli, "_convert", failing)
    checked = runner.invoke(cli.main, ["--check", "--docs", str(docs), "--gold", str(gold)])
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
