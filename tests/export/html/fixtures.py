"""An invented record of a conversation with the header a citation needs, and helpers."""

from __future__ import annotations

from lxml import html as lxml_html

from tei_plenum.export.html import TEI_NS, HtmlOptions, to_html
from tei_plenum.xmlsafe import parse_xml

ARCHIVE_URL = "https://archive.example.org/document/4711"

HEADER = f"""<teiHeader><fileDesc>
<titleStmt><title type="main">Record of a Conversation with Comrade Pak Tal-mun</title>
<author><orgName>Embassy of the USSR in the DPRK</orgName></author>
<respStmt xml:id="resp-translator-en"><resp>English translation</resp>
<persName>Ann Example</persName><persName>Bo Sample</persName></respStmt></titleStmt>
<publicationStmt><p>Unpublished.</p></publicationStmt>
<sourceDesc><msDesc><msIdentifier><country>Russia</country><settlement>Moscow</settlement>
<repository>Archive of Foreign Policy</repository><idno>fond 0102, opis 13, delo 5</idno>
</msIdentifier></msDesc>
<bibl><publisher>Example Digital Archive</publisher><idno type="URI">{ARCHIVE_URL}</idno>
</bibl></sourceDesc></fileDesc>
<profileDesc><creation><date when="1957-03-04">4 March 1957</date></creation>
<langUsage><language ident="en">English</language>
<language xml:id="lang-original" ident="ko">Korean</language></langUsage>
<particDesc><listPerson><person role="author"><persName>V. Ivanov</persName></person>
<person role="interlocutor"><persName>Pak Tal-mun</persName></person>
<person role="interpreter present"><persName>Li Sam-ho</persName></person></listPerson>
</particDesc>
<textClass><keywords><term type="docType">record of conversation</term></keywords></textClass>
</profileDesc></teiHeader>"""

STANDOFF = """<standOff><listPerson>
<person xml:id="pers-pak"><persName>Pak Tal-mun</persName><idno type="wikidata">Q100001</idno>
</person>
<person xml:id="pers-ivanov"><persName>V. Ivanov</persName></person>
<person xml:id="pers-zhou"><persName>Zhou Enlai</persName><idno type="wikidata">Q16977</idno>
</person>
<person xml:id="pers-adams"><persName sortKey="Adams">John Quincy Adams</persName></person>
</listPerson><listPlace><place xml:id="pl-kaesong"><placeName>Kaesong</placeName></place>
<place xml:id="pl-beijing"><placeName>Beijing</placeName><idno type="wikidata">Q956</idno>
</place></listPlace><listEvent><event xml:id="ev-war"><label>Korean War</label></event>
</listEvent></standOff>"""

BODY = """<body><pb n="1"/><p><persName ref="#pers-ivanov">Ivanov</persName> received
<persName ref="#pers-pak">Pak Tal-mun</persName> in
<placeName ref="#pl-kaesong">Kaesong</placeName>.
<persName ref="#pers-pak">Pak</persName> spoke of <persName ref="#pers-zhou">Zhou Enlai</persName>,
of <persName ref="#pers-adams">Adams</persName> and of the <eventName ref="#ev-war">war</eventName>.
</p><pb n="2"/><p><persName ref="#pers-pak">Pak Tal-mun</persName> went to
<placeName ref="#pl-beijing">Beijing</placeName>; <persName ref="#pers-pak">he</persName> returned
to <placeName ref="#pl-kaesong">Kaesong</placeName>.</p></body>"""


def record(body: str = BODY, header: str = HEADER, standoff: str = STANDOFF) -> str:
    return f'<TEI xmlns="{TEI_NS}" xml:lang="en">{header}{standoff}<text>{body}</text></TEI>'


def page(xml: str | None = None, options: HtmlOptions | None = None) -> lxml_html.HtmlElement:
    tree = parse_xml((xml or record()).encode("utf-8"))
    out = to_html(tree, source_name="record-4711.tei.xml", options=options)
    return lxml_html.document_fromstring(out)
