"""Structure of whole converted documents, checked against what each source prints.

Every expected value here was read off the source text (tests/fixtures/documents/*.txt, the
bundled sample, the guide's conversation example) and the encoding guide, not off the output.
"""

from __future__ import annotations

from tests.converter.conftest import XML_ID, converted, text_of, xp


def test_sample_front_docket_title_and_date() -> None:
    tree = converted("sample")
    front = xp(tree, "//tei:front")[0]
    kinds = [fw.get("type") for fw in xp(front, "tei:fw")]
    # Left column first (Translation from Korean, Copy Nº 1), then the right (SECRET).
    assert kinds == ["header", "translationNote", "copyNumber", "classification"]
    assert [fw.get("place") for fw in xp(front, "tei:fw")[1:]] == [
        "top left",
        "top left",
        "top right",
    ]
    assert xp(front, "tei:fw[@type='copyNumber']/tei:num/@value") == ["1"]
    assert text_of(xp(front, ".//tei:titlePart[@type='main']")[0]) == (
        "DECISION OF THE KWP CC PLENUM"
    )
    date = xp(front, ".//tei:docDate")[0]
    assert (date.get("from"), date.get("to"), date.text) == (
        "1956-08-30",
        "1956-08-31",
        "30-31 August 1956",
    )
    assert text_of(xp(front, ".//tei:titlePart[@type='sub']")[0]).startswith("The results of")


def test_sample_sections_pages_and_ordinals() -> None:
    tree = converted("sample")
    divs = xp(tree, "//tei:body/tei:div")
    assert [(d.get("type"), d.get("n")) for d in divs] == [
        ("section", "1"),
        ("section", "2"),
        ("section", "3"),
    ]
    assert [text_of(xp(d, "tei:head")[0]) for d in divs] == ["I.", "2.", "3."]
    # Eight pages: three empty lines seven times, plus the first page.
    assert xp(tree, "//tei:text//tei:pb/@n") == [str(n) for n in range(1, 9)]
    second = xp(tree, "//tei:p[@n='2']")[0]
    assert xp(second, "tei:label/text()") == ["Second."]
    # The break after "scattered," falls mid-sentence, so pb stands inside the paragraph.
    pb = xp(second, "tei:pb")[0]
    assert pb.get("n") == "2"
    assert pb.tail.startswith("but are concentrated")
    # Page 8 starts between two paragraphs of section 3.
    assert xp(tree, "//tei:pb[@n='8']/parent::tei:div/@n") == ["3"]
    assert xp(tree, "//tei:p[@n]/@n") == ["1", "2", "3", "4"]


def test_sample_enumeration_list() -> None:
    tree = converted("sample")
    items = xp(tree, "//tei:list[@type='enumeration']/tei:item")
    assert len(items) == 7
    labels = [text_of(i[0]) for i in items if len(i) and i[0].tag.endswith("label")]
    assert labels[0] == "in the metallurgical industry:"
    assert len(labels) == 6  # "in the agricultural sector put ..." has no colon
    preceding = items[0].getparent().getprevious()
    assert text_of(preceding).endswith("in the following sectors:")


def test_sample_brackets() -> None:
    tree = converted("sample")
    supplied = [text_of(s) for s in xp(tree, "//tei:text//tei:supplied")]
    assert supplied == ["should be", "hold", "ones", "its", "by"]
    low = xp(tree, "//tei:placeName[@cert='low']")
    assert [text_of(p) for p in low] == ["Kansen", "Sondin", "Madon", "Chondin"]
    assert all(p.get("resp") == "#resp-translator-en" for p in low)
    for element in [*xp(tree, "//tei:text//tei:supplied"), *low]:
        assert element.getprevious() is not None or element.getparent().text.endswith("[")
        assert (element.tail or "").startswith("]")
    assert [text_of(s) for s in xp(tree, "//tei:seg[@type='namePart']")] == ["Syn Yep"]
    assert len(xp(tree, "//tei:seg[@subtype='signature']")) == 3


def test_sample_closer_and_back_block() -> None:
    tree = converted("sample")
    signed = xp(tree, "//tei:body/tei:closer/tei:signed")[0]
    assert text_of(xp(signed, "tei:roleName")[0]) == "CHAIRMAN OF THE KWP CC"
    assert text_of(xp(signed, "tei:persName")[0]) == "KIM IL SUNG"
    back = xp(tree, "//tei:back")[0]
    assert [fw.get("type") for fw in xp(back, "tei:fw")] == [
        "printRun",
        "registration",
        "typist",
        "printDate",
    ]
    assert xp(back, "tei:fw[@type='printRun']/tei:num/@value") == ["5"]
    assert xp(back, "tei:fw[@type='registration']/tei:idno/text()") == ["933"]
    assert xp(back, "tei:fw[@type='printDate']/tei:date/@when") == ["1956-09-12"]
    assert text_of(xp(back, "tei:closer/tei:byline")[0]) == "Translated [by]:"
    names = xp(back, "tei:closer/tei:signed/tei:persName/text()")
    assert names == ["Rozanov", "Bulgakov", "Suvorov"]


def test_sample_header() -> None:
    tree = converted("sample")
    assert xp(tree, "//tei:titleStmt/tei:title[@type='main']/text()") == [
        "Decision of the KWP CC Plenum, 30-31 August 1956"
    ]
    assert xp(tree, "//tei:respStmt/@xml:id") == [
        "resp-rozanov",
        "resp-bulgakov",
        "resp-suvorov",
        "resp-translator-en",
        "resp-encoder",
    ]
    assert xp(tree, "//tei:altIdentifier[@type='copy']/tei:idno/text()") == ["1"]
    assert xp(tree, "//tei:altIdentifier[@type='registration']/tei:idno/text()") == ["933"]
    assert xp(tree, "//tei:extent/tei:measure/@quantity") == ["8"]
    assert xp(tree, "//tei:origDate/@when") == ["1956-09-12"]
    assert xp(tree, "//tei:term[@type='docType']/text()") == ["decision"]
    # Every marking is mirrored by exactly one additions item pointing at it.
    ids = [fw.get(XML_ID) for fw in xp(tree, "//tei:text//tei:fw[@xml:id]")]
    corresp = xp(tree, "//tei:additions//tei:item/@corresp")
    assert sorted(corresp) == sorted(f"#{i}" for i in ids)
    assert len(ids) == 7


def test_sample_measures_and_quotes() -> None:
    tree = converted("sample")
    measure = xp(tree, "//tei:measure[@unit='kg']")[0]
    assert (measure.get("atLeast"), measure.get("commodity")) == ("200", "chemical fertilizers")
    assert text_of(measure).startswith("more than 200 kg of chemical fertilizers")
    assert xp(measure, "tei:unit/@unitRef") == ["#unit-jeongbo"]
    assert xp(tree, "//tei:unit/@unitRef") == ["#unit-jeongbo"]
    assert xp(tree, "//tei:unitDef/@xml:id") == ["unit-jeongbo"]
    duration = xp(tree, "//tei:measure[@type='duration']")[0]
    assert (duration.get("atLeast"), duration.get("atMost")) == ("2", "3")
    titles = [text_of(t) for t in xp(tree, "//tei:text//tei:title")]
    assert titles == ["Overcoming the Cult of Personality and Its Consequences"] * 2
    assert [text_of(q) for q in xp(tree, "//tei:text//tei:q")] == ["an expansion of democracy"]


def test_conversation_example_turns_and_participants() -> None:
    tree = converted("conversation-sample")
    who = xp(tree, "//tei:sp/@who")
    assert who == ["#pers-han-sang-dok", "#pers-karelin", "#pers-han-sang-dok", "#pers-karelin"]
    assert xp(tree, "//tei:sp/tei:speaker")
    assert [text_of(s) for s in xp(tree, "//tei:speaker")] == [
        "KARELIN:",
        "HAN SANG-DOK:",
    ]
    people = {p.get(XML_ID): p.get("role") for p in xp(tree, "//tei:particDesc//tei:person")}
    assert people["pers-karelin"].split()[0] == "author"
    assert "recorder" in people["pers-lobanov"]
    assert "present" in people["pers-lobanov"]
    assert people["pers-ri-chol-u"] == "interpreter"
    # Narrative paragraphs stay outside any sp.
    narrative = xp(tree, "//tei:div/tei:p")
    assert text_of(narrative[0]).startswith("Han Sang-dok came to the Embassy")
    assert xp(tree, "//tei:sp//tei:pb/@n") == ["2"]
    assert xp(tree, "//tei:ab[@type='participants']")
    assert xp(tree, "//tei:front/tei:byline/tei:docAuthor/tei:persName/@ref") == ["#pers-karelin"]


def test_telegram_opener_and_markings() -> None:
    tree = converted("ciphered-telegram-ivanov-1956")
    assert xp(tree, "//tei:fw[@type='telegramNumber']/tei:idno/text()") == ["1234"]
    assert xp(tree, "//tei:fw[@type='handling']/text()") == ["Making copies is forbidden"]
    assert xp(tree, "//tei:fw[@type='copyNumber']/tei:num/@value") == ["2"]
    opener = xp(tree, "//tei:div[@type='telegram']/tei:opener")[0]
    # "To Comrade N. T. Fedorenko." after the dateline addresses the telegram too.
    roles = [a.get("role") for a in xp(opener, "tei:address")]
    assert roles == ["sender", "recipient", "recipient"]
    assert text_of(xp(opener, "tei:address[@role='sender']")[0]) == "From: Pyongyang"
    assert xp(opener, "tei:dateline/tei:date/@when") == ["1956-09-06"]
    assert xp(tree, "//tei:altIdentifier[@type='telegram']/tei:idno/text()") == ["1234"]
    assert xp(tree, "//tei:correspAction/@type") == ["sent", "received"]
    # A telegram is narrative: reported speech stays in its paragraph.
    assert not xp(tree, "//tei:sp")
    assert text_of(xp(tree, "//tei:body/tei:closer/tei:signed")[0]) == "AMBASSADOR IVANOV"


def test_letter_salutations_and_swapped_closing_columns() -> None:
    tree = converted("letter-ministry-of-culture-1957")
    opener = xp(tree, "//tei:opener")[0]
    assert text_of(xp(opener, "tei:dateline")[0]) == "Pyongyang, 5 March 1957"
    assert text_of(xp(opener, "tei:salute")[0]) == "Dear Comrade Ambassador!"
    closer = xp(tree, "//tei:body/tei:closer")[0]
    assert text_of(xp(closer, "tei:salute")[0]) == "With communist greetings,"
    # Office and name on separate lines form one signed (guide §12).
    signed = xp(closer, "tei:signed")
    assert len(signed) == 1
    assert (
        text_of(signed[0])
        == "MINISTER OF CULTURE AND PROPAGANDA OF THE DPRK HAN SOL-YA [signature]"
    )
    # The translators stand in the left column here, so the back reads closer, then fw.
    back = xp(tree, "//tei:back")[0]
    assert [child.tag.split("}")[1] for child in back] == ["closer", "fw", "fw"]
    assert [fw.get("place") for fw in xp(back, "tei:fw")] == ["bottom right", "bottom right"]
    assert xp(back, "tei:closer/tei:signed/tei:persName/text()") == ["Kurbatov", "Shirokova"]


def test_minutes_participants_agenda_and_turns() -> None:
    tree = converted("minutes-puwp-politburo-1957")
    assert len(xp(tree, "//tei:ab[@type='participants']")) == 2
    agenda = xp(tree, "//tei:list[@type='agenda']/tei:item")
    assert [text_of(i).split()[0] for i in agenda] == ["1.", "2.", "3."]
    speakers = [text_of(s) for s in xp(tree, "//tei:speaker")]
    assert speakers[0] == "Cde. Gomułka:"
    # "Resolved:" is a field, never a turn (guide §13).
    resolved = [p for p in xp(tree, "//tei:p") if text_of(p).startswith("Resolved:")]
    assert resolved
    assert all(p.getparent().tag.endswith("div") for p in resolved)
    assert all(xp(p, "tei:label/text()") == ["Resolved:"] for p in resolved)
    who = set(xp(tree, "//tei:sp/@who"))
    ids = {f"#{i}" for i in xp(tree, "//tei:particDesc//tei:person/@xml:id")}
    assert who <= ids
    assert xp(tree, "//tei:back//tei:byline/tei:persName/text()") == ["J. Tejchma"]


def test_report_roman_sections_and_lettered_points() -> None:
    tree = converted("report-soviet-specialists-1960")
    assert xp(tree, "//tei:div[@type='section']/@n") == ["1", "2", "3"]
    assert xp(tree, "//tei:div[@type='section']/tei:head/text()") == ["I.", "II.", "III."]
    points = xp(tree, "//tei:list[@type='points']")
    assert [len(xp(lst, "tei:item")) for lst in points] == [3, 3]
    assert xp(points[0], "tei:item/tei:label/text()") == ["a)", "b)", "c)"]
    add = xp(tree, "//tei:seg[@subtype='handwriting']/tei:add")[0]
    assert (add.text, add.get("hand")) == ("0123ss", "#hand-annotator")
    assert xp(tree, "//tei:handNote/@xml:id") == ["hand-annotator"]
    assert [text_of(u) for u in xp(tree, "//tei:unclear")] == ["Kusong"]


def test_resolution_page_break_inside_a_name_and_closing_block() -> None:
    tree = converted("resolution-kwp-presidium-1958")
    assert xp(tree, "//tei:pb/@n") == ["1", "2", "3"]
    split = xp(tree, "//tei:orgName[tei:pb]")[0]
    assert text_of(split) == "Communist Party of China"
    assert xp(split, "tei:pb/@n") == ["3"]
    assert text_of(xp(tree, "//tei:gap[@reason='omitted']/tei:desc")[0]) == "..."
    back = xp(tree, "//tei:back")[0]
    assert text_of(xp(back, "tei:closer/tei:byline")[0]) == "Recorded [by]:"
    assert xp(back, ".//tei:gap[@reason='illegible']/tei:desc/text()") == ["illegible signature"]
    assert [fw.get("type") for fw in xp(back, "tei:fw")] == [
        "printRun",
        "registration",
        "printDate",
    ]
    assert not xp(back, "tei:fw[@type='typist']")


def test_journal_entries_stay_narrative() -> None:
    tree = converted("journal-puzanov-1959")
    assert not xp(tree, "//tei:sp")
    assert xp(tree, "//tei:term[@type='docType']/text()") == ["journal"]
    heads = xp(tree, "//tei:div[@type='entry']/tei:head")
    assert [text_of(h) for h in heads] == [
        "4 May 1959",
        "12 May 1959",
        "the 20th of May",
        "28 May 1959",
    ]
    assert [text_of(s) for s in xp(tree, "//tei:ab[@type='separator']")] == ["xxx", "* * *", "xxx"]
    assert xp(tree, "//tei:note[@type='translator']")
    stamp = xp(tree, "//tei:front/tei:fw[@type='marking']/tei:seg[@subtype='stamp']/tei:stamp")
    assert stamp


def test_web_layout_detected_and_side_turns() -> None:
    tree = converted("web-north-south-talks-1972")
    assert "web-text" in xp(tree, "string(//tei:application/tei:desc)")
    assert xp(tree, "//tei:pb/@n") == ["1"]
    assert xp(tree, "//tei:personGrp/@xml:id") == ["grp-north", "grp-south"]
    side = xp(tree, "//tei:speaker/tei:name[@type='side']")[0]
    assert (side.text, side.get("ref")) == ("North", "#grp-north")
    for person in xp(tree, "//tei:particDesc//tei:person"):
        assert xp(person, "tei:affiliation/@ref")[0] in ("#grp-north", "#grp-south")
    assert xp(tree, "//tei:bibl/tei:idno[@type='URI']")  # from the sidecar


def test_text_without_layout_is_plain_paragraphs() -> None:
    tree = converted("hostile-plain-prose")
    assert xp(tree, "//tei:body/tei:div/tei:p")
    assert not xp(tree, "//tei:titlePage | //tei:fw | //tei:head")


def test_flattened_journal_record_reads_as_its_printed_page() -> None:
    tree = converted("export-flattened-journal-record-1963")
    # The record's own date, confirmed by the archive's, is the document date; the covering
    # letterhead's date above the heading is the title page's date only.
    assert xp(tree, "//tei:origDate/@when") == ["1963-03-14"]
    assert xp(tree, "//tei:titlePage/tei:docDate/@when") == ["1963-03-28"]
    assert [text_of(b) for b in xp(tree, "//tei:byline")] == ["from the journal of V. P. MOSKOVSKY"]
    assert text_of(xp(tree, "//tei:titlePart[@type='main']")[0]).startswith(
        "RECORD OF A CONVERSATION with the Minister"
    )
    assert xp(tree, "//tei:fw/@type") == [
        "marking", "letterhead", "registration", "classification", "copyNumber"
    ]  # fmt: skip
    # Numbered items keep their label with their text; the signature closes the record.
    assert [text_of(p)[:5] for p in xp(tree, "//tei:body//tei:p[@n]")] == ["1. Pa", "2. I "]
    assert text_of(xp(tree, "//tei:closer/tei:signed")[0]) == (
        "AMBASSADOR OF THE USSR IN THE DPRK V. MOSKOVSKY"
    )
    refs = {text_of(p): p.get("ref") for p in xp(tree, "//tei:text//tei:persName")}
    assert refs["V. P. MOSKOVSKY"] == refs["V. MOSKOVSKY"] == "#pers-moskovsky"
    assert refs["O. Moskovsky"] == "#pers-o-moskovsky"
    assert refs["N. V. Podgornyy"] == "#pers-podgorny"
    assert refs["PAK SEONG-CHEOL"] == refs["Pak Seong-cheol"] == "#pers-pak-song-chol"


def test_an_addressee_block_under_a_title_fragment_is_the_openers_address() -> None:
    tree = converted("web-telephone-message-addressee-1947")
    # "telegram to …" lost its first words to the line above it: the archive's title is main.
    assert xp(tree, "//tei:titleStmt/tei:title[@type='main']/@subtype") == ["archive"]
    assert [text_of(t) for t in xp(tree, "//tei:titlePart")] == ["telegram to Klement Gottwald"]
    # "to Mr. …" and the office, state and city under it are one address, not subtitles.
    (address,) = xp(tree, "//tei:body//tei:opener/tei:address")
    assert address.get("role") == "recipient"
    assert [text_of(line) for line in xp(address, "tei:addrLine")] == [
        "to Mr. Klement Gottwald",
        "Chairman of the Government of",
        "the Czechoslovak Republic",
        "Prague",
    ]
    assert xp(tree, "//tei:correspAction[@type='received']/tei:persName/@ref") == ["#pers-gottwald"]
    # "V. ZORIN" is an initial and a surname signing the telegram, not section five.
    assert not xp(tree, "//tei:body//tei:div[@type='section'] | //tei:body//tei:head")
    assert text_of(xp(tree, "//tei:closer/tei:signed")[0]) == "V. ZORIN"


def test_an_addressee_under_the_signature_is_no_part_of_it() -> None:
    tree = converted("web-letter-addressee-under-signature-1971")
    (signed,) = xp(tree, "//tei:closer/tei:signed")
    assert text_of(signed) == "[signed Pietro Nenni]"
    (address,) = xp(tree, "//tei:closer/tei:address[@role='recipient']")
    assert [text_of(line) for line in xp(address, "tei:addrLine")] == [
        "Hon. Dr. Mario ROSSI",
        "Minister for Foreign Trade",
        "Ministry of Foreign Trade",
    ]
    # The addressee's ministry is no author of the letter.
    assert not xp(tree, "//tei:titleStmt/tei:author")
    assert xp(tree, "//tei:correspAction[@type='received']/tei:persName/text()") == ["Mario ROSSI"]
