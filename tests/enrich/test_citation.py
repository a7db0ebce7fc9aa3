"""citation: the archive's citation read into holding archive, reference parts and
translators; every citation here is invented."""

from __future__ import annotations

import pytest

from tei_plenum.docmeta import Identifier, Phrase
from tei_plenum.enrich.citation import read_citation

HEAD = "Citation: “Letter, Kim Il to Pak Chang-ok,” May 05, 1961, History and Public Policy Program Digital Archive, "  # noqa: E501


def test_title_date_publisher_and_address():
    found = read_citation(HEAD + "Public Record Office https://example.org/document/12")
    assert found.title == "Letter, Kim Il to Pak Chang-ok"
    assert found.date == "May 05, 1961"
    assert found.publisher == "History and Public Policy Program Digital Archive"
    assert found.url == "https://example.org/document/12"
    assert (found.repository, found.idnos, found.translators) == ("Public Record Office", (), ())


def test_fond_opis_delo_and_leaves_are_split():
    found = read_citation(HEAD + "RGASPI, f. 17, op. 3, d. 1021, ll. 14-19. Translated by Ann Lee.")
    assert found.repository == "RGASPI"
    assert found.idnos == (
        Identifier("fond", "17"),
        Identifier("opis", "3"),
        Identifier("delo", "1021"),
    )
    assert found.locus == Phrase("ll. 14-19", (("from", "14"), ("to", "19")))
    assert found.translators == ("Ann Lee",)


def test_spelled_out_parts_and_a_folder():
    found = read_citation(HEAD + "AVPRF, Fond 0102, Opis 7, Papka 21, Delo 4, Listy 3-8.")
    assert [(i.type, i.value) for i in found.idnos] == [
        ("fond", "0102"),
        ("opis", "7"),
        ("papka", "21"),
        ("delo", "4"),
    ]
    assert found.locus == Phrase("Listy 3-8", (("from", "3"), ("to", "8")))


def test_a_foreign_ministry_file_number_is_its_own_identifier():
    found = read_citation(HEAD + "PRC FMA 109-01234-05, 1-4. Translated for CWIHP by Yu Li.")
    assert found.repository == "PRC FMA"
    assert found.idnos == (Identifier("fmaFile", "109-01234-05"),)
    assert found.locus == Phrase("1-4", (("from", "1"), ("to", "4")))
    assert found.translators == ("Yu Li",)


def test_a_reference_of_unknown_structure_is_kept_whole():
    found = read_citation(
        HEAD + "State Archive, Sofia, Fund 8, a.e. 33, L. 2. Obtained by Ivan Petrov and "
        "translated by Maria Ivanova and Petar Todorov."
    )
    assert found.repository == "State Archive, Sofia"
    assert found.idnos == (Identifier("archival", "Fund 8, a.e. 33, L. 2"),)
    assert found.translators == ("Maria Ivanova", "Petar Todorov")


def test_a_published_source_is_not_split():
    found = read_citation(
        HEAD + "Documents of the Party, edited by J. Nowak, pp. 11-14. Translated by A. Smith."
    )
    assert found.published
    assert found.source == "Documents of the Party, edited by J. Nowak, pp. 11-14"
    assert (found.repository, found.idnos, found.translators) == ("", (), ("A. Smith",))


@pytest.mark.parametrize(
    "tail",
    [
        "Translation from Kim Il, Selected Works (Pyongyang: State Press, 1971).",
        "Collected Papers, vol. 3 (Beijing: People's Press, 1990), 12-15.",
    ],
)
def test_books_are_publications(tail: str):
    assert read_citation(HEAD + tail).published


def test_the_archives_banner_is_never_a_translator():
    found = read_citation(HEAD + "Wilson Center Digital Archive.")
    assert found.translators == ()


@pytest.mark.parametrize(
    ("tail", "translators"),
    [
        ("Obtained for NKIDP by Pavel Horak and translated for NKIDP by Irena Slaba.",
         ("Irena Slaba",)),
        ('CWIHP Working Paper No. 9, "Coal." Translated for CWIHP by Eva Marsh.',
         ("Eva Marsh",)),
        ("Translated by Assistant Professor Maria Petrova; Edited by Dr. Ivan Kolev and "
         "obtained by the Balkan Archive Research Group.", ("Maria Petrova",)),
        ("Translated by Dr. Anna Nowak and Jan Kowalski.", ("Anna Nowak", "Jan Kowalski")),
    ],
)  # fmt: skip
def test_translators_among_other_credits(tail: str, translators: tuple[str, ...]) -> None:
    citation = read_citation(
        f"“A Note,” May 05, 1954, History and Public Policy Program Digital Archive, "
        f"Czech Foreign Ministry Archive. {tail}"
    )
    assert citation.translators == translators
    assert "by" not in citation.repository


def test_a_publication_after_the_reference_is_no_part_of_it() -> None:
    citation = read_citation(
        "“A Letter,” October 12, 1961, History and Public Policy Program Digital Archive, "
        'PZPR Archives, KC 237/V-12. CWIHP Working Paper No. 9, "Coal and Comradeship." '
        "Translated for CWIHP by Eva Marsh."
    )
    assert citation.repository == "PZPR Archives"
    assert citation.idnos == (Identifier("archival", "KC 237/V-12"),)
