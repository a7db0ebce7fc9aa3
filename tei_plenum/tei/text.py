"""The ``text`` element: blocks in reading order, grouped by their container paths.

Each block carries the chain of containers it sits in (``front``, ``titlePage``, a ``div``, a
``list``, an ``sp``, ``closer``...). Walking the blocks in order, the writer keeps a stack of
open containers, closes those the next block leaves and opens those it enters. Each block then
becomes one element (``ROLE_ELEMENTS``) filled with its text and marks.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..model import Block, Container, Role
from ..vocabulary import SPEAKER_MARK, Element, tei_tag
from .inline import append_text, fill
from .ns import el

# Role -> (element, fixed attributes). Addresses get extra handling below; a marking's
# xml:id is one of its block's attributes (enrich.catalogue.identify_markings).
ROLE_ELEMENTS: dict[Role, tuple[str, tuple[tuple[str, str], ...]]] = {
    Role.BANNER: ("fw", (("type", "header"), ("place", "top"))),
    Role.COVER: ("ab", ()),
    Role.MARKING: ("fw", ()),
    Role.BYLINE: ("byline", ()),
    Role.TITLE: ("titlePart", (("type", "main"),)),
    Role.SUBTITLE: ("titlePart", (("type", "sub"),)),
    Role.DOC_DATE: ("docDate", ()),
    Role.HEAD: ("head", ()),
    Role.PARAGRAPH: ("p", ()),
    Role.ITEM: ("item", ()),
    Role.PARTICIPANTS: ("ab", (("type", "participants"),)),
    Role.ADDRESS: ("address", ()),
    Role.DATELINE: ("dateline", ()),
    Role.SALUTE: ("salute", ()),
    Role.SIGNED: ("signed", ()),
    Role.SEPARATOR: ("ab", (("type", "separator"),)),
    Role.DOCKET: ("ab", (("type", "docket"),)),
    Role.NOTE: ("note", ()),
    Role.PAGE_BREAK: ("pb", ()),
}


# Children of body that do not count as its content for the schema.
_NOT_CONTENT = frozenset(tei_tag(name) for name in ("pb", "fw", "opener", "closer", "head"))


def build_text(blocks: Sequence[Block], *, first_page: bool = True) -> etree._Element:
    """The ``text`` element for ``blocks``; ``<pb n="1"/>`` opens ``front`` (guide §8)."""
    text = el("text")
    stack: list[tuple[Container, etree._Element]] = []
    previous: Block | None = None
    for index, block in enumerate(blocks):
        parent = _enter(text, stack, block.path)
        if first_page and index == 0 and block.role is not Role.PAGE_BREAK:
            el("pb", (("n", "1"),), parent=parent)
        if _continues_signature(previous, block) and len(parent):
            append_text(parent[-1], " ")
            fill(parent[-1], block.text, block.marks)
        else:
            _write_block(parent, block)
        previous = block
    _ensure_body(text)
    return text


def _ensure_body(text: etree._Element) -> None:
    """A ``text`` needs a ``body`` with some content, even when the source held only docket
    or registry lines: an empty ``p`` (no characters, so the reading text is unchanged)."""
    body = text.find(tei_tag("body"))
    if body is None:
        body = el("body")
        back = text.find(tei_tag("back"))
        if back is None:
            text.append(body)
        else:
            back.addprevious(body)
    if not any(child.tag not in _NOT_CONTENT for child in body):
        filler = el("p")
        closer = body.find(tei_tag("closer"))
        if closer is None:
            body.append(filler)
        else:
            closer.addprevious(filler)


def _continues_signature(previous: Block | None, block: Block) -> bool:
    """Office, name and signature mark on separate lines of the body's closer form one
    ``signed`` (guide §12); in the back each translator's line stays its own ``signed``."""
    return (
        previous is not None
        and previous.role is Role.SIGNED
        and block.role is Role.SIGNED
        and previous.path == block.path
        and bool(block.path)
        and block.path[0].tag == "body"
    )


def _enter(
    root: etree._Element, stack: list[tuple[Container, etree._Element]], path: tuple[Container, ...]
) -> etree._Element:
    common = 0
    while common < min(len(stack), len(path)) and stack[common][0] == path[common]:
        common += 1
    del stack[common:]
    for container in path[common:]:
        parent = stack[-1][1] if stack else root
        stack.append((container, el(container.tag, container.attrs, parent=parent)))
    return stack[-1][1] if stack else root


def _write_block(parent: etree._Element, block: Block) -> None:
    tag, fixed = ROLE_ELEMENTS[block.role]
    speaker = next((m for m in block.marks if m.tag == SPEAKER_MARK), None)
    marks = [m for m in block.marks if m is not speaker]
    start = 0
    if speaker is not None:
        # A direct turn: the label becomes <speaker>, the rest the turn's paragraph (§13); a
        # label alone on its line is only the speaker, its words follow in the next block.
        fill(el("speaker", parent=parent), block.text, marks, speaker.start, speaker.end)
        start = speaker.end + (1 if block.text[speaker.end : speaker.end + 1] == " " else 0)
        if not block.text[start:].strip():
            return
    if block.role is Role.ADDRESS:
        # The lines of an address the reader grouped are the lines of one address.
        grouped = parent.tag == tei_tag(Element.ADDRESS)
        element = el("addrLine", parent=parent if grouped else el(tag, block.attrs, parent=parent))
    else:
        element = el(tag, (*fixed, *block.attrs), parent=parent)
    if block.role is not Role.PAGE_BREAK:
        fill(element, block.text, marks, start, len(block.text))
