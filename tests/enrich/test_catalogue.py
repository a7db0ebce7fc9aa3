"""The catalogue enricher: enriched blocks and a sidecar in, the fact sheet out.

Each test builds the blocks an earlier stage would leave (roles, marks, containers) for an
invented document, and states by hand what the header must say about it.
"""

from __future__ import annotations

from typing import Any

import pytest

from tei_plenum.docmeta import Identifier, Marking, Name, Phrase, Responsibility, TitleSource
from tei_plenum.enrich.catalogue import (
    catalogue,
    catalogue_warnings,
    identify_markings,
    title_case,
)
from tei_plenum.metadata import Sidecar
from tei_plenum.model import (
    Block,
    Container,
    Document,
    Entity,
    EntityType,
    Mark,
    Participant,
    Role,
    SourceSpan,
    attrs,
)

FRONT = (Container("front", "front"),)
COVER = (*FRONT, Container("archiveCover", "div", (("type", "archiveCover"),)))
BODY = (Container("body", "body"),)
BACK = (Container("back", "back"),)


def mark(text: str, words: str, tag: str, **attributes: str) -> Mark:
    """A mark over the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    return Mark(start, start + len(words), tag, attrs(**attributes))


def block(
    kind: Role,
    text: str,
    *marks: Mark,
    path: tuple[Container, ...] = BODY,
    **attributes: str,
) -> Block:
    return Block(kind, text, SourceSpan(1), 1, path, attrs(**attributes), marks)


def document(*blocks: Block, **fields: Any) -> Document:
    """A three-page document of these blocks, its markings identified as enrichment does."""
    return identify_markings(Document("memo.txt", "pdf-text", blocks, 3, **fields))


TITLE = "DECISION OF THE KWP CC ON THE PLAN"
DECISION = document(
    block(Role.BANNER, "Example Archive Translation - English", path=FRONT),
    block(Role.MARKING, "Translation from Korean", path=FRONT, type="translationNote"),
    block(Role.MARKING, "SECRET", path=FRONT, type="classification"),
    block(Role.TITLE, TITLE, mark(TITLE, "KWP CC", "orgName", ref="#org-kwp-cc"), path=FRONT),
    block(Role.SUBTITLE, "On the second five-year plan", path=FRONT),
    block(Role.DOC_DATE, "17 March 1958", path=FRONT),
    block(Role.PARAGRAPH, "The plenum heard the report."),
    doc_date=(("when", "1958-03-17"),),
    genre="decision",
)


def test_a_printed_title_in_capitals_is_lowered_except_inside_names() -> None:
    title = DECISION.blocks[3]
    assert title_case(title, {}) == "Decision of the KWP CC on the Plan"
    # Prose titles are kept as printed.
    assert title_case(block(Role.TITLE, "Record of a Talk"), {}) == "Record of a Talk"
    # A later line of the title starts with a small word in lower case; initials stay.
    later = block(Role.TITLE, "ON THE TALKS WITH I.V. STALIN")
    assert title_case(later, {}, first=False) == "on the Talks with I.V. Stalin"


def test_an_acronym_in_brackets_keeps_its_capitals() -> None:
    title = block(Role.TITLE, "RIVERSIDE TRADE CENTER (RTC) REPORT")
    assert title_case(title, {}) == "Riverside Trade Center (RTC) Report"


def test_a_body_s_head_noun_is_recased_inside_its_name() -> None:
    text = "TALKS WITH THE RURITANIAN WORKERS' PARTY, THE RWP ARMY AND THE LABOR FRONT"
    title = block(
        Role.TITLE,
        text,
        mark(text, "RURITANIAN WORKERS' PARTY", "orgName", ref="#org-rwp"),
        mark(text, "RWP ARMY", "orgName", ref="#org-rwp-army"),
        mark(text, "LABOR FRONT", "orgName", ref="#org-labor-front"),
    )
    # A short word in capitals inside a name is taken for an acronym, unless it is the
    # head noun of a body's name or a word of five letters with two vowels.
    assert (
        title_case(title, {})
        == "Talks with the Ruritanian Workers' Party, the RWP Army and the Labor Front"
    )


def test_an_acronym_the_text_prints_keeps_its_capitals_in_a_recased_title() -> None:
    title = "MINUTES OF THE TALKS WITH FRU PRESIDENT OKAFOR"
    doc = document(
        block(Role.TITLE, title, path=FRONT),
        block(Role.DOC_DATE, "3 May 1966", path=FRONT),
        # A heading's capitals before lower case are no acronym: "MINUTES" is re-cased.
        block(Role.PARAGRAPH, "MINUTES of the FRU President Okafor's visit were kept."),
        doc_date=(("when", "1966-05-03"),),
        genre="minutes",
    )
    main = catalogue(doc).title.main
    assert main == "Minutes of the Talks with FRU President Okafor, 3 May 1966"


def test_the_printed_title_with_its_date_is_the_main_title() -> None:
    meta = catalogue(DECISION)
    assert meta.title.main == "Decision of the KWP CC on the Plan, 17 March 1958"
    assert meta.title.source is TitleSource.PRINTED
    assert meta.title.printed == "Decision of the KWP CC on the Plan"
    assert meta.title.subtitle == "On the second five-year plan"
    assert meta.title.bibliographic == "Decision of the KWP CC on the Plan"
    assert meta.date == Phrase("17 March 1958", (("when", "1958-03-17"),))
    assert meta.genre == "decision"


def test_a_title_that_prints_its_date_does_not_get_it_twice() -> None:
    printed = "Record of a Meeting Held at Potsdam, 20 July 1945"
    meta = catalogue(
        document(
            # The date enricher marks the title's date; the document date repeats it.
            block(
                Role.TITLE,
                printed,
                mark(printed, "20 July 1945", "date", when="1945-07-20"),
                path=FRONT,
            ),
            block(Role.DOC_DATE, "20 JULY 1945", path=FRONT),
            doc_date=(("when", "1945-07-20"),),
        )
    )
    assert meta.title.main == printed


def test_a_title_cut_before_its_place_and_date_gets_one_comma() -> None:
    meta = catalogue(
        document(
            block(Role.TITLE, "Record of the Talks between A and B,", path=FRONT),
            block(Role.DOC_DATE, "20 July 1962", path=FRONT),
            doc_date=(("when", "1962-07-20"),),
        )
    )
    assert meta.title.main == "Record of the Talks between A and B, 20 July 1962"


def test_a_title_lines_full_stop_gives_way_to_the_date_but_an_abbreviations_stays() -> None:
    for printed, main in (
        ("Report on the visit to Budapest.", "Report on the visit to Budapest, 20 July 1962"),
        ("Letter to the U.S.S.R.", "Letter to the U.S.S.R., 20 July 1962"),
    ):
        meta = catalogue(
            document(
                block(Role.TITLE, printed, path=FRONT),
                block(Role.DOC_DATE, "20 July 1962", path=FRONT),
                doc_date=(("when", "1962-07-20"),),
            )
        )
        assert meta.title.main == main


def test_the_sidecar_title_wins_and_the_text_title_is_kept() -> None:
    meta = catalogue(DECISION, Sidecar(title="Decision on the Plan", file="memo.meta.toml"))
    assert meta.title.main == "Decision on the Plan"
    assert meta.title.source is TitleSource.SIDECAR
    assert meta.title.bibliographic == "Decision on the Plan"
    assert meta.title.from_text == "Decision of the KWP CC on the Plan, 17 March 1958"
    assert meta.provenance is not None
    assert (meta.provenance.file, meta.provenance.keys) == ("memo.meta.toml", ("title",))


def test_without_a_printed_title_the_archives_title_is_used() -> None:
    doc = document(
        block(Role.COVER, "Letter, Kim Il to Pak Chang-ok", path=COVER, type="title"),
        block(Role.PARAGRAPH, "Comrade Ivanov reported on the harvest today."),
    )
    meta = catalogue(doc)
    assert meta.title.main == "Letter, Kim Il to Pak Chang-ok"
    assert meta.title.source is TitleSource.ARCHIVE
    assert meta.catalogue.title == "Letter, Kim Il to Pak Chang-ok"
    assert catalogue_warnings(meta) == (
        "no title printed in the document: the main title is the archive's",
        "no document date found",
    )


ARCHIVED = "From the Diary of B.K. Lund, 'Record of a Talk with Tomas Arbelo, 4 March 1964'"


@pytest.mark.parametrize(
    ("lines", "main"),
    [
        # The author's line was lost between "from the diary of" and "with …".
        (["from the diary of", "with Tomas ARBELO, Head", "of the Planning Board"], ARCHIVED),
        # The heading words were lost ("Record of a talk" before "with …").
        (["with the deputy head of the planning board for trade"], ARCHIVED),
        # A title wrapped where no words are missing stays the printed one.
        (
            ["Record of the talk of", "the Planning Board"],
            "Record of the talk of the Planning Board",
        ),
    ],
)
def test_a_title_with_lost_lines_yields_to_the_archives(lines: list[str], main: str) -> None:
    doc = document(
        block(Role.COVER, ARCHIVED, path=COVER, type="title"),
        *(block(Role.TITLE, line, path=FRONT) for line in lines),
        block(Role.PARAGRAPH, "I met with T. Arbelo at his office."),
    )
    assert catalogue(doc).title.main.startswith(main)


def test_a_letter_spaced_title_is_read_closed_up() -> None:
    spaced = document(
        block(Role.TITLE, "N o t e", path=FRONT),
        block(Role.TITLE, "of a Meeting between Comrade Wendt and Minister Bakri", path=FRONT),
    )
    assert catalogue(spaced).title.main == (
        "Note of a Meeting between Comrade Wendt and Minister Bakri"
    )
    # A kind word alone, once closed up, gives way to the archive's title.
    alone = document(
        block(Role.COVER, "Memorandum of a Talk between Wendt and Bakri", path=COVER, type="title"),
        block(Role.TITLE, "N o t e", path=FRONT),
        block(Role.PARAGRAPH, "At the beginning, the minister thanked the hosts."),
    )
    assert catalogue(alone).title.main == "Memorandum of a Talk between Wendt and Bakri"


SERIES = "Cables from the Legation, Quito, to the Foreign Office, 3-5 June 1971"
FIRST = "Cable no. 412, 3 June 1971"


def _series(archive_title: str) -> Document:
    days = "3-5 June 1971" if "3-5" in archive_title else "3 June 1971"
    span = {"from": "1971-06-03", "to": "1971-06-05"} if "3-5" in days else {"when": "1971-06-03"}
    return document(
        block(Role.COVER, archive_title, mark(archive_title, days, "date", **span), path=COVER,
              type="title"),
        block(Role.TITLE, FIRST, mark(FIRST, "3 June 1971", "date", when="1971-06-03"),
              path=FRONT),
        block(Role.PARAGRAPH, "The minister received me at noon."),
        genre="telegram",
    )  # fmt: skip


def test_an_archive_title_naming_a_series_gives_the_title_and_the_span_of_days() -> None:
    meta = catalogue(_series(SERIES))
    assert (meta.title.main, meta.title.source) == (SERIES, TitleSource.ARCHIVE)
    assert meta.date.text == "3-5 June 1971"
    assert dict(meta.date.attrs) == {
        "from": "1971-06-03",
        "to": "1971-06-05",
        "source": "#archive-title",
    }


@pytest.mark.parametrize(
    "archive_title",
    [
        # One cable in the archive's title, or a series without a span of days.
        "Cable from the Legation, Quito, to the Foreign Office, 3-5 June 1971",
        "Cables from the Legation, Quito, to the Foreign Office, 3 June 1971",
    ],
)
def test_without_a_series_and_its_span_the_printed_title_wins(archive_title: str) -> None:
    meta = catalogue(_series(archive_title))
    assert meta.title.main == FIRST
    assert dict(meta.date.attrs) == {"when": "1971-06-03"}


def test_without_any_title_one_is_built_from_kind_parties_and_date_never_from_the_text() -> None:
    sender, recipient = "From: Embassy in Moscow", "To: Foreign Minister"
    doc = document(
        block(Role.ADDRESS, sender, mark(sender, "Moscow", "placeName"), role="sender"),
        block(Role.ADDRESS, recipient, role="recipient"),
        block(Role.DOC_DATE, "1 May 1957"),
        block(Role.PARAGRAPH, "Comrade Ivanov reported on the harvest in the provinces."),
        doc_date=(("when", "1957-05-01"),),
        genre="telegram",
    )
    meta = catalogue(doc)
    assert meta.title.main == "Telegram from Embassy in Moscow to Foreign Minister, 1 May 1957"
    assert meta.title.source is TitleSource.CONSTRUCTED
    assert "constructed" in catalogue_warnings(meta)[0]
    untitled = catalogue(document(block(Role.DOC_DATE, "1 May 1957"), block(Role.PARAGRAPH, "x")))
    assert untitled.title.main == "Document, 1 May 1957"


def test_with_no_words_at_all_the_file_name_is_the_title() -> None:
    meta = catalogue(document(block(Role.MARKING, "SECRET", path=FRONT, type="classification")))
    assert meta.title.main == "memo.txt"


def test_the_date_falls_back_to_the_first_date_of_the_dateline() -> None:
    line = "Pyongyang, 3 June 1959, 14:00"
    meta = catalogue(
        document(block(Role.DATELINE, line, mark(line, "3 June 1959", "date", when="1959-06-03")))
    )
    assert meta.date.text == "3 June 1959"


def test_a_document_date_read_from_a_title_keeps_the_titles_words() -> None:
    period = "for the period from 1 to 15 June 1955"
    span = (("from", "1955-06-01"), ("to", "1955-06-15"))
    words = "from 1 to 15 June 1955"
    meta = catalogue(
        document(
            block(Role.SUBTITLE, period, mark(period, words, "date", **dict(span)), path=FRONT),
            doc_date=span,
        )
    )
    assert meta.date == Phrase(words, span)


def test_the_period_a_title_is_about_gives_way_to_the_datelines_day() -> None:
    line, about = "Warsaw, March 4, 1971", "Report on trade in the second half of 1970"
    span = {"from": "1970-07-01", "to": "1970-12-31"}
    meta = catalogue(
        document(
            block(Role.DATELINE, line, mark(line, "March 4, 1971", "date", when="1971-03-04")),
            block(Role.TITLE, about, mark(about, "second half of 1970", "date", **span)),
            doc_date=(("when", "1971-03-04"),),
        )
    )
    assert meta.date == Phrase("March 4, 1971", (("when", "1971-03-04"),))
    # Without a dateline, the period is the only date the document gives itself.
    alone = catalogue(
        document(block(Role.TITLE, about, mark(about, "second half of 1970", "date", **span)))
    )
    assert alone.date == Phrase("second half of 1970", tuple(span.items()))


def test_markings_get_one_id_each_and_their_normalised_values() -> None:
    copy, registration = "Copy Nº 2", "Nº 0417"
    printed, run = "1 February 1958", "Three copies printed"
    doc = document(
        block(Role.MARKING, "SECRET", path=FRONT, type="classification"),
        block(Role.MARKING, copy, mark(copy, "2", "num", value="2"), type="copyNumber"),
        block(Role.MARKING, "Top secret", path=FRONT, type="classification"),
        block(
            Role.MARKING,
            registration,
            mark(registration, "0417", "idno", type="registration"),
            type="registration",
        ),
        block(
            Role.MARKING,
            printed,
            mark(printed, printed, "date", when="1958-02-01"),
            type="printDate",
        ),
        block(Role.MARKING, run, mark(run, "Three", "num", value="3"), type="printRun"),
    )
    ids = [b.attr("xml:id") for b in doc.blocks]
    assert ids == [
        "mk-classification",
        "mk-copyNumber",
        "mk-classification-2",
        "mk-registration",
        "mk-printDate",
        "mk-printRun",
    ]
    # The id comes first, so the fw keeps its attribute order.
    assert doc.blocks[0].attrs == (("xml:id", "mk-classification"), ("type", "classification"))
    meta = catalogue(doc)
    assert meta.markings[0] == Marking("mk-classification", "classification", "SECRET")
    assert meta.markings[1].value == Phrase("2", (("value", "2"),))
    assert meta.marking("classification") == meta.markings[0]
    assert meta.print_date == Phrase(printed, (("when", "1958-02-01"),))
    assert meta.markings[5].value == Phrase("Three", (("value", "3"),))
    assert meta.numbers == (Identifier("copy", "2"), Identifier("registration", "0417"))


def test_identify_markings_twice_gives_the_same_ids() -> None:
    assert identify_markings(DECISION) == DECISION


def test_the_issuer_is_the_organisation_signing_the_closer_by_its_full_name() -> None:
    signed = "KWP CC"
    kwp = Entity("org-kwp-cc", EntityType.ORG, "KWP CC", full_name="Central Committee of the KWP")
    doc = document(
        *DECISION.blocks,
        block(Role.SIGNED, signed, mark(signed, "KWP CC", "orgName", ref="#org-kwp-cc")),
        entities=(kwp,),
    )
    assert catalogue(doc).issuer == Name(
        "Central Committee of the KWP", "orgName", (("ref", "#org-kwp-cc"),)
    )
    # Without the closer, the organisation in the title; its printed words without a record.
    assert catalogue(DECISION).issuer == Name("KWP CC", "orgName", (("ref", "#org-kwp-cc"),))


def test_a_byline_author_makes_the_issuer_a_person() -> None:
    line = "Ambassador A. Petrov"
    byline = block(
        Role.BYLINE,
        line,
        mark(line, line, "docAuthor"),
        mark(line, "A. Petrov", "persName", ref="#pers-petrov"),
        path=FRONT,
    )
    meta = catalogue(document(byline, block(Role.PARAGRAPH, "Text.")))
    assert meta.issuer == Name("A. Petrov", "persName", (("ref", "#pers-petrov"),))


def test_signers_in_the_back_with_what_they_did() -> None:
    signer = "I. Kolev [signature]"
    named = "Minutes taken by: J. Novak"
    doc = document(
        *DECISION.blocks,
        block(Role.BYLINE, "Translated by:", path=BACK),
        block(Role.SIGNED, signer, path=BACK),
        block(Role.SIGNED, "I. KOLEV", path=BACK),
        block(
            Role.BYLINE, named, mark(named, "J. Novak", "persName", ref="#pers-novak"), path=BACK
        ),
    )
    signers = catalogue(doc).responsibilities[:-2]
    # The language comes from the docket when the caption does not name it; a second
    # signature of the same person (same surname) is not a second responsibility.
    assert signers == (
        Responsibility(
            "resp-kolev",
            "translation from Korean, signed in the translators' block",
            (Name("I. Kolev", "persName"),),
        ),
        Responsibility(
            "resp-novak",
            "minutes of the meeting, signed in the recorder's block",
            (Name("J. Novak", "persName", (("ref", "#pers-novak"),)),),
        ),
    )


def test_a_typists_resp_is_the_caption_without_the_name_and_date_on_its_line() -> None:
    typed = "Typed by Petrova on 4/7/53 at 9:15 a.m."
    doc = document(
        *DECISION.blocks,
        block(
            Role.BYLINE, typed, mark(typed, "Petrova", "persName", ref="#pers-petrova"), path=BACK
        ),
    )
    assert catalogue(doc).responsibilities[0] == Responsibility(
        "resp-petrova",
        "typed, signed in the closing block",
        (Name("Petrova", "persName", (("ref", "#pers-petrova"),)),),
    )


def english(doc: Document, sidecar: Sidecar | None = None) -> Responsibility:
    found = [r for r in catalogue(doc, sidecar).responsibilities if r.id == "resp-translator-en"]
    return found[0]


CITED = "Citation: “Letter,” 1961, Example Digital Archive, RGASPI, f. 17, op. 3, d. 8, ll. 1-4. Translated by Ann Lee and Bo Kim. https://example.org/document/5"  # noqa: E501


def test_the_english_translator_from_the_sidecar_else_the_citation_never_the_banner() -> None:
    assert english(DECISION, Sidecar(translator_en="A. Reader")).names == (
        Name("A. Reader", "persName"),
    )
    cited = document(*DECISION.blocks, block(Role.COVER, CITED, path=COVER, type="citation"))
    assert english(cited).names == (Name("Ann Lee", "persName"), Name("Bo Kim", "persName"))
    # The banner names the archive that publishes the translation, not its translator.
    assert english(DECISION).names == (Name("Unknown translator"),)
    plain = document(block(Role.PARAGRAPH, "Text."))
    assert english(plain).names == (Name("Unknown translator"),)
    # The encoder is always last.
    assert catalogue(plain).responsibilities[-1].id == "resp-encoder"


def test_the_english_translators_resp_names_the_language_translated_from() -> None:
    assert english(DECISION).resp == (
        "English translation, including every square-bracketed insertion"
    )
    russian = english(DECISION, Sidecar(manuscript_language="ru"))
    assert russian.resp.startswith("English translation from Russian, including")
    original = document(
        block(Role.COVER, "Original Language: English", mark("Original Language: English",
              "Original Language:", "label"), path=COVER, type="originalLanguage"),
    )  # fmt: skip
    assert english(original).resp.startswith("Transcription of the English original")


def test_interpreters_and_recorders_credited_in_the_text() -> None:
    interpreted = "Attaché Kim Chol translated the conversation."
    recorded = "Recorded by: First Secretary V. Pelishenko"
    doc = document(
        *DECISION.blocks,
        block(
            Role.PARAGRAPH,
            interpreted,
            mark(interpreted, "Kim Chol", "persName", ref="#pers-kim-chol"),
        ),
        block(
            Role.BYLINE,
            recorded,
            mark(recorded, "V. Pelishenko", "persName", ref="#pers-pelishenko"),
        ),
        participants=(
            Participant("pers-kim-chol", "Kim Chol", roles=("present",)),
            Participant("pers-lee", "Lee", roles=("interlocutor",)),
        ),
    )
    meta = catalogue(doc)
    assert meta.responsibilities[:2] == (
        Responsibility(
            "resp-kim-chol",
            "interpreter",
            (Name("Kim Chol", "persName", (("ref", "#pers-kim-chol"),)),),
        ),
        Responsibility(
            "resp-pelishenko",
            "recorder",
            (Name("V. Pelishenko", "persName", (("ref", "#pers-pelishenko"),)),),
        ),
    )
    # A participant credited with interpreting has that role too.
    assert [p.roles for p in meta.participants.people] == [
        ("present", "interpreter"),
        ("interlocutor",),
    ]


def test_archive_source_and_languages_from_sidecar_and_banner() -> None:
    sidecar = Sidecar(
        archive="Another Archive",
        country="Hungary",
        repository="National Archives",
        idno="XIX-J-1-j",
        url="https://example.org/doc/1",
        source_language="ko",
        summary="A decision.",
        form="typescript",
        file="memo.meta.toml",
    )
    meta = catalogue(DECISION, sidecar)
    assert (meta.archive.country, meta.archive.repository) == ("Hungary", "National Archives")
    assert meta.archive.idnos == (Identifier("shelfmark", "XIX-J-1-j"),)
    assert meta.source.publisher == "Another Archive"
    assert meta.source.edition == "Translation - English"
    assert meta.source.pages == 3
    assert meta.source.idnos == (
        Identifier("sourceFile", "memo.txt"),
        Identifier("URI", "https://example.org/doc/1"),
    )
    assert meta.source.url == "https://example.org/doc/1"
    assert (meta.languages.original, meta.languages.note) == ("ko", "Translation from Korean")
    # The docket says the described document is a translation; in which language, nobody says.
    assert (meta.languages.manuscript, meta.languages.cert) == ("", "")
    assert (meta.summary, meta.physical.form) == ("A decision.", "typescript")
    # Without the sidecar, the banner's archive is the publisher.
    assert catalogue(DECISION).source.publisher == "Example Archive"


def test_hands_from_signature_and_addition_marks() -> None:
    text = "I. Kolev [signature] [handwritten: agreed]"
    signature = mark(text, "signature", "seg", type="description", subtype="signature")
    addition = mark(text, "handwritten: agreed", "add")
    meta = catalogue(document(block(Role.SIGNED, text, signature, addition)))
    assert (meta.physical.signatures, meta.physical.handwriting) == (True, True)
    assert catalogue(DECISION).physical.signatures is False


def test_correspondents_from_the_address_blocks() -> None:
    sender = "From: Embassy in Moscow"
    doc = document(
        block(
            Role.ADDRESS,
            sender,
            mark(sender, "Moscow", "placeName", ref="#place-moscow"),
            role="sender",
        ),
        block(Role.ADDRESS, "To: the Foreign Minister", role="recipient"),
        block(Role.DOC_DATE, "6 September 1956"),
        block(Role.PARAGRAPH, "Text."),
        doc_date=(("when", "1956-09-06"),),
    )
    sent, received = catalogue(doc).correspondence
    assert (sent.type, sent.names, sent.date) == (
        "sent",
        (Name("Moscow", "placeName", (("ref", "#place-moscow"),)),),
        (("when", "1956-09-06"),),
    )
    # No name is marked: the address without its label; only the sending is dated.
    assert (received.type, received.names, received.date) == (
        "received",
        (Name("the Foreign Minister"),),
        (),
    )


def test_participants_are_carried_over() -> None:
    person = Participant("pers-kim", "Kim", roles=("interlocutor",), side="side-korea")
    doc = document(
        block(Role.PARAGRAPH, "Text."),
        participants=(person,),
        groups=(("side-korea", "Korean side"),),
    )
    meta = catalogue(doc)
    assert meta.participants.people == (person,)
    assert meta.participants.groups == (("side-korea", "Korean side"),)


# --- the archive's cover, the language chain, the document date ---------------------------------

SUMMARY = "Summary: Kim and Pak discuss the harvest."
CREDITS = "Credits: This document was made possible with support from the Example Foundation and the Other Fund."  # noqa: E501


def labelled(text: str, field: str) -> Block:
    """A cover block whose label ends at the first colon."""
    label = text[: text.index(":") + 1]
    return block(Role.COVER, text, mark(text, label, "label"), path=COVER, type=field)


COVERED = document(
    block(Role.COVER, "March 05, 1961", path=COVER, type="date"),
    block(Role.COVER, "Letter, Kim to Pak", path=COVER, type="title"),
    labelled(CITED, "citation"),
    labelled(SUMMARY, "summary"),
    labelled(CREDITS, "credits"),
    labelled("Original Language: Russian", "originalLanguage"),
    block(Role.PARAGRAPH, "The text."),
    genre="letter",
)


def test_the_covers_catalogue_data_fills_the_fact_sheet() -> None:
    meta = catalogue(COVERED)
    assert meta.catalogue.title == "Letter, Kim to Pak"
    assert meta.catalogue.date == Phrase("March 05, 1961", (("when", "1961-03-05"),))
    assert meta.catalogue.citation.startswith("“Letter,” 1961")
    assert meta.catalogue.funders == ("Example Foundation", "Other Fund")
    assert meta.summary == "Kim and Pak discuss the harvest."
    assert meta.archive.repository == "RGASPI"
    assert [i.type for i in meta.archive.idnos] == ["fond", "opis", "delo"]
    assert meta.archive.locus == Phrase("ll. 1-4", (("from", "1"), ("to", "4")))
    assert meta.source.url == "https://example.org/document/5"
    # The sidecar wins where both speak.
    sidecar = Sidecar(idno="Box 4", summary="Mine.", repository="City Archive")
    mine = catalogue(COVERED, sidecar)
    assert (mine.archive.repository, mine.archive.idnos, mine.archive.locus) == (
        "City Archive",
        (Identifier("shelfmark", "Box 4"),),
        None,
    )
    assert mine.summary == "Mine."


def test_the_archives_date_is_the_document_date_only_when_none_is_printed() -> None:
    meta = catalogue(COVERED)
    assert meta.date == Phrase(
        "March 05, 1961", (("when", "1961-03-05"), ("source", "#archive-date"))
    )
    assert catalogue_warnings(meta) == (
        "no title printed in the document: the main title is the archive's",
        "no date printed in the document: the document date is the archive's",
    )
    line = "Pyongyang, 2 March 1961"
    dated = document(
        *COVERED.blocks,
        block(Role.DATELINE, line, mark(line, "2 March 1961", "date", when="1961-03-02")),
    )
    assert catalogue(dated).date == Phrase("2 March 1961", (("when", "1961-03-02"),))


def test_a_date_in_the_title_dates_the_document_unless_it_ends_an_unread_range() -> None:
    held = "Minutes of the Politburo Held on May 3, 1958"
    title = block(Role.TITLE, held, mark(held, "May 3, 1958", "date", when="1958-05-03"))
    meta = catalogue(document(title, block(Role.PARAGRAPH, "Text.")))
    assert meta.date == Phrase("May 3, 1958", (("when", "1958-05-03"),))
    assert meta.title.main == held  # the title holds its date already
    period = "for the period 16 through 30 August 1957"
    tail = block(Role.TITLE, period, mark(period, "30 August 1957", "date", when="1957-08-30"))
    assert catalogue(document(tail)).date == Phrase()


def test_a_signing_date_dates_a_letter_but_not_a_record() -> None:
    line = "6 November 1945"
    closing = block(
        Role.DATELINE,
        line,
        mark(line, line, "date", when="1945-11-06"),
        path=(*BODY, Container("closer", "closer")),
    )
    letter = catalogue(document(block(Role.PARAGRAPH, "Text."), closing, genre="letter"))
    assert letter.date == Phrase(line, (("when", "1945-11-06"),))
    record = document(block(Role.PARAGRAPH, "Text."), closing, genre="record of conversation")
    assert catalogue(record).date == Phrase()
    assert "no document date found" in catalogue_warnings(catalogue(record))


def test_the_language_chain_from_docket_cover_and_sidecar() -> None:
    def chain(doc: Document, sidecar: Sidecar | None = None) -> tuple[str, str, str, str]:
        found = catalogue(doc, sidecar).languages
        return found.original, found.manuscript, found.cert, found.words

    # The cover names the language of the document the archive translated.
    assert chain(COVERED) == ("ru", "ru", "high", "Russian")
    # A docket saying that document is itself a translation names the original.
    docket = document(
        block(Role.MARKING, "Translation from Korean", path=FRONT, type="translationNote"),
        *COVERED.blocks,
    )
    assert chain(docket) == (
        "ko",
        "ru",
        "high",
        "Russian translation of a Korean original (docket: Translation from Korean)",
    )
    # The sidecar wins, and states the language without doubt.
    assert chain(docket, Sidecar(manuscript_language="ru", source_language="ko"))[1:3] == (
        "ru",
        "",
    )
    # Nothing names the described document's language: it stays unknown.
    assert chain(DECISION)[:2] == ("ko", "")


def test_a_printed_title_naming_only_the_kind_yields_to_the_archives() -> None:
    doc = document(
        block(Role.COVER, "Ciphered Telegram, Pak to Kim", path=COVER, type="title"),
        block(Role.TITLE, "CIPHERED TELEGRAM", path=FRONT),
        block(Role.PARAGRAPH, "Text."),
    )
    meta = catalogue(doc)
    assert (meta.title.main, meta.title.source) == (
        "Ciphered Telegram, Pak to Kim",
        TitleSource.ARCHIVE,
    )
    assert meta.title.printed == "Ciphered Telegram"  # still the manuscript's title
    # A printed title naming its parties is the main title.
    named = document(*doc.blocks[:1], block(Role.TITLE, "TELEGRAM TO KIM IL", path=FRONT))
    assert catalogue(named).title.source is TitleSource.PRINTED


def test_a_cables_file_heading_yields_to_the_archives_title() -> None:
    doc = document(
        block(Role.COVER, "Cable no. 7 from the Embassy in Ruritania", path=COVER, type="title"),
        block(Role.TITLE, "Telegram from Strelsau File # 4.512", path=FRONT),
        block(Role.PARAGRAPH, "Text."),
    )
    meta = catalogue(doc)
    assert (meta.title.main, meta.title.source) == (
        "Cable no. 7 from the Embassy in Ruritania",
        TitleSource.ARCHIVE,
    )
    # Without a file number, a heading naming its origin stays the printed title.
    named = document(*doc.blocks[:1], block(Role.TITLE, "Telegram from Strelsau", path=FRONT))
    assert catalogue(named).title.source is TitleSource.PRINTED


def test_a_cable_forms_receipt_heading_yields_to_the_archives_title() -> None:
    doc = document(
        block(Role.COVER, "Cable from the Embassy in Ruritania, 'Talks'", path=COVER, type="title"),
        block(Role.TITLE, "Cable Received by the Foreign Ministry", path=FRONT),
        block(Role.PARAGRAPH, "Text."),
    )
    meta = catalogue(doc)
    assert (meta.title.main, meta.title.source) == (
        "Cable from the Embassy in Ruritania, 'Talks'",
        TitleSource.ARCHIVE,
    )
    # A title that goes on after the receipt names more than the kind, and stays.
    named = document(
        *doc.blocks[:1],
        block(Role.TITLE, "Report on the Talks Received by the Ministry", path=FRONT),
    )
    assert catalogue(named).title.source is TitleSource.PRINTED


def test_the_parties_on_a_titles_continuation_line_are_not_its_issuer() -> None:
    line = "with the Minister of Trade of the DPRK"
    doc = document(
        block(Role.TITLE, "RECORD OF CONVERSATION", path=FRONT),
        block(Role.TITLE, line, mark(line, "Minister of Trade", "orgName"), path=FRONT),
    )
    assert catalogue(doc).issuer is None


def test_a_classification_marking_carries_the_level_it_points_to() -> None:
    doc = document(
        block(
            Role.MARKING,
            "Strictly secret",
            path=FRONT,
            type="classification",
            ana="#cls-top-secret",
        ),
        block(Role.MARKING, "Highly classified!", path=FRONT, type="classification"),
    )
    meta = catalogue(doc)
    assert [(m.text, m.level) for m in meta.markings] == [
        ("Strictly secret", "top secret"),
        ("Highly classified!", ""),
    ]
    assert meta.classification == meta.markings[0]


def test_the_diarist_a_byline_names_is_the_author_before_a_body_in_the_title() -> None:
    line = "From the Diary of P. K. Orlov"
    title = "Record of Conversation with the chairman of the State Council of Ruritania"
    doc = document(
        block(
            Role.BYLINE,
            line,
            mark(line, "P. K. Orlov", "docAuthor"),
            mark(line, "P. K. Orlov", "persName", ref="#pers-orlov"),
            path=FRONT,
        ),
        block(
            Role.TITLE,
            title,
            mark(title, "State Council of Ruritania", "orgName", ref="#org-state-council"),
            path=FRONT,
        ),
    )
    assert catalogue(doc).issuer == Name("P. K. Orlov", "persName", (("ref", "#pers-orlov"),))


def test_a_body_after_with_in_a_title_is_a_party_not_the_issuer() -> None:
    title = "Record of the Talk of Chairman Tanev with a Correspondent of the Ruritanian Agency"
    doc = document(
        block(
            Role.TITLE,
            title,
            mark(title, "Ruritanian Agency", "orgName", ref="#org-agency"),
            path=FRONT,
        ),
    )
    assert catalogue(doc).issuer is None


def test_a_word_printed_small_amid_capitals_keeps_its_case_in_the_title() -> None:
    title = block(Role.TITLE, "RECORD OF CONVERSATION WITH c. PETROV")
    assert title_case(title, {}) == "Record of Conversation with c. Petrov"
