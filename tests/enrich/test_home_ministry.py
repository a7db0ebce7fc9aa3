"""The home ministry of an embassy's cable: a bare foreign ministry that heads or addresses
the cable is the sender's own, linked with medium certainty; in the running text it stays the
document's own record."""

from __future__ import annotations

from tei_plenum.authority import Authority
from tei_plenum.enrich.home_ministry import link_home_ministry
from tei_plenum.enrich.names import enrich_names
from tei_plenum.model import Block, Document, Role, SourceSpan


def _doc(title: str, *texts: str) -> Document:
    cover = Block(Role.COVER, title, SourceSpan(1), 1, attrs=(("type", "title"),))
    blocks = [Block(Role.PARAGRAPH, t, SourceSpan(n + 2), 1) for n, t in enumerate(texts)]
    document = Document(
        "t.txt", "web-text", (cover, *blocks), 1, doc_date=(("when", "1963-05-07"),)
    )
    return enrich_names(document, Authority.load())


def _orgs(doc: Document) -> list[tuple[str, dict[str, str]]]:
    return [
        (b.text[m.start : m.end], dict(m.attrs))
        for b in doc.blocks[1:]
        for m in b.marks
        if m.tag == "orgName"
    ]


LINES = (
    "Ministry of Foreign Affairs Cable",
    "To the Foreign Ministry:",
    "The ambassador informed the Ministry of Foreign Affairs of our view.",
)


def test_the_ministry_heading_an_embassys_cable_is_the_senders() -> None:
    doc = link_home_ministry(
        _doc("Cable from the Chinese Embassy in Burma, 'Talks'", *LINES), Authority.load()
    )
    found = _orgs(doc)
    assert found[:2] == [
        ("Ministry of Foreign Affairs", {"ref": "#org-prc-mfa", "cert": "medium"}),
        ("Foreign Ministry", {"ref": "#org-prc-mfa", "cert": "medium"}),
    ]
    # In the running text it may be the host state's: the document's own record stays.
    assert found[2] == ("Ministry of Foreign Affairs", {"ref": "#org-ministry-of-foreign-affairs"})
    keys = {e.key for e in doc.entities}
    assert {"org-prc-mfa", "org-ministry-of-foreign-affairs"} <= keys


def test_without_a_sending_embassy_of_a_known_state_nothing_changes() -> None:
    for title in (
        "Note on a Conversation in Rangoon",
        "Cable from the Ruritanian Embassy in Burma",
    ):
        doc = _doc(title, *LINES)
        assert link_home_ministry(doc, Authority.load()) == doc
