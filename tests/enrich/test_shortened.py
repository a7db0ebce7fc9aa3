"""Shortened names of bodies linked to the body the document named in full before them."""

from __future__ import annotations

from tei_plenum.authority import Authority
from tei_plenum.enrich.names import enrich_names
from tei_plenum.enrich.shortened import link_shortened
from tei_plenum.model import Block, Document, Role, SourceSpan


def _linked(*texts: str) -> Document:
    blocks = tuple(
        Block(Role.PARAGRAPH, text, SourceSpan(n), 1) for n, text in enumerate(texts, start=1)
    )
    doc = Document("test.txt", "trailing", blocks, 1, doc_date=(("when", "1959-12-14"),))
    return link_shortened(enrich_names(doc, Authority.load()))


def _orgs(doc: Document) -> list[tuple[str, str, str]]:
    return [
        (b.text[m.start : m.end], dict(m.attrs).get("ref", ""), dict(m.attrs).get("cert", ""))
        for b in doc.blocks
        for m in b.marks
        if m.tag == "orgName"
    ]


def test_a_shortened_name_after_the_full_one_is_that_body_with_medium_certainty():
    doc = _linked(
        "Decision of the CC CPSU Presidium on a delegation.",
        "The CC Presidium approves the proposal.",
    )
    assert ("CC Presidium", "#org-cpsu-cc-presidium", "medium") in _orgs(doc)
    # The document's own record of the shortened name is gone: nothing points to it.
    assert all(not e.key.startswith("org-cc-presidium") for e in doc.entities)


def test_a_shortened_name_before_any_full_one_stays_the_documents_own():
    doc = _linked(
        "The CC Presidium approves the proposal.",
        "Decision of the CC CPSU Presidium on a delegation.",
    )
    assert ("CC Presidium", "#org-cc-presidium", "") in _orgs(doc)


def test_a_shortened_name_that_two_bodies_could_have_is_left_alone():
    doc = _linked(
        "The CC CPSU Presidium and the KWP CC Presidium met.",
        "The CC Presidium approves the proposal.",
    )
    assert ("CC Presidium", "#org-cc-presidium", "") in _orgs(doc)


def test_a_state_organ_is_never_linked_by_its_shortened_name():
    # "The Ministry of Foreign Affairs" of a report may be the host state's, not the one
    # named in full.
    doc = _linked(
        "The Hungarian Ministry of Foreign Affairs asked us for a report.",
        "I was received at the Ministry of Foreign Affairs today.",
    )
    found = {surface: ref for surface, ref, _ in _orgs(doc)}
    assert found["Ministry of Foreign Affairs"] != found["Hungarian Ministry of Foreign Affairs"]
