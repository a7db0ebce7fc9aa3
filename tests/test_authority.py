"""Authority loading: the bundled file, user overrides, and one clear error per bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_plenum import resources
from tei_plenum.authority import Authority, Period, read_records
from tei_plenum.enrich.names import entity_of
from tei_plenum.errors import ConfigError
from tei_plenum.model import EntityType
from tei_plenum.xmlsafe import parse_xml_file

TEI = "http://www.tei-c.org/ns/1.0"


def _write(tmp_path: Path, body: str, name: str = "user.xml") -> Path:
    path = tmp_path / name
    path.write_text(
        f'<TEI xmlns="{TEI}">\n<teiHeader/>\n<standOff>\n{body}\n</standOff>\n</TEI>\n',
        encoding="utf-8",
    )
    return path


def test_bundled_authority_is_large_and_has_the_checked_identifiers() -> None:
    authority = Authority.load()
    assert authority.size >= 400
    assert dict(authority.record("place-ussr").idnos) == {"wikidata": "Q15180"}
    assert dict(authority.record("place-dprk").idnos) == {"wikidata": "Q423"}
    assert authority.record("event-kwp-congress-3").dates == (("when", "1956-04"),)
    assert authority.record("event-cpsu-congress-20").type is EntityType.EVENT


def test_bundled_file_ids_follow_the_prefix_rules() -> None:
    records = read_records(resources.data_path("authority.xml"))
    prefixes = {EntityType.PERSON: "pers-", EntityType.PLACE: "place-"}
    prefixes |= {EntityType.ORG: "org-", EntityType.EVENT: "event-"}
    for record in records:
        assert record.key.startswith(prefixes[record.type])
        assert record.key == record.key.lower()


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Pak Hon-yong", "pers-pak-heonyeong"),
        ("Pak Heon-yeong", "pers-pak-heonyeong"),
        ("Kim Ir Sen", "pers-kim-il-sung"),
        ("KIM IL SUNG", "pers-kim-il-sung"),
        ("Mao Tse-tung", "pers-mao-zedong"),
        ("Mongolian People’s Republic", "place-mongolian-peoples-republic"),
        ("CPSU CC", "org-cpsu-cc"),
        ("Twentieth Congress of the CPSU", "event-cpsu-congress-20"),
        # A Russian surname's ending in every transliteration.
        ("N. V. Podgornyy", "pers-podgorny"),
        ("Podgorniy", "pers-podgorny"),
        ("Podgornii", "pers-podgorny"),
        ("Malinovskiy", "pers-malinovsky"),
        # Places of industry, rivers and borders.
        ("Anshan", "place-anshan"),
        ("Yangzi River", "place-yangtze"),
        ("Zamyn-Uud", "place-zamyn-uud"),
        ("Seisin", "place-chongjin"),
        ("People's Republic of Mongolia", "place-mongolian-peoples-republic"),
        ("Poznan", "place-poznan"),
        ("Lake Balaton", "place-balaton"),
        ("Zimbabwe", "place-zimbabwe"),
        ("UNESCO", "org-unesco"),
        # Leaders of the non-aligned world, the Eastern bloc and the West.
        ("SIHANOUK", "pers-sihanouk"),
        ("Che Guevara", "pers-guevara"),
        ("Nkomo", "pers-nkomo"),
        ("M. S. Gorbachev", "pers-gorbachev"),
        ("Cyrankiewicz", "pers-cyrankiewicz"),
        ("Hwang Jang Yop", "pers-hwang-jang-yeop"),
        ("Le Duc Tho", "pers-le-duc-tho"),
        ("V. V. Kuznetsov", "pers-vasily-kuznetsov"),
    ],
)
def test_variants_all_caps_and_typographic_apostrophes_resolve(surface: str, key: str) -> None:
    hit = Authority.load().lookup(surface)
    assert hit is not None
    assert hit.key == key


def test_a_polish_or_english_ending_makes_no_transliteration_variant() -> None:
    authority = Authority.load()
    assert authority.lookup("Wyszynski") is not None
    assert authority.lookup("Wyszynskiy") is None
    assert authority.lookup("Kennedyy") is None


def test_find_respects_word_boundaries() -> None:
    authority = Authority.load()
    assert authority.find("UNICEF and CPSUX") == []
    hits = authority.find("the UN, (USSR)")
    assert [(h.start, h.end, h.key) for h in hits] == [(4, 6, "org-un"), (9, 13, "place-ussr")]


def test_user_record_wins_on_id_and_takes_over_a_variant(tmp_path: Path) -> None:
    user = _write(
        tmp_path,
        '<listPerson><person xml:id="pers-ivanov"><persName>Ivan Ivanov</persName>'
        '<persName type="variant">Ivanov</persName></person>'
        '<person xml:id="pers-nam-il-2"><persName>Nam Il</persName></person></listPerson>',
    )
    authority = Authority.load([user])
    assert authority.record("pers-ivanov").name == "Ivan Ivanov"
    assert authority.lookup("V. I. Ivanov") is None
    assert authority.lookup("Nam Il").key == "pers-nam-il-2"
    assert authority.lookup("NAM IL").key == "pers-nam-il-2"


def test_load_is_cached_per_path_tuple(tmp_path: Path) -> None:
    user = _write(
        tmp_path, '<listPlace><place xml:id="place-x"><placeName>Xy</placeName></place></listPlace>'
    )
    assert Authority.load([user]) is Authority.load([user])
    assert Authority.load() is not Authority.load([user])


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("<TEI", None, "not XML"),
        ('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"/>', 1, "not a TEI document"),
    ],
)
def test_files_that_are_not_tei_are_config_errors(
    tmp_path: Path, content: str, line: int | None, message: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as caught:
        Authority.load([path])
    assert caught.value.location.path == str(path)
    if line is not None:
        assert caught.value.location.line == line


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            '<listPlace>\n<place xml:id="place-a"><placeName>A</placeName></place>\n'
            '<place xml:id="place-a"><placeName>B</placeName></place></listPlace>',
            6,
            "duplicate xml:id: .*place-a already defined",
        ),
        (
            '<listOrg>\n<org xml:id="org-x"><orgName type="full">X</orgName></org></listOrg>',
            5,
            "org-x has no <orgName> without @type",
        ),
        ('<listOrg>\n<org xml:id="org-y"><orgName/></org></listOrg>', 5, "empty <orgName>"),
        ("<listOrg>\n<org><orgName>Z</orgName></org></listOrg>", 5, "has no xml:id"),
        (
            '<listOrg>\n<org xml:id="place-z"><orgName>Z</orgName></org></listOrg>',
            5,
            'must start with "org-"',
        ),
    ],
)
def test_malformed_records_name_file_and_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    path = _write(tmp_path, body, "broken.xml")
    with pytest.raises(ConfigError, match=message) as caught:
        Authority.load([path])
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_the_bundled_file_is_valid_tei(tei_all) -> None:  # type: ignore[no-untyped-def]
    tree = parse_xml_file(resources.data_path("authority.xml"))
    assert tei_all.validate(tree), tei_all.error_log.last_error


def test_kim_il_sung_has_his_checked_identifier_and_dated_occupations() -> None:
    record = Authority.load().record("pers-kim-il-sung")
    assert dict(record.idnos) == {"wikidata": "Q41117"}
    premier = next(role for role in record.roles if role.text == "Premier of the DPRK")
    assert premier.dates == (("from", "1948-09-09"), ("to", "1972-12-28"))


def _dated(tmp_path: Path) -> Authority:
    return Authority.load(
        [
            _write(
                tmp_path,
                '<listPlace><place xml:id="place-old" to="1950"><placeName>Valley</placeName>'
                '</place><place xml:id="place-new" from="1960"><placeName>Valley</placeName>'
                '</place></listPlace><listOrg><org xml:id="org-later" from="1970-05">'
                "<orgName>Bureau X</orgName></org></listOrg>",
            )
        ]
    )


def test_a_spelling_shared_by_records_names_the_one_that_holds_at_the_date(
    tmp_path: Path,
) -> None:
    authority = _dated(tmp_path)
    assert authority.lookup("Valley", Period.of({"when": "1945"})).key == "place-old"
    assert authority.lookup("Valley", Period.of({"when": "1965-03-01"})).key == "place-new"
    assert authority.lookup("Valley", Period.of({"when": "1955"})).key == "place-old"


def test_an_organisation_that_did_not_exist_yet_is_never_found(tmp_path: Path) -> None:
    authority = _dated(tmp_path)
    assert authority.lookup("Bureau X", Period.of({"when": "1970-04-30"})) is None
    assert authority.lookup("Bureau X", Period.of({"when": "1970-05-02"})).key == "org-later"
    assert authority.lookup("Bureau X").key == "org-later"


@pytest.mark.parametrize(
    ("surface", "found"),
    [
        ("KIM Il-sung", True),
        ("Kim Il-Sung", True),
        ("kim il sung", False),
        ("DPRK Government", True),
        ("DPRK government", False),
        ("Ussr", False),
        ("Gomulka", True),
        ("GOMUŁKA", True),
    ],
)
def test_folded_spellings_keep_their_capitals_and_acronyms_match_as_printed(
    surface: str, found: bool
) -> None:
    assert (Authority.load().lookup(surface) is not None) is found


def test_a_periodical_record_keeps_its_type() -> None:
    assert Authority.load().record("org-rodong-sinmun").subtype == "newspaper"


def test_a_date_that_is_not_iso_is_a_config_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '<listPlace>\n<place xml:id="place-a" from="May 1950"><placeName>A</placeName></place>'
        "</listPlace>",
    )
    with pytest.raises(ConfigError, match='@from="May 1950" is not an ISO date'):
        Authority.load([path])


@pytest.mark.parametrize(
    ("key", "when", "held"),
    [
        # Malenkov chaired the Council of Ministers from 1953 to 1955 only.
        ("pers-malenkov", "1945-11-14", None),
        ("pers-malenkov", "1954-06-01", "Chairman of the USSR Council of Ministers"),
        # Grechko became Minister of Defense in 1967; Malinovsky held it in 1962.
        ("pers-grechko", "1962-10-23", None),
        ("pers-malinovsky", "1962-10-23", "USSR Minister of Defense"),
        # Molotov's two terms as Foreign Minister, and the years between them.
        ("pers-molotov", "1951-01-01", None),
        ("pers-molotov", "1955-01-01", "USSR Minister of Foreign Affairs"),
        # Mikoyan was a deputy chairman of the Council of Ministers before he was its first.
        ("pers-mikoyan", "1950-10-20", "Deputy Chairman of the USSR Council of Ministers"),
        ("pers-mikoyan", "1953-06-01", None),
        ("pers-mikoyan", "1960-01-01", "First Deputy Chairman of the USSR Council of Ministers"),
    ],
)
def test_an_office_is_shown_only_at_a_date_its_holder_held_it(
    key: str, when: str, held: str | None
) -> None:
    record = Authority.load().record(key)
    assert entity_of(record, Period.of((("when", when),))).occupation == held


def test_a_common_surname_alone_names_nobody() -> None:
    # Many Kuznetsovs and Belyaevs served at once: only a full name or initials identify one.
    authority = Authority.load()
    assert authority.lookup("Kuznetsov") is None
    assert authority.lookup("Belyaev") is None


@pytest.mark.parametrize("printed", ["J.", "Y.", "Jaromir", "Yaromir"])
def test_a_given_name_in_j_is_found_by_its_initial_as_one_in_y(
    tmp_path: Path, printed: str
) -> None:
    """Transliterations write one initial as J or Y: the index and the lookup must fold the
    letter alike, or "J. Vostrel" never finds Jaromír Vostřel."""
    user = _write(
        tmp_path,
        '<listPerson><person xml:id="pers-vostrel"><persName>Jaromír Vostřel</persName>'
        "</person></listPerson>",
    )
    authority = Authority.load([user])
    assert [r.key for r in authority.people_named("Vostrel", printed)] == ["pers-vostrel"]


@pytest.mark.parametrize(
    ("name", "when", "key"),
    [
        ("UAR", "1968", "place-uar"),
        ("United Arab Republic", "1955", None),
        ("Zaire", "1978-07-20", "place-zaire"),
        ("Zaire", "1965", None),
    ],
)
def test_a_state_name_is_never_found_before_the_state_bore_it(
    name: str, when: str, key: str | None
) -> None:
    hit = Authority.load().lookup(name, Period.of({"when": when}))
    assert (hit.key if hit else None) == key


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("Dobrynin", "pers-dobrynin"),
        ("Ulanfu", "pers-ulanhu"),
        ("Khomeini", "pers-khomeini"),
        ("Basargan", "pers-bazargan"),
        ("Central America", "place-central-america"),
        ("South America", "place-south-america"),
        ("North Africa", "place-north-africa"),
        ("East Asia", "place-east-asia"),
        ("Moravia", "place-moravia"),
        ("Durres", "place-durres"),
        ("Vlora", "place-vlore"),
        ("Korca", "place-korce"),
        ("Albanian Labor Party", "org-party-of-labour-of-albania"),
        # The people's republics as translations name them.
        ("Bulgarian People’s Republic", "place-bulgaria"),
        ("Albanian People's Republic", "place-albania"),
        ("People's Republic of Hungary", "place-hungary"),
        ("Rumanian People's Republic", "place-romania"),
        ("People's Republic of Poland", "place-poland"),
    ],
)
def test_the_bundled_file_knows_common_cold_war_names(printed: str, key: str) -> None:
    hit = Authority.load().lookup(printed, Period.of({"when": "1979"}))
    assert (hit.key if hit else None) == key


def _derived(tmp_path: Path) -> Authority:
    """Invented records whose spellings the authority derives others from."""
    return Authority.load(
        [
            _write(
                tmp_path,
                '<listPerson><person xml:id="pers-ri-song-chol"><persName>Ri Song-chol</persName>'
                '</person></listPerson><listPlace><place xml:id="place-rur">'
                '<placeName>RPR</placeName><placeName type="full">Ruritanian People\'s Republic'
                '</placeName><placeName type="variant">North Ruritania</placeName>'
                '<placeName type="variant">Ruritanian Union</placeName>'
                '<placeName type="variant">R.P.R.</placeName></place></listPlace><listOrg>'
                '<org xml:id="org-rwp-cc-bureau"><orgName>RWP CC Bureau</orgName></org>'
                '<org xml:id="org-rur-government"><orgName>Government of the RPR</orgName></org>'
                '<org xml:id="org-ussr-embassy-rur"><orgName>Soviet Embassy in the RPR</orgName>'
                '</org><org xml:id="org-rpr-mfa"><orgName>RPR MFA</orgName></org>'
                '<org xml:id="org-rwp-cc"><orgName>Central Committee of the Ruritanian Workers’'
                ' Party</orgName></org><org xml:id="org-rur-unions-cc"><orgName>Central'
                " Committee of the Ruritanian Trade Unions</orgName></org></listOrg>",
            )
        ]
    )


@pytest.mark.parametrize("surface", ["Ri Songchol", "Ri Song Chol", "RI SONGCHOL"])
def test_a_hyphenated_given_name_is_found_closed_up_and_spaced(
    tmp_path: Path, surface: str
) -> None:
    hit = _derived(tmp_path).lookup(surface)
    assert hit is not None
    assert (hit.key, hit.uncertain) == ("pers-ri-song-chol", False)


def test_a_party_acronym_may_stand_on_either_side_of_cc(tmp_path: Path) -> None:
    authority = _derived(tmp_path)
    assert authority.lookup("CC RWP Bureau").key == "org-rwp-cc-bureau"
    # An organ of the committee may be named without "CC".
    assert authority.lookup("RWP Bureau").key == "org-rwp-cc-bureau"
    # "CC" after the party's acronym may be written out.
    assert authority.lookup("RWP Central Committee Bureau").key == "org-rwp-cc-bureau"
    # Only an acronym moves: "CC" between two words is no party's committee.
    assert authority.lookup("Bureau CC RWP") is None


def test_a_partys_central_committee_may_follow_the_partys_name(tmp_path: Path) -> None:
    authority = _derived(tmp_path)
    found = authority.lookup("Ruritanian Workers’ Party Central Committee")
    assert found is not None
    assert found.key == "org-rwp-cc"
    # Only a party's: the committee of another body keeps its printed order.
    assert authority.lookup("Ruritanian Trade Unions Central Committee") is None


def test_a_states_acronym_in_a_bodys_name_may_be_spelled_out(tmp_path: Path) -> None:
    authority = _derived(tmp_path)
    found = authority.lookup("Government of the Ruritanian People’s Republic")
    assert found is not None
    assert found.key == "org-rur-government"


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        # A variant in words stands where "the" leads the acronym, with the article when
        # its name takes one.
        ("Government of North Ruritania", "org-rur-government"),
        ("Government of the Ruritanian Union", "org-rur-government"),
        ("Soviet Embassy in North Ruritania", "org-ussr-embassy-rur"),
        # A body's acronym after its state's reads also before it, as in Russian.
        ("MFA RPR", "org-rpr-mfa"),
        # "Soviet" and "USSR" name the same state's bodies.
        ("USSR Embassy in the RPR", "org-ussr-embassy-rur"),
        ("USSR Embassy in North Ruritania", None),  # one derivation at a time
        ("Government of the North Ruritania", None),
        ("Government of Ruritanian Union", None),
        ("Government of R.P.R.", None),
    ],
)
def test_a_states_acronym_after_the_may_be_named_otherwise(
    tmp_path: Path, surface: str, key: str | None
) -> None:
    found = _derived(tmp_path).lookup(surface)
    assert (found.key if found else None) == key


def test_a_code_name_names_its_record_only_in_its_time(tmp_path: Path) -> None:
    authority = Authority.load(
        [
            _write(
                tmp_path,
                '<listPerson><person xml:id="pers-leader"><persName>Ivo Markovic</persName>'
                '<persName type="pseudonym" cert="medium" from="1950" to="1952-06-30">'
                "Tomasov</persName></person></listPerson>",
            )
        ]
    )
    during = authority.find("a message from Tomasov", Period.of({"when": "1951-05-02"}))
    assert [(hit.key, hit.uncertain) for hit in during] == [("pers-leader", True)]
    assert authority.find("a message from Tomasov", Period.of({"when": "1960"})) == []
    # A text of unknown date, or a year printed beside the name, decides as a document's date.
    assert authority.lookup("Tomasov") is None
    assert [hit.key for hit in authority.find("Tomasov (1951) wrote")] == ["pers-leader"]
    # Nor is the code name a surname by which other spellings find the person.
    assert authority.people_named("Tomasov") == ()
    assert not authority.knows_surname("Tomasov")


def test_stalins_code_name_in_his_cables_is_his_with_medium_certainty() -> None:
    authority = Authority.load()
    hit = authority.lookup("Filippov", Period.of({"when": "1950-10-01"}))
    assert hit is not None
    assert (hit.key, hit.uncertain) == ("pers-stalin", True)
    assert authority.lookup("Filippov", Period.of({"when": "1962"})) is None


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        # Czechoslovakia's acronyms as Russian documents transliterate them.
        ("ChSR", "place-czechoslovakia"),
        ("ChSSR", "place-czechoslovakia"),
        # "Workers' Party" as translations misprint it.
        ("Worker's Party of Korea", "org-kwp"),
        ("Worker’s Party of Korea", "org-kwp"),
        ("IAEA", "org-iaea"),
        ("International Olympic Committee", "org-ioc"),
        ("Lausanne", "place-lausanne"),
        ("Hunan Province", "place-hunan"),
        # Bare, the Assembly of the documents is the UN's, named with medium certainty.
        ("General Assembly", "org-un-general-assembly"),
        ("International Atomic Energy Agency", "org-iaea"),
        # An embassy named by its state, whose acronym "the" leads spelled out in words.
        ("Embassy of Hungary in North Korea", "org-hungarian-embassy-dprk"),
        ("Embassy of the MPR in the Soviet Union", "org-mpr-embassy-ussr"),
        # A state by its official name, and a former union of two as one place.
        ("Federative Republic of Brazil", "place-brazil"),
        ("Argentine Republic", "place-argentina"),
        ("Austria-Hungary", "place-austria-hungary"),
        ("Vietnam War", "event-vietnam-war"),
        ("Twelfth Congress of the CPC", "event-ccp-congress-12"),
    ],
)
def test_bundled_spellings(surface: str, key: str) -> None:
    found = Authority.load().lookup(surface, Period.of({"when": "1965"}))
    assert found is not None
    assert found.key == key
