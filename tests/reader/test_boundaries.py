"""patterns.boundaries: where a block begins in text flattened onto one line, rule by rule.

Every rule has a test named ``test_start_<rule>`` or ``test_break_<rule>``;
``test_every_rule_has_its_own_test`` keeps it so.
"""

from __future__ import annotations

import sys

from tei_plenum.reader.patterns.boundaries import BREAK_RULES, START_RULES


def start(name: str, text: str) -> str | None:
    """What the start rule ``name`` cuts off the start of ``text``."""
    rule = next(r for r in START_RULES if r.name == name)
    end = rule.end(text, 0)
    return None if end is None else text[:end]


def breaks(name: str, text: str) -> list[str]:
    """The words at which the break rule ``name`` starts a block in ``text``."""
    rule = next(r for r in BREAK_RULES if r.name == name)
    return [text[p:].split()[0] for p in rule.starts(text)]


def test_table_order():
    assert [r.name for r in START_RULES] == [
        "bracketed-note",
        "caps-heading",
        "dateline",
        "date-line",
        "document-number",
        "marking",
        "salute",
        "item-heading",
    ]
    assert [r.name for r in BREAK_RULES] == [
        "field",
        "address",
        "field-value-end",
        "participation",
        "caption",
        "marking",
        "kind",
        "turn",
        "item",
        "caps-paragraph",
        "reported-turn",
        "dashed-line",
        "dash-item",
        "caps-addressee",
        "lost-line-end",
        "dateline",
        "closing",
        "salute",
        "signature",
        "signed",
        "trailing-signer",
        "note",
        "journal",
        "caps-kind",
        "date-line",
    ]


def test_every_rule_has_its_own_test():
    module = sys.modules[__name__]
    missing = [
        f"{kind}_{rule.name}"
        for kind, rules in (("start", START_RULES), ("break", BREAK_RULES))
        for rule in rules
        if not hasattr(module, f"test_{kind}_{rule.name.replace('-', '_')}")
    ]
    assert missing == []


# --- start rules -----------------------------------------------------------------------------


def test_start_bracketed_note():
    text = "[Stamp illegible: “SECRET”] MINUTES OF THE MEETING"
    assert start("bracketed-note", text) == "[Stamp illegible: “SECRET”]"
    assert start("bracketed-note", "[…] Dear Comrades, the text") is None  # an omission mark
    assert start("bracketed-note", "[Stamp illegible] and then the text") is None


def test_start_caps_heading():
    text = "RECORD OF A TALK WITH COMRADE KIM IL 3 March 1958 Present: …"
    assert start("caps-heading", text) == "RECORD OF A TALK WITH COMRADE KIM IL"
    timed = "MEETING IN THE EMBASSY, 5th MAY, 1958, AT 4 p.m. Present: …"
    assert start("caps-heading", timed) == "MEETING IN THE EMBASSY, 5th MAY, 1958, AT 4 p.m."
    # Capitals followed by lower case open a paragraph: no heading.
    assert start("caps-heading", "THE AMBASSADOR AND I went to the ministry.") is None
    assert start("caps-heading", "USSR MFA Moscow") is None  # two capital words only
    # A field's label in capitals is the field's, not a heading.
    assert start("caps-heading", "QUESTIONS ON THE AGENDA: the loan.") is None


def test_start_dateline():
    assert start("dateline", "Pyongyang, 3rd June Memorandum No. 12") == "Pyongyang, 3rd June"
    assert start("dateline", "Moscow, May 5, 1958 To Comrade Kim") == "Moscow, May 5, 1958"
    assert start("dateline", "Moscow, May 5 the delegation left") is None
    text = "Pyongyang, 28 th September, 1955 Dear Comrade Minister,"
    assert start("dateline", text) == "Pyongyang, 28 th September, 1955"
    # A note's bracketed number after it is no continuation; a bracketed word is.
    assert start("dateline", "Moscow, May 5, 1958 [1] See above.") == "Moscow, May 5, 1958"
    assert start("dateline", "Moscow, May 5 [illegible] left") is None


def test_start_document_number():
    assert start("document-number", "Telegram No. 255 Ivan Ivanov to") == "Telegram No. 255"
    assert start("document-number", "Note number 12 From the") == "Note number 12"
    assert start("document-number", "No. 5 of the series was lost") is None
    outgoing = "Outgoing Telegram No. 1185 Section 2"
    assert start("document-number", outgoing) == "Outgoing Telegram No. 1185"


def test_start_marking():
    assert start("marking", "Top secret Minutes of the meeting") == "Top secret"
    assert start("marking", "Copy No. 2 TOP SECRET") == "Copy No. 2"
    assert start("marking", "Secret services were mentioned") is None


def test_start_salute():
    assert start("salute", "Dear Comrade Ambassador! The embassy") == "Dear Comrade Ambassador!"
    assert start("salute", "[…] Dear friends, We met") == "[…] Dear friends,"
    assert start("salute", "Dear as it was, the price") is None
    assert start("salute", "Comrade Minister, The harvest") == "Comrade Minister,"
    assert start("salute", "Comrade Kim said, the harvest") is None
    assert start("salute", "Esteemed Mr. President, I received") == "Esteemed Mr. President,"


def test_start_item_heading():
    text = "2) The harvest in Hwanghae [3] In the spring the rains came."
    assert start("item-heading", text) == "2) The harvest in Hwanghae [3]"
    assert start("item-heading", "2) The harvest failed. In the spring") is None


# --- break rules -----------------------------------------------------------------------------


def test_break_field():
    text = "MINUTES Present: A, B. The agenda: 1) Trade. He said to: nobody."
    assert breaks("field", text) == ["Present:", "The"]
    cable = "Approved by: Li Wen, Han Bo Level: Urgent Copied to: […] Seen by: Kiss P."
    assert breaks("field", cable) == ["Approved", "Level:", "Copied", "Seen"]
    assert breaks("field", "Office of the Chairman Archival Signature: Fund 2") == ["Archival"]
    assert breaks("field", "Atomic Energy Commission REF: C-94-64 Our ref.: 12") == ["REF:", "Our"]
    telegram = "TELEGRAM Sender: Sofia CLASSIFICATION: SECRET Number: R2 Sent: Rome Received: x"
    assert breaks("field", telegram) == [
        "Sender:",
        "CLASSIFICATION:",
        "Number:",
        "Sent:",
        "Received:",
    ]
    assert breaks("field", "FROM 4 MAY 1961 QUESTIONS ON THE AGENDA: the loan") == ["QUESTIONS"]


def test_break_field_value_end():
    text = "To: Comrade Deputy Minister, V. Moraru On May 13, the Ambassador was received."
    assert breaks("field-value-end", text) == ["On"]
    # The value ends at the next label or at a stop before any sentence opens.
    assert breaks("field-value-end", "To: Foreign Minister From: Ambassador Ota Talks") == []
    assert breaks("field-value-end", "To: the Ministry. The delegation came.") == []


def test_break_address():
    text = "Copied to: […] To the Ministry of Foreign Affairs: On the 4th we met."
    assert breaks("address", text) == ["To", "On"]
    assert breaks("address", "Subject: Trade Talks To Comrade Li Wen: We report") == ["To", "We"]
    # Inside a sentence "to" leads no address.
    assert breaks("address", "We sent the note To the Ministry: they agreed.") == []
    assert breaks("address", "We sent the note to the Ministry of Trade: they agreed.") == []


def test_break_participation():
    text = "Held on 5 May 1958 in the presence of comrades: A, B. We met in the presence of: C"
    assert breaks("participation", text) == ["in"]


def test_break_caption():
    assert breaks("caption", "Present: A, B Translated by comr. C. The talk") == ["Translated"]
    assert breaks("caption", "the letter was translated by him") == []


def test_break_marking():
    text = "Account of the Talks 1958 Top secret Minutes of the Meeting. Secret services met."
    assert breaks("marking", text) == ["Top"]
    text = "Conversation with Professor Brandt Top Secret May 22, 1944. The Top Secret file"
    assert breaks("marking", text) == ["Top"]
    # A field's value is no marking of its own.
    assert breaks("marking", "Cable Level: Urgent From: the desk. Secret Copy No. 1") == ["Secret"]


def test_break_kind():
    assert breaks("kind", "typed in 3 copies Minutes from the Meeting") == ["Minutes"]
    assert breaks("kind", "the Minutes of the meeting. Report on trade") == []
    # A cable's direction opens the block of its kind.
    assert breaks("kind", "Urgent (Limited Distribution) Outgoing Telegram No. 11") == ["Outgoing"]
    # After a closing parenthesis, but not after an item's label.
    assert breaks("kind", "the Politburo CC VKP(b) Decision of 3 June") == ["Decision"]
    assert breaks("kind", "Agenda: 1) Information from Moscow") == []


def test_break_turn():
    text = "present as well. Comrade Kim Il: We agree. PAK (North): Yes. He said: no. Also: x"
    # A sentence opened by a pronoun or a function word is no speaker's label.
    assert breaks("turn", text) == ["Comrade", "PAK"]
    # A remark in parentheses may end a turn without a stop, when a sentence follows the label.
    assert breaks("turn", "Four. (later corrected to five) Chen: We have ten.") == ["Chen:"]
    assert breaks("turn", "He met Kim (at last) Lin: a friend") == []
    # A field's value is no turn; only the text's start is cut.
    cable = "Number: R20 Primary: Asian Affairs Bureau To: Foreign Minister From: Ambassador Ota"
    assert breaks("turn", cable) == ["Number:"]


def test_break_item():
    assert breaks("item", "The agenda: 1) Trade. 2. Credits and loans") == ["1)", "2."]
    assert breaks("item", "in 1958 2 delegations came") == []
    # The first item after a number that ends a heading; no later one.
    assert breaks("item", "Separate Telegram Section 2 1. Minister Ota said") == ["1."]
    assert breaks("item", "Separate Telegram Section 2 3. Minister Ota said") == []
    # A protocol's item, numbered through the year, after its decision's date.
    assert breaks("item", "Decision of 3 June 1952 215. Telegram of Comrade Gusev") == ["215."]
    assert breaks("item", "the price rose by 215. Then") == []
    # The item numbered one more than one before it, whatever ends that one.
    series = "The agenda: 1) The loan for the factory 2) The credits 3) Other matters"
    assert breaks("item", series) == ["1)", "2)", "3)"]
    assert breaks("item", "they came in 2) Other ways") == []


def test_break_caps_paragraph():
    text = "Present: A. THE AMBASSADOR asked about it. KIM IL replied. USSR MFA agreed."
    assert breaks("caps-paragraph", text) == ["THE"]
    # An office and a name in capitals that end the text: the signature.
    text = "It lasted an hour. AMBASSADOR OF THE USSR V. MOSKOVSKY"
    assert breaks("caps-paragraph", text) == ["AMBASSADOR"]
    # An item's label is no sentence: what follows opens the item.
    assert breaks("reported-turn", "at the Ministry. 1. Pak Seong-cheol said that") == []


def test_break_reported_turn():
    text = "He came in. Kim Il thanks the Ambassador. The minister said no. Pak Song-chol replied."
    assert breaks("reported-turn", text) == ["Kim", "Pak"]


def test_a_reported_turn_right_after_a_caption_is_found_by_its_speaker():
    # The caption's line end was lost: the turn opens with a speaker who opens a reported
    # turn after a stop elsewhere, so the cut falls before "Tito", not before "Bakaric".
    text = (
        "Translated by comrs. Mićunović and Bakarić Tito sends greetings to comrade "
        "Khrushchev. Khrushchev thanks him. Tito replies that the harvest is good."
    )
    assert breaks("reported-turn", text) == ["Khrushchev", "Tito", "Tito"]
    # No speaker opens a turn after a stop: the boundary is unknowable, nothing cuts.
    alone = "Translated by comrs. Mićunović and Bakarić Tito sends greetings to Khrushchev."
    assert breaks("reported-turn", alone) == []


def test_break_dashed_line():
    text = "to the Minister - Far East Department - On the harvest of the year"
    assert breaks("dashed-line", text) == ["-", "On"]
    assert breaks("dashed-line", "prices - as always - rose") == []


def test_a_docket_of_several_markings_is_cut_marking_by_marking():
    text = "Translation from Korean SECRET Copy No. 2 DECISION OF THE PLENUM"
    assert start("marking", text) == "Translation from Korean"
    assert start("marking", "Copy No. 2 DECISION") == "Copy No. 2"


def test_break_dateline():
    text = "Embassy of Poland in Pyongyang Pyongyang, 14 June 1962 No. 2/62 Secret"
    assert breaks("dateline", text) == ["Pyongyang,"]
    prose = "The talks were held in Beijing, 3 May 1958. They ended in Moscow, 5 May 1958 Then"
    assert breaks("dateline", prose) == []
    spaced = "Embassy of the USSR in the DPRK Pyongyang, 28 th September, 1955 No. 115 Secret"
    assert breaks("dateline", spaced) == ["Pyongyang,"]
    # A note's bracketed number may follow the date.
    noted = "Embassy of Poland in Pyongyang Pyongyang, 14 June 1962 [1] Translator's note: a."
    assert breaks("dateline", noted) == ["Pyongyang,"]
    # A place of two words only where the first opens a place's name.
    assert breaks("dateline", "Senate Committee on Foreign Relations Geneva, 2 May 1979 Dear") == [
        "Geneva,"
    ]
    assert breaks("dateline", "Embassy of the USSR New York, 2 May 1979 Dear") == ["New"]


def test_break_signed():
    text = "Inform us. P. KOVALENKO Minister of Trade sent by Zueva received by Lapin 4 March 1953"
    assert breaks("signed", text) == ["P.", "Minister", "sent", "received", "4"]
    # Not inside a sentence: initials with a surname in capitals after a word, or a clerk's
    # note after a word in small letters.
    assert (
        breaks("signed", "as P. KOVALENKO Minister of Trade said, the letter sent by Zueva") == []
    )


def test_break_trailing_signer():
    assert breaks("trailing-signer", "It will be signed next week. Daskalov") == ["Daskalov"]
    assert breaks("trailing-signer", "He agreed. [Torleiv] Anda") == ["[Torleiv]"]
    assert breaks("trailing-signer", "We agree. (A. Gromyko) 28 September 1950") == ["(A.", "28"]
    # An initial, an initial the translator completed or a copy line's abbreviation ends no
    # sentence; nor does a bracket; and a sentence of capitalised words is no name.
    assert breaks("trailing-signer", "THE DPRK V. MOSKOVSKY") == []
    assert breaks("trailing-signer", "in the MPR [Signature] V[asily]. Pisarev") == []
    assert breaks("trailing-signer", "Marc DUVAL bcc. Director General") == []
    assert breaks("trailing-signer", "2. Cde. Endre Sik 3. File") == []
    assert breaks("trailing-signer", "Embassy in [North] Korea") == []
    assert breaks("trailing-signer", "He said this. We Agree Fully") == []


def test_break_note():
    text = "for goods in 1961.[2] They agreed. [2] “Goods” meant arms. We met [3] times."
    assert breaks("note", text) == ["[2]"]
    # A number the text never called is no note's.
    assert breaks("note", "They agreed. [4] Goods came.") == []


def test_break_signature():
    text = "Orlin was present. SECOND SECRETARY OF THE [signature] EMBASSY (P. ZAGORSKY) 12 copies"
    assert breaks("signature", text) == ["SECOND", "12"]
    # Not inside a sentence, nor without the name's initials.
    assert breaks("signature", "as the SECOND SECRETARY (P. ZAGORSKY) said") == []
    assert breaks("signature", "He left. THE EMBASSY (MOSCOW) agreed") == []


def test_break_closing():
    text = "The harvest was poor. With socialist greetings, J. Kowalski Ambassador"
    assert breaks("closing", text) == ["With", "J."]
    assert breaks("closing", "met with greetings, Kim") == []
    bracketed = "All is well. With comradely greetings, [Otto] Brenner"
    assert breaks("closing", bracketed) == ["With", "[Otto]"]
    # A second close right after the first.
    twice = "All is well. With kind regards, Yours sincerely, [Otto Brenner]"
    assert breaks("closing", twice) == ["With", "Yours", "Yours", "[Otto"]


def test_break_salute():
    text = "REF: C-9 April 13, 1964. Dear Mr. Okafor, I attach the note. [...] Dear friends, we"
    assert breaks("salute", text) == ["Dear"]
    assert breaks("salute", "It was dear to us. Dear as it was, we paid.") == []


def test_start_date_line():
    assert start("date-line", "16 April 1969 (in the afternoon) I visited") == (
        "16 April 1969 (in the afternoon)"
    )
    assert start("date-line", "16 April 1969 Secret") == "16 April 1969"
    assert start("date-line", "16 April 1969 was a cold day") is None
    # The place after the date, before a line in capitals.
    assert start("date-line", "May 20, 1977 Ulaanbaatar TO THE HEAD") == "May 20, 1977 Ulaanbaatar"


def test_break_dash_item():
    text = "the following points: […] - The talks will go on. […] - The side agreed. as - Kim"
    assert breaks("dash-item", text) == ["-", "-", "[…]", "[…]"]
    # An omission in a field's value stays with its label.
    assert breaks("dash-item", "Level: Urgent Copied to: […] Subject: x") == []


def test_break_caps_addressee():
    text = "Hungarian Embassy Ulaanbaatar TO THE HEAD OF THE FOREIGN DEPARTMENT"
    assert breaks("caps-addressee", text) == ["TO"]
    assert breaks("caps-addressee", "He wrote TO: nobody. IN THE MATTER OF TO") == []


def test_break_lost_line_end():
    text = "Memorandum of conversation On the visit of the delegation In accordance with it"
    assert breaks("lost-line-end", text) == ["On", "In"]
    assert breaks("lost-line-end", "in the Polish Embassy The visit was paid") == ["The"]
    # Not after a preposition or an article, nor before "Hague".
    assert breaks("lost-line-end", "a review of The Times; they visited The Hague") == []


def test_break_journal():
    text = "Secret Copy Nº 2 from the journal of N. G. SUDARIKOV. He read from the journal of X."
    assert breaks("journal", text) == ["from"]


def test_break_caps_kind():
    text = "from the journal of N. G. SUDARIKOV RECORD OF A CONVERSATION with HEO DAM"
    assert breaks("caps-kind", text) == ["RECORD"]
    assert breaks("caps-kind", "THE DRAFT RECORD OF THE MEETING") == []
    # A decision's heading after an address: its series, number or body follows.
    address = "Gen. Boris Petrov, Minister of Defense RESOLUTION “C” No 7 OF POLITBURO"
    assert breaks("caps-kind", address) == ["RESOLUTION"]
    assert breaks("caps-kind", "to Minister Boris Petrov DECISION OF THE BUREAU") == ["DECISION"]
    assert breaks("caps-kind", "the RESOLUTION was adopted") == []


def test_break_date_line():
    text = (
        "with HEO DAM, Deputy Minister of Foreign Affairs 16 April 1969 (in the afternoon) I "
        "visited him. We met on 17 April 1969 In the morning. In May 3 April 1969 Then"
    )
    assert breaks("date-line", text) == ["16"]
    # A letter's date with a stop after it, under its reference.
    assert breaks("date-line", "REF: C-94-64 April 13, 1964. Dear Sir,") == ["April"]


def test_initials_before_a_name_in_capitals_end_no_sentence():
    text = "Copy Nº 2 from the journal of N. G. SUDARIKOV RECORD OF A CONVERSATION with him"
    assert breaks("caps-paragraph", text) == []
    assert breaks("caps-paragraph", "Present: A. THE AMBASSADOR asked about it.") == ["THE"]
