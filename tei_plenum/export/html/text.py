"""The reading text: TEI elements to HTML elements, classed by TEI name and type."""

from __future__ import annotations

from lxml import etree

from ...tei.inline import append_text as _append_text
from ...tei.inline import last_child as _last_child
from ...vocabulary import XML_ID as _XML_ID
from ...vocabulary import XML_LANG as _XML_LANG
from ..anchors import safe_id as _safe_id
from ..blocks import BLOCKS, CONTAINERS, DIVISIONS, TEXT_BLOCKS
from .index import _entry_for
from .page import (
    _DATE_ATTRS,
    _DATE_TAGS,
    _EDITORIAL_TITLES,
    _ISO_DATE,
    _ISO_TIME,
    _MAX_DEPTH,
    _NAME_GROUPS,
    _NOT_ID,
    _ROLES,
    _lang,
    _normalised,
    _Page,
    _safe_url,
    _text_of,
    _tokens,
)

# ---------------------------------------------------------------------------------- the text


def _render(
    page: _Page,
    el: etree._Element,
    *,
    phrasing: bool,
    depth: int,
    heading: int,
    in_link: bool = False,
) -> etree._Element:
    """Turn one TEI element and its subtree into one HTML element.

    ``phrasing`` says the HTML parent accepts only phrasing content, so blocks become spans
    (styled as blocks); ``heading`` is the level a ``head`` here would take.
    """
    name = page.local(el) or "x"
    classes = [f"tei-{_NOT_ID.sub('-', name)}"]
    classes += _tokens(el.get("type"), "t-") + _tokens(el.get("subtype"), "st-")
    classes += _tokens(el.get("place"), "place-")
    if el.get("cert") in {"low", "medium"}:
        classes.append(f"cert-{el.get('cert')}")
    attrs: dict[str, str] = {}
    title = _editorial_title(name, el)
    if title is not None:
        classes.append("editorial")
        attrs["title"] = title

    tag = _tag_for(page, el, name, phrasing, heading)
    if name in _ROLES:
        attrs["role"] = _ROLES[name]
    elif name in {"list", "item"} and tag == "div":
        attrs["role"] = "list" if name == "list" else "listitem"

    link = None
    # A block's id is its anchor (export.anchors), which search hits link to.
    anchor = page.anchors.get(el)
    group = _NAME_GROUPS.get(name)
    if group == "other" and not el.get("ref"):
        group = None
    if group is not None:
        classes.append(f"name name-{group}")
        entry = _entry_for(page, el, group)
        occurrence = f"occ-{page.occurrence_count + 1}"
        anchor = anchor or page.unique_id(el.get(_XML_ID) or occurrence)
        page.occurrence_count += 1
        entry.occurrences.append((anchor, page.page, _text_of(el)))
        if entry.unresolved:
            classes.append("unresolved")
        if not in_link:
            tag, link = "a", f"#{entry.anchor}"
    elif name == "ref" and not in_link:
        link = _link_target(page, el.get("target"))
        if link is not None:
            tag = "a"
    elif anchor is None and el.get(_XML_ID):
        anchor = page.unique_id(el.get(_XML_ID, ""))
    if anchor is not None:
        attrs["id"] = anchor
    if link is not None:
        attrs["href"] = link
    lang = _lang(el.get(_XML_LANG))
    if lang:
        attrs["lang"] = lang

    out = etree.Element(tag, {"class": " ".join(classes), **attrs})
    target = out
    if name in _DATE_TAGS:
        target = _time_wrapper(el, out)
    if depth >= _MAX_DEPTH:
        target.text = "".join(el.itertext())
        return out

    _render_content(
        page,
        el,
        target,
        phrasing=phrasing or tag not in {"div", "section", "ul", "li"},
        depth=depth + 1,
        heading=heading + 1 if name in DIVISIONS else heading,
        in_link=in_link or tag == "a",
    )
    return out


def _render_content(
    page: _Page,
    el: etree._Element,
    target: etree._Element,
    *,
    phrasing: bool,
    depth: int,
    heading: int,
    in_link: bool,
) -> None:
    """Append the text and rendered children of ``el`` to ``target``."""
    _append_text(target, el.text or "")
    for child in el:
        local = page.local(child)
        if local == "pb":
            target.append(_page_marker(page, child))
            # A page break has no content in valid TEI; if one has, its words stay.
            _render_content(
                page, child, target, phrasing=True, depth=depth, heading=heading, in_link=in_link
            )
        elif local is not None:
            # Blocks stay separate words in the page's text even where the TEI runs them
            # into their neighbours: the fidelity rule puts whitespace between blocks.
            block = local in BLOCKS
            if block and not _ends_with_space(target):
                _append_text(target, "\n")
            target.append(
                _render(
                    page,
                    child,
                    phrasing=phrasing,
                    depth=depth,
                    heading=heading,
                    in_link=in_link,
                )
            )
            if block and not (child.tail or "")[:1].isspace():
                _append_text(target, "\n")
        elif isinstance(child.tag, str):
            # Foreign markup is never emitted; its words stay, as plain text.
            _append_text(target, "".join(child.itertext()))
        _append_text(target, child.tail or "")


def _ends_with_space(el: etree._Element) -> bool:
    """Whether the text written so far into ``el`` ends in whitespace.

    An empty start counts as not spaced: the words before ``el`` may touch it.
    """
    child = _last_child(el)
    last = el.text if child is None else child.tail
    return bool(last) and last[-1].isspace()


def _tag_for(page: _Page, el: etree._Element, name: str, phrasing: bool, heading: int) -> str:
    if phrasing:
        return "span"
    if name in DIVISIONS:
        return "section"
    if name == "head" and page.local(el.getparent()) in DIVISIONS:
        return f"h{min(heading, 6)}"
    if name == "list":
        return "ul" if _plain_list(page, el) else "div"
    if name == "item":
        parent = el.getparent()
        return "li" if parent is not None and _plain_list(page, parent) else "div"
    if name in TEXT_BLOCKS:
        return "p"
    if name in CONTAINERS:
        return "div"
    return "div" if _holds_blocks(page, el) else "span"


def _plain_list(page: _Page, el: etree._Element) -> bool:
    """A list HTML can hold as <ul>: items only, no stray text between them."""
    known = page.plain_lists.get(el)
    if known is None:
        known = not (el.text and el.text.strip()) and all(
            page.local(child) == "item" and not (child.tail and child.tail.strip()) for child in el
        )
        page.plain_lists[el] = known
    return known


def _holds_blocks(page: _Page, el: etree._Element) -> bool:
    return any(page.local(child) in BLOCKS for child in el)


def _editorial_title(name: str, el: etree._Element) -> str | None:
    """A tooltip for the translator's and editors' interventions, None for source text."""
    if name in _EDITORIAL_TITLES:
        return _EDITORIAL_TITLES[name]
    if name == "gap":
        facts = [f"reason: {el.get('reason')}" if el.get("reason") else ""]
        extent = _normalised(f"{el.get('quantity', '')} {el.get('unit', '')}")
        facts.append(f"extent: {extent}" if extent else "")
        details = "; ".join(f for f in facts if f)
        return f"Not transcribed ({details})" if details else "Not transcribed"
    if name == "seg" and el.get("type") == "description":
        return "Description of a feature of the original"
    if name == "note" and el.get("place") == "inline":
        return "Note in the translation"
    return None


def _page_marker(page: _Page, el: etree._Element) -> etree._Element:
    number = _normalised(el.get("n", ""))
    page.page = number or None
    label = f"[p. {number}]" if number else "[page break]"
    attrs = {"class": "pb", "role": "doc-pagebreak", "aria-label": f"page {number}".strip()}
    marker = etree.Element("span", attrs)
    marker.set("id", page.unique_id(f"page-{number}" if number else "page"))
    marker.text = label
    return marker


def _time_wrapper(el: etree._Element, out: etree._Element) -> etree._Element:
    """Put a date's words in <time>, with the first valid ISO value as ``datetime``."""
    values = [(attr, label, el.get(attr, "").strip()) for attr, label in _DATE_ATTRS]
    valid = [
        (label, v) for _, label, v in values if _ISO_DATE.fullmatch(v) or _ISO_TIME.fullmatch(v)
    ]
    if not valid:
        return out
    time = out if out.tag == "span" else etree.SubElement(out, "time")
    time.tag = "time"
    time.set("datetime", valid[0][1])
    time.set("title", "; ".join(f"{label}{value}" for label, value in valid))
    return time


def _link_target(page: _Page, target: str | None) -> str | None:
    if not target:
        return None
    first = target.split()[0]
    if first.startswith("#") and first[1:] in page.records:
        return f"#{_safe_id(first[1:])}"
    return _safe_url(first)
