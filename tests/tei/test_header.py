"""The header writer maps a fact sheet to ``teiHeader`` elements, and decides nothing.

The document given alongside has no blocks at all: every fact below must come from the
``DocumentMeta`` written by hand here, and each expected element is the guide's (§4) mapping
of that fact.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from tei_plenum.docmeta import (
    ArchiveCatalogue,
    ArchiveIdentity,
    CorrespAction,
    DocumentMeta,
    Identifier,
    Languages,
    Marking,
    Name,
    Participants,
    Phrase,
    Physical,
    Provenance,
    Responsibility,
    Title,
    TitleSource,
    TranscriptionSource,
)
from tei_plenum.model import Document, Participant
from tei_plenum.tei.header import HeaderInput, build_header

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
EMPTY = Document("letter.txt", "web-text", (), 1)
DATE = Phrase("5 March 1957", (("when", "1957-03-05"),))

META = DocumentMeta(
    title=Title(
        main="A Letter, 5 March 1957",
        source=TitleSource.PRINTED,
        printed="A Letter",
        subtitle="On Films",
        from_text="A Letter, 5 March 1957",
        edition_subtitle="TEI encoding of the English translation",
    ),
    date=DATE,
    genre="letter",
    issuer=Name("Ministry of Culture", "orgName", (("ref", "#org-moc"),)),
    markings=(
        Marking("mk-translationNote", "translationNote", "Translation from Czech"),
        Marking("mk-copyNumber", "copyNumber", "Copy No. 3", Phrase("3", (("value", "3"),))),
        Marking("mk-printRun", "printRun", "Two copies printed", Phrase("Two", (("value", "2"),))),
        Marking(
            "mk-printDate",
            "printDate",
            "9 March 1957",
            Phrase("9 March 1957", (("when", "1957-03-09"),)),
        ),
    ),
    numbers=(Identifier("copy", "3"),),
    responsibilities=(
        Responsibility("resp-novak", "translation, signed", (Name("J. Novak", "persName"),)),
        Responsibility(
            "resp-translator-en", "English translation", (Name("A. Reader", "persName"),)
        ),
    ),
    participants=Participants(
        (Participant("pers-kim", "Kim", ("interlocutor",), "Minister", "side-a"),),
        (("side-a", "Side A"),),
    ),
    correspondence=(
        CorrespAction("sent", (Name("Prague", "placeName"),), (("when", "1957-03-05"),)),
    ),
    archive=ArchiveIdentity(
        country="Czechia", repository="State Archive", idnos=(Identifier("shelfmark", "F 1/2"),)
    ),
    source=TranscriptionSource(
        publisher="Example Archive",
        edition="Translation - English",
        pages=1,
        idnos=(Identifier("sourceFile", "letter.txt"),),
    ),
    summary="A letter about films.",
    languages=Languages(
        original="cs",
        note="Translation from Czech",
        manuscript="ru",
        cert="high",
        words="Russian translation of a Czech original (docket: Translation from Czech)",
    ),
    physical=Physical(form="typescript", extent="2 leaves", signatures=True),
    provenance=Provenance("letter.meta.toml", ("form", "summary")),
)


def header(meta: DocumentMeta = META) -> etree._Element:
    return build_header(HeaderInput(EMPTY, meta))


def one(root: etree._Element, path: str) -> etree._Element:
    (found,) = root.xpath(path, namespaces=NS)
    return found


def words(element: etree._Element) -> str:
    return "".join(element.itertext())


def test_title_statement_from_title_issuer_and_responsibilities() -> None:
    stmt = one(header(), "tei:fileDesc/tei:titleStmt")
    assert [(t.get("type"), t.text) for t in stmt.findall("tei:title", NS)] == [
        ("main", "A Letter, 5 March 1957"),
        ("sub", "TEI encoding of the English translation"),
    ]
    author = one(stmt, "tei:author/tei:orgName")
    assert (author.text, author.get("ref")) == ("Ministry of Culture", "#org-moc")
    stmts = stmt.findall("tei:respStmt", NS)
    assert [s.get(XML_ID) for s in stmts] == ["resp-novak", "resp-translator-en"]
    assert [words(s.find("tei:resp", NS)) for s in stmts] == [
        "translation, signed",
        "English translation",
    ]
    assert one(stmts[1], "tei:persName").text == "A. Reader"


def test_transcription_source_and_the_sidecar_note() -> None:
    bibl = one(header(), "//tei:bibl")
    assert [child.tag.split("}")[1] for child in bibl] == [
        "title", "edition", "publisher", "extent", "idno", "note",
    ]  # fmt: skip
    # The bibliographic title of a printed title is the title without its date.
    assert one(bibl, "tei:title").text == "A Letter"
    assert one(bibl, "tei:extent/tei:measure").text == "1 page"
    assert one(bibl, "tei:idno").get("type") == "sourceFile"
    assert "sidecar file letter.meta.toml (keys: form, summary)" in one(bibl, "tei:note").text


def test_manuscript_identity_contents_and_hands() -> None:
    ms = one(header(), "//tei:msDesc")
    ident = one(ms, "tei:msIdentifier")
    assert [child.tag.split("}")[1] for child in ident] == [
        "country", "repository", "idno", "msName", "altIdentifier",
    ]  # fmt: skip
    assert one(ident, "tei:msName").text == "A Letter, 5 March 1957 (translation from Czech)"
    assert one(ident, "tei:altIdentifier[@type='copy']/tei:idno").text == "3"
    lang = one(ms, "tei:msContents/tei:textLang")
    assert (lang.get("mainLang"), lang.get("cert"), lang.text) == (
        "ru",
        "high",
        "Russian translation of a Czech original (docket: Translation from Czech)",
    )
    assert one(ms, "tei:msContents/tei:summary").text == "A letter about films."
    assert one(ms, "tei:msContents/tei:msItem/tei:title").text == "A Letter: On Films"
    assert one(ms, "tei:physDesc/tei:objectDesc").get("form") == "typescript"
    assert one(ms, ".//tei:supportDesc/tei:extent").text == "2 leaves"
    assert [n.get(XML_ID) for n in ms.iterfind(".//tei:handNote", NS)] == ["hand-signatures"]


def test_markings_with_their_values() -> None:
    items = header().xpath("//tei:additions/tei:list/tei:item", namespaces=NS)
    assert [(i.get("n"), i.get("corresp")) for i in items] == [
        ("translationNote", "#mk-translationNote"),
        ("copyNumber", "#mk-copyNumber"),
        ("printRun", "#mk-printRun"),
        ("printDate", "#mk-printDate"),
    ]
    assert [words(i) for i in items] == [
        "Translation note: Translation from Czech",
        "Copy number: 3",
        "Print run: Two copies printed (2)",
        "Date of printing: 9 March 1957",
    ]
    assert items[0].find("tei:q", NS) is not None
    assert one(items[1], "tei:num").get("value") == "3"
    assert one(items[2], "tei:num").get("value") == "2"
    assert one(items[3], "tei:date").get("when") == "1957-03-09"


def test_history_states_print_date_and_document_date() -> None:
    origin = one(header(), "//tei:history/tei:origin/tei:p")
    assert words(origin) == (
        "Translation printed on 9 March 1957; the document it translates is dated 5 March 1957."
    )
    undated = replace(META, date=Phrase(), markings=())
    assert (
        words(one(header(undated), "//tei:origin/tei:p")) == "Date not stated in the translation."
    )
    dated = replace(META, markings=())
    origin = one(header(dated), "//tei:origin/tei:p")
    assert (words(origin), one(origin, "tei:origDate").get("when")) == (
        "Dated 5 March 1957.",
        "1957-03-05",
    )


def test_profile_genre_date_participants_and_correspondence() -> None:
    profile = one(header(), "tei:profileDesc")
    assert words(one(profile, "tei:creation")) == "Letter, 5 March 1957."
    assert one(profile, ".//tei:term[@type='docType']").text == "letter"
    person = one(profile, "tei:particDesc//tei:person")
    assert (person.get(XML_ID), person.get("role")) == ("pers-kim", "interlocutor")
    assert one(person, "tei:affiliation").get("ref") == "#side-a"
    assert one(profile, "tei:particDesc//tei:personGrp/tei:name").text == "Side A"
    action = one(profile, "tei:correspDesc/tei:correspAction")
    assert action.get("type") == "sent"
    assert one(action, "tei:placeName").text == "Prague"
    assert one(action, "tei:date").get("when") == "1957-03-05"


def test_a_sparse_fact_sheet_leaves_optional_parts_out() -> None:
    sparse = header(DocumentMeta(title=Title("memo.txt", TitleSource.PRINTED)))
    optional = (
        "author", "respStmt", "edition", "publisher", "note", "summary", "textLang",
        "altIdentifier", "handDesc", "additions", "particDesc", "correspDesc",
    )  # fmt: skip
    for absent in optional:
        assert not sparse.xpath(f"//tei:{absent}", namespaces=NS), absent
    assert not sparse.xpath("//tei:langUsage/tei:language[@xml:id]", namespaces=NS)


def test_the_language_chain_in_lang_usage() -> None:
    usage = one(header(), "tei:profileDesc/tei:langUsage")
    assert [(x.get("ident"), x.get(XML_ID), x.text) for x in usage] == [
        ("cs", "lang-original", "Czech: the language of the original"),
        ("ru", "lang-intermediate", "Russian: the language of the translation the English was "
                                    "made from"),
        ("en", None, "English (translation)"),
    ]  # fmt: skip
    english = header(replace(META, languages=Languages(original="en", manuscript="en")))
    (only,) = english.xpath("//tei:langUsage/tei:language", namespaces=NS)
    assert (only.get("ident"), only.get(XML_ID)) == ("en", "lang-original")


def test_a_title_the_document_does_not_print_says_where_it_comes_from() -> None:
    archive = header(replace(META, title=Title("Letter, Kim to Pak", TitleSource.ARCHIVE)))
    main = one(archive, "//tei:titleStmt/tei:title[@type='main']")
    assert (main.get("subtype"), main.get("source"), main.get("resp")) == (
        "archive",
        "#archive-title",
        None,
    )
    assert "the main title is the archive's" in one(archive, "//tei:notesStmt/tei:note").text
    built = header(replace(META, title=Title("Letter, 5 March 1957", TitleSource.CONSTRUCTED)))
    main = one(built, "//tei:titleStmt/tei:title[@type='main']")
    assert (main.get("subtype"), main.get("resp")) == ("constructed", "#resp-encoder")
    assert one(built, "//tei:notesStmt/tei:note").get("type") == "title"
    assert not header().xpath("//tei:notesStmt", namespaces=NS)  # a printed title


def test_the_archives_catalogue_data() -> None:
    meta = replace(
        META,
        catalogue=ArchiveCatalogue(
            title="Letter, Kim to Pak",
            date=Phrase("March 05, 1957", (("when", "1957-03-05"),)),
            citation="“Letter, Kim to Pak,” March 05, 1957, Example Digital Archive.",
            published_source="Letters of the Year (Prague: Example Press, 1990), 3-4",
            funders=("Example Foundation", "Other Fund"),
        ),
        archive=ArchiveIdentity(
            repository="RGASPI",
            idnos=(Identifier("fond", "17"), Identifier("opis", "3"), Identifier("delo", "8")),
            locus=Phrase("ll. 1-4", (("from", "1"), ("to", "4"))),
        ),
    )
    found = header(meta)
    stmt = one(found, "//tei:titleStmt")
    assert [f.text for f in stmt.findall("tei:funder", NS)] == ["Example Foundation", "Other Fund"]
    bibl = one(found, "//tei:bibl[@type='transcriptionSource']")
    assert one(bibl, "tei:title").get("type") == "catalogue"
    assert one(bibl, "tei:title").text == "Letter, Kim to Pak"
    date = one(bibl, "tei:date")
    assert (date.get("type"), date.get("when"), date.text) == (
        "catalogue",
        "1957-03-05",
        "March 05, 1957",
    )
    assert one(bibl, "tei:note[@type='citation']").text.startswith("“Letter, Kim to Pak,”")
    related = one(bibl, "tei:relatedItem[@type='translatedFrom']/tei:bibl")
    assert related.text.startswith("Letters of the Year")
    ident = one(found, "//tei:msIdentifier")
    assert [(i.get("type"), i.text) for i in ident.findall("tei:idno", NS)] == [
        ("fond", "17"),
        ("opis", "3"),
        ("delo", "8"),
    ]
    locus = one(found, "//tei:msItem/tei:locus")
    assert (locus.get("from"), locus.get("to"), locus.text) == ("1", "4", "ll. 1-4")
    assert found.xpath("//tei:msItem/*[1]", namespaces=NS)[0] is locus  # locus comes first
