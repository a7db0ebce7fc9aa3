"""The lexicon: the words of the documents that tell the enrichers where a person is named.

Titles, honorifics and ranks stand before a personal name ("Comrade Pak", "Ambassador
Karelin", "Marshal Zhukov"); office words make a signature line an office ("Chairman of the
Presidium"); some family names open an East Asian name ("Kim Il Sung"); initials ("S. N.")
precede a surname. Adding a title, an office word or a family name changes one line here; the
enrichers derive the regular expressions and word sets they need from these lists and keep
none of their own. :func:`surname` is the one rule for which word of a personal name is the
surname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from . import pattern_cache
from .letters import UPPER, fold, initial_letter


class TitleKind(StrEnum):
    """What a title says of a person: nothing but a form of address (``HONORIFIC``: "Comrade",
    "Mr."), a degree or academy (``ACADEMIC``), an office held (``OFFICE``) or a rank."""

    HONORIFIC = "honorific"
    ACADEMIC = "academic"
    OFFICE = "office"
    RANK = "rank"


@dataclass(frozen=True, slots=True)
class Title:
    """A title, honorific or rank as printed before a personal name, and the rules it serves.

    ``names``: a capitalised word after it is a person's name even when no record knows it
    ("Colonel Petrov"); the names enricher also knows it in capitals, and in small letters
    when ``lower`` ("comrade Pak"). ``labels``: it may open a speaker label without being part
    of the speaker's name ("Comrade Puzanov: …"). The two sets differ as the two enrichers'
    lists did: widening one changes converted output ("Comrades Široký" would become a name),
    so it is a change of behaviour to make and review on its own.
    """

    form: str
    kind: TitleKind
    names: bool = True
    labels: bool = True
    lower: bool = False


# One row per printed form; a new title is one row here.
TITLES: tuple[Title, ...] = (
    Title("Comrade", TitleKind.HONORIFIC, lower=True),
    Title("Comrades", TitleKind.HONORIFIC, names=False),
    Title("Cde.", TitleKind.HONORIFIC, lower=True),
    Title("Cde", TitleKind.HONORIFIC),
    Title("Com.", TitleKind.HONORIFIC),
    Title("Comr.", TitleKind.HONORIFIC),
    Title("Mr.", TitleKind.HONORIFIC),
    Title("Mr", TitleKind.HONORIFIC, names=False),
    Title("Mrs.", TitleKind.HONORIFIC),
    Title("Mrs", TitleKind.HONORIFIC, names=False),
    Title("Ms.", TitleKind.HONORIFIC),
    Title("Ms", TitleKind.HONORIFIC, names=False),
    Title("Dr.", TitleKind.HONORIFIC),
    Title("Dr", TitleKind.HONORIFIC, names=False),
    Title("Shri", TitleKind.HONORIFIC),
    Title("Honourable", TitleKind.HONORIFIC, labels=False),
    Title("Honorable", TitleKind.HONORIFIC, labels=False),
    Title("Smt.", TitleKind.HONORIFIC),
    Title("Prof.", TitleKind.ACADEMIC, labels=False),
    Title("Professor", TitleKind.ACADEMIC, labels=False),
    Title("Academician", TitleKind.ACADEMIC, labels=False),
    Title("Ambassador", TitleKind.OFFICE),
    Title("Senator", TitleKind.OFFICE, labels=False),
    Title("Congressman", TitleKind.OFFICE, labels=False),
    Title("Minister", TitleKind.OFFICE),
    Title("Deputy Minister", TitleKind.OFFICE),
    Title("Vice Minister", TitleKind.OFFICE),
    Title("Vice-Minister", TitleKind.OFFICE),
    Title("Deputy-Minister", TitleKind.OFFICE),
    Title("Prime Minister", TitleKind.OFFICE, names=False),
    Title("Foreign Minister", TitleKind.OFFICE, names=False),
    Title("Premier", TitleKind.OFFICE),
    Title("Vice Premier", TitleKind.OFFICE, labels=False),
    Title("Vice-Premier", TitleKind.OFFICE, labels=False),
    Title("Deputy Premier", TitleKind.OFFICE, labels=False),
    Title("President", TitleKind.OFFICE),
    Title("Chairman", TitleKind.OFFICE),
    Title("Vice Chairman", TitleKind.OFFICE, labels=False),
    Title("Vice-Chairman", TitleKind.OFFICE, labels=False),
    Title("Deputy Chairman", TitleKind.OFFICE, labels=False),
    Title("Secretary", TitleKind.OFFICE),
    Title("General Secretary", TitleKind.OFFICE, labels=False),
    Title("First Secretary", TitleKind.OFFICE, labels=False),
    Title("Second Secretary", TitleKind.OFFICE, labels=False),
    Title("Third Secretary", TitleKind.OFFICE, labels=False),
    Title("Counsellor", TitleKind.OFFICE),
    Title("Counselor", TitleKind.OFFICE),
    Title("Attaché", TitleKind.OFFICE, labels=False),
    Title("Attache", TitleKind.OFFICE, labels=False),
    Title("Adviser", TitleKind.OFFICE, labels=False),
    Title("Advisor", TitleKind.OFFICE, labels=False),
    Title("Consul", TitleKind.OFFICE, labels=False),
    Title("Envoy", TitleKind.OFFICE, labels=False),
    Title("Director", TitleKind.OFFICE, labels=False),
    Title("Chargé d'Affaires", TitleKind.OFFICE, labels=False),
    Title("Charge d'Affaires", TitleKind.OFFICE, labels=False),
    Title("Co-chairman", TitleKind.OFFICE, labels=False),
    Title("Co-Chairman", TitleKind.OFFICE, labels=False),
    Title("Emperor", TitleKind.RANK, labels=False),
    Title("King", TitleKind.RANK, labels=False),
    Title("Marshal", TitleKind.RANK),
    Title("General", TitleKind.RANK),
    Title("Lieutenant General", TitleKind.RANK, labels=False),
    Title("Major General", TitleKind.RANK, labels=False),
    Title("Colonel", TitleKind.RANK, labels=False),
    Title("Admiral", TitleKind.RANK, labels=False),
)

NAME_TITLES: tuple[str, ...] = (
    *(t.form for t in TITLES if t.names),
    *(t.form.upper() for t in TITLES if t.names),
    *(t.form.title() for t in TITLES if t.names),
    *(t.form.lower() for t in TITLES if t.names and t.lower),
)
"""Every printed form after which a capitalised word is a person's name: as listed, in
capitals, with every word capitalised as a heading prints it ("Chargé D'Affaires")."""
LABEL_TITLES: tuple[str, ...] = tuple(t.form for t in TITLES if t.labels)
"""Titles that may open a speaker label before the speaker's name."""
LABEL_HONORIFICS: tuple[str, ...] = tuple(
    t.form for t in TITLES if t.labels and t.kind is TitleKind.HONORIFIC
)
"""Forms of address that may precede a name in a label or a participants line."""

OFFICE_WORDS: tuple[str, ...] = (
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "assistant",
    "attache",
    "attaché",
    "charge",
    "chargé",
    "chairman",
    "chairwoman",
    "chief",
    "co-chairman",
    "commander",
    "commissar",
    "consul",
    "correspondent",
    "counsellor",
    "counselor",
    "delegate",
    "deputy",
    "director",
    "editor",
    "envoy",
    "extraordinary",
    "first secretary",
    "general secretary",
    "head",
    "interpreter",
    "leader",
    "member",
    "minister",
    "officer",
    "official",
    "plenipotentiary",
    "premier",
    "president",
    "representative",
    "secretary",
    "spokesman",
    "translator",
)
"""Words (any case) that show a signature line names an office ("Chairman of the Presidium")."""

EAST_ASIAN_FAMILY_NAMES: frozenset[str] = frozenset(
    """
    an bae baek bai bo bui cai cao cha chae chang chao chen cheng chi chiang cho choe choi chon
    chong chou chu chun chung dai dang deng ding dong du duong fan fang feng fu gang gao geng
    gu guan guo
    ha ham han hao he heo ho hoang hong hou hu hua huang hwang hyon hyeon im jang jeon jeong ji
    jia
    jiang jin jo jong ju jung kang kim ko kong kwak kwon lee lei li liang liao lim lin liu lu
    luo lyuh ma mao meng min mu mun na nam ngo nguyen nie no o pae paek pak pan pang park peng
    pham pyon qi
    qian qiao qin ren rhee ri rim ro ryu seo seong shao shen shi shin sin so son song su sun
    sung tan tang tao teng tian tran vo vu wan wang wei wen won wu xi xia xiao xie xu xue yan
    yang yao
    ye yi yo yom yu yuan yun zeng zhang zhao zheng zhou zhu zou
    bao cui gong lai lian ling mei niu pu qu rong tong xing xiong yin yue zhan zhong zhuang zuo
    dinh doan huynh le luong phan trinh truong
    """.split()
)
"""Family names (lower case) that open an East Asian name: "Kim Il Sung", "Zhou Enlai",
"Nam Il", "Pham Van Dong". "Rhee" is one too, so that "Rhee Syngman" and "Syngman Rhee"
both give "Rhee"."""

AMBIGUOUS_FAMILY_NAMES: frozenset[str] = frozenset("an do ha he ho le ma no o so ye yo".split())
"""Family names that are also short English or common words ("So", "He", "No"): a name
opening with one needs a given name of unmistakable shape (hyphenated, two syllables)."""

GIVEN_NAMES: frozenset[str] = frozenset(
    """
    abdyl adam adolf albert aleksander aleksandr aleksandra aleksei aleksey alena alexander
    alexandru alexei alexis allen anastas anatoli anatoly andrei andrey andrzej anna antal
    anton antonin antonín apostol arkady arthur averell bedrich bedřich bela béla beqir bohumil
    boleslaw bolesław boris bronisław charles chivu christian claude constantin corneliu cyrus
    david dean dimitar dmitri dmitriy dmitry dobri douglas dumitru dwight edgar edvard edward
    egon ekaterina elena emil emilian enrico enver erich ernesto ernst ernő etienne étienne
    eugen evgeny ferenc fidel franciszek franklin franz friedrich fyodor gábor gabor gennady
    georg george georges georgi georgy gerald gerhard gheorghe grigory gunter günter gustav
    gustáv gyula haki hans harold harry heinrich heinz helmut henri henry henryk herbert
    hermann hilary horst hubert hysni igor ilie ilya imre ion ioan iosif irén iren istván
    istvan ivan jacek jacques jakub jan janos jános janusz jaroslav jawaharlal jean jerzy
    jiri jiří joachim john josef josip joseph józef jozef jules julius kakuei karel karl
    károly karoly kazimierz klaus klement kliment konrad konstantin kurt lajos laszlo lászló
    lavrenty lavrentiy lazar leonid liri lubomír ludvik ludvík lyndon lyudmila manfred manea
    marian maria mátyás matyas matthew maurice mehmet michal michel michael mieczysław mihal
    mikhail miklós miloš mircea mladen nadezhda nexhmije nicolae nikita nikolai nikolay
    nobusuke oleg olga otto palmiro pavel pencho petar petre petr philippe pierre pirro
    pyotr rakhmatulla ramiz raúl raul rayko richard robert rodion roman ronald rudolf ryszard
    salvador sándor sandor semyon sergei sergey shigeru stanisław stanislaw stanko stefan
    ștefan stepan sumner tadeusz takeo tatiana terenty terentii thomas tibor todor trygve
    valentin valery valko vaclav václav vasile vasily vasiliy viktor viliam vitaly vladimir
    vladimír vladislav vyacheslav walter werner wiesław wilhelm william willi winston wladyslaw
    władysław wojciech yakov yancho yasuhiro yekaterina yelena yevgeny yuri yury zbigniew
    zdeněk zenon zhivko zoltán zoltan
    adolfo alberto alejandro alfredo emilio víctor victor andrás andre andré anibal aníbal anwar
    armando arpad
    árpád arturo augusto blas carlos czesław czeslaw dezső edmund eduardo endre enrique erwin
    erzsébet eugeniusz fernando foto francisco francois françois frigyes gamal gogo györgy
    gyorgy gustavo hafez haxhi ilona jenő jenö jesús jimmy joão joao jorge jose josé juan
    kadri koço koco kwame lev louis ludwig luis manuel manush marek miguel mohammed muhammad
    oldřich oldrich orlando oskar osvaldo pedro péter piro rafael ramiro rené ricardo roberto
    rodolfo sadik sergio shefqet spiro traicho valerian vasil vasili vilma vulko wolfgang
    yegor yevgeni zsófia zygmunt
    bogusław boguslaw przemysław przemyslaw mieczyslaw wieslaw piotr karol zdzisław zdzislaw
    leszek lech miroslav ladislav bohuslav walt
    abdel abdul abdullah abdallah ahmed ahmad ali fuad habib hamid hassan hosni houari hussein
    ibrahim ismail jamal khaled khalid mahmoud mahmud mohamed mohammad mustafa mustapha omar
    rashid saddam salah saleh samir sami yasser yasir youssef yusuf
    grisha ivo mihai milko petru stoyan
    rajiv indira sanjay homi vikram morarji jagjivan krishna mohandas
    moshe shimon yitzhak golda levi abba ariel ehud yigal menachem arie
    ramon ramón paulo amos
    """.split()
)
"""Given names (lower case) that open a personal name printed given name first: "Erich
Honecker", "Corneliu Bogdan", "Viktor Timofeevich Gostev". A capitalised word after one is
a surname; words that are also common nouns ("Mark", "Grant", "Frank") are left out."""

SURNAME_ENDINGS: tuple[str, ...] = (
    "ov", "ova", "ev", "eva", "yov", "sky", "skii", "skiy", "ski", "ska", "skaya", "cki", "dzki",
    "enko", "chuk", "czuk", "wicz", "vich", "ovich", "evich", "escu", "eanu", "idze", "shvili",
    "yan", "suren", "dorj", "baatar", "bataar", "jav", "tseren", "sambuu",
)  # fmt: skip
"""Endings of Slavic, Romanian, Georgian, Armenian and Mongolian surnames: a word after a
title that ends so is a surname even when nobody knows it ("Comrade Savchenko", "Colonel
Oblomov", "Deputy Minister Lkhamsuren")."""

PATRONYMIC_ENDINGS: tuple[str, ...] = ("ovich", "evich", "ich", "ovna", "evna", "ichna", "yich")
"""Endings of Russian patronymics ("Timofeevich", "Il'yich"), which stand between a given
name and a surname, or after both."""

ORG_HEADS: tuple[str, ...] = tuple(
    """Ministry Embassy Legation Consulate Mission Committee Commission Board Council Department
    Bureau Works Plant Factory Combine Trust Academy University Institute Agency Administration
    Directorate Presidium Politburo Secretariat Assembly Society Association League Union
    Federation Front Army Navy Party Office Section Division Headquarters Command Bank Court
    Government""".split()
)
"""The head nouns of a body's name ("… Workers' Party", "Ministry of …"), capitalised."""

GENERIC_MODIFIERS: frozenset[str] = frozenset(
    """Central Executive Standing Political Party Communist Socialist Marxist-Leninist Marxist
    Leninist Revolutionary Democratic Fraternal Ruling Working Workers Workers' Workers’
    People's People’s Peoples New Old Great Main Higher Local Regional Provincial General
    Special Joint Permanent Temporary Provisional National International Its Our Their Your
    His Her Own This That Whole Entire Every Each""".split()
)
"""Words before a body's head that say what kind of body it is, not which ("Central
Committee", "National Council"): a body named by them alone is a common noun."""

TITLE_VERBS: frozenset[str] = frozenset(
    """
    accepting announcing answering asking assessing concerning condemning congratulating
    conveying criticising criticizing declining describing discussing explaining expressing
    forwarding greeting informing inviting meeting offering opposing outlining proposing
    protesting receiving regarding rejecting replying reporting requesting sending supporting
    thanking transmitting urging visiting welcoming
    """.split()
)
"""Verbs of a message's title in their "-ing" form ("… Visiting Hanoi", "… Regarding the
Visit"), which a title set in title case capitalises after a name."""

INITIAL = rf"(?:(?!Sd\.){UPPER}[a-z]?|TS|SH|CH|KH|ZH|YU|YA|YE|YO)\."
"""An initial as printed: a capital, perhaps one small letter, a full stop ("S.", "Yu."), or a
transliterated letter of two in capitals ("TS. TSEREN"); not "Sd.", the "signed" of a copied
signature ("Sd. G. Dimitrov")."""
# Initials printed together may lose their last stop ("L.I Brezhnev").
_INITIALS = pattern_cache.compile(rf"(?:{INITIAL}){{1,3}}|{INITIAL}{UPPER}")
_INSERTION = pattern_cache.compile(r"\[[^\]]*\]")


def alternation(phrases: Iterable[str]) -> str:
    """A regular-expression alternation matching any of ``phrases`` as printed.

    Longest first, so that "General Secretary" is preferred to "General"; the words of a
    phrase may be separated by any run of spaces.
    """
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in ordered)


def cue_words(phrases: Iterable[str]) -> set[str]:
    """Words of which one occurs, as printed, wherever one of ``phrases`` does: the last word
    of each phrase ("Secretary" for "First Secretary")."""
    return {phrase.split()[-1] for phrase in phrases}


def is_initial(word: str) -> bool:
    """An initial, or initials printed together ("A.M.", "Yu.V.")."""
    return _INITIALS.fullmatch(word) is not None


def given_names_agree(printed: Sequence[str], theirs: Sequence[str]) -> bool:
    """Whether the given names and initials printed with a surname may be those of another
    spelling of it: each printed one matches the next of ``theirs``, as a word or by its
    initial ("I. V." and "Iosif"; "R." is not "Fidel"); a patronymic, or its initial, may
    follow the given names ``theirs`` has ("Anastas I."). Initials printed together count one
    by one ("L.I.")."""
    ours = [part for word in printed for part in word.replace(".", ". ").split()]
    others = [part for word in theirs for part in word.replace(".", ". ").split()]
    if not ours or not others:
        return False
    for position, mine in enumerate(ours):
        if position >= len(others):
            return position == len(others) and (_patronymic(mine) or is_initial(mine))
        other = others[position]
        if is_initial(mine) or is_initial(other) or len(mine.strip(".")) == 1:
            if initial_letter(mine[0]) != initial_letter(other[0]):
                return False
        elif fold(mine) != fold(other) and not _patronymic(mine):
            return False
    return True


def _patronymic(word: str) -> bool:
    return word.lower().endswith(PATRONYMIC_ENDINGS)


def name_words(name: str) -> list[str]:
    """The words of a personal name without its initials and square-bracketed insertions."""
    if "[" not in name and "." not in name:
        return name.split()
    return [word for word in _INSERTION.sub(" ", name).split() if not is_initial(word)]


def family_name_first(name: str) -> bool:
    """Whether a personal name is read family name first, as Korean and Chinese names are.

    It is when its last word is a hyphenated given name ("Han Sang-dok") or when it opens with
    an East Asian family name ("Kim Il Sung", "Nam Il", "Zhou Enlai"); "Nikita Sergeyevich
    Khrushchev" and "Syngman Rhee" keep their surname last.
    """
    words = name_words(name)
    if len(words) < 2:
        return False
    return "-" in words[-1] or words[0].lower() in EAST_ASIAN_FAMILY_NAMES


def surname(name: str) -> str | None:
    """The surname (family name) of a personal name as printed, or None when it has no words.

    The one rule for every enricher: a name that prints one word in capitals among others
    marks its surname so ("BREZHNEV Leonid Il'yich", "KIM Il"); otherwise Russian and Western
    names put it last ("V. P. Lobanov" gives "Lobanov"), names read family name first
    (:func:`family_name_first`) put it first ("Han Sang-dok" gives "Han"); initials and
    bracketed insertions are not words of a name.
    """
    words = name_words(name)
    if not words:
        return None
    capitals = [word for word in words if word.isupper() and len(word) > 1]
    if len(capitals) == 1 and len(words) > 1:
        return capitals[0]
    return words[0] if family_name_first(name) else words[-1]
