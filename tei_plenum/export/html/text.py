"""The reading text: TEI elements to HTML elements, classed by TEI name and type."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from lxml import etree

from ...vocabulary import XML_ID as _XML_ID
from ...vocabulary import XML_LANG as _XML_LANG
from ..anchors import safe_id as _safe_id
from ..blocks import BLOCKS, CONTAINERS, DIVISIONS, TEXT_BLOCKS
from .index import _entry_for
from .page import (
    _CHOICE_OTHER,
    _CHOICE_SHOWN,
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
    _record_label,
    _safe_url,
    _text_of,
    _tokens,
)

# ---------------------------------------------------------------------------------- the text

# Deletions and additions keep HTML's own elements, which may stand in running text or hold
# blocks alike: struck through and marked by every browser, and read as such by screen readers.
_EDIT_TAGS = {"del": "del", "add": "ins"}


def _render(
    page: _Page,
    el: etree._Element,
    parent: etree._Element,
    *,
    phrasing: bool,
    depth: int,
    heading: int,
    in_link: bool = False,
) -> etree._Element:
    """Turn one TEI element and its subtree into one HTML element, the last child of ``parent``.

    ``phrasing`` says the HTML parent accepts only phrasing content, so blocks become spans
    (styled as blocks); ``heading`` is the level a ``head`` here would take. The element is
    made in place rather than appended once built: moving a finished subtree into another
    tree costs a walk over all of it.
    """
    name = page.local(el) or "x"
    if name == "lb":
        return _line_break(page, el, parent)
    classes = _classes(name, el.get("type"), el.get("subtype"), el.get("place"), el.get("cert"))
    title = _editorial_title(name, el)
    if title is not None:
        classes += " editorial"
    speaker = ""
    hidden: tuple[etree._Element, ...] = ()
    if name == "choice":
        hidden = _choice_others(page, el)
        title = _choice_title(page, hidden)
    elif name == "sp":
        speaker = _speaker_of(page, el)

    tag = _tag_for(page, el, name, phrasing, heading)
    role = _ROLES.get(name)
    if role is None and name in {"list", "item"} and tag == "div":
        role = "list" if name == "list" else "listitem"

    link = None
    # A block's id is its anchor (export.anchors), which search hits link to.
    anchor = page.anchors.get(el)
    group = _NAME_GROUPS.get(name)
    if group == "other" and not el.get("ref"):
        group = None
    if group is not None:
        classes += f" name name-{group}"
        surface = _text_of(el)
        entry = _entry_for(page, el, group, surface)
        occurrence = f"occ-{page.occurrence_count + 1}"
        anchor = anchor or page.unique_id(el.get(_XML_ID) or occurrence)
        page.occurrence_count += 1
        entry.occurrences.append((anchor, page.page, surface))
        if entry.unresolved and page.options.review:
            classes += " unresolved"
        if not in_link:
            tag, link = "a", f"#{entry.anchor}"
    elif name == "ref" and not in_link:
        link = _link_target(page, el.get("target"))
        if link is not None:
            tag = "a"
    elif anchor is None and el.get(_XML_ID):
        anchor = page.unique_id(el.get(_XML_ID, ""))

    out = etree.SubElement(parent, tag)
    out.set("class", classes)
    if title:
        out.set("title", title)
    if speaker:
        out.set("data-speaker", speaker)
    if role is not None:
        out.set("role", role)
    if anchor is not None:
        out.set("id", anchor)
    if link is not None:
        out.set("href", link)
    lang = _lang(el.get(_XML_LANG))
    if lang:
        out.set("lang", lang)

    target = out
    if name in _DATE_TAGS:
        target = _time_wrapper(el, out)
    if depth >= _MAX_DEPTH:
        target.text = "".join(el.itertext())
        return out
    last = _image(page, el, out) if name == "graphic" else None
    _render_content(
        page,
        el,
        target,
        last,
        hidden=hidden,
        phrasing=phrasing or tag not in {"div", "section", "ul", "li", "figure"},
        depth=depth + 1,
        heading=heading + 1 if name in DIVISIONS else heading,
        in_link=in_link or tag == "a",
    )
    return out


@lru_cache(maxsize=4096)
def _classes(
    name: str, type_: str | None, subtype: str | None, place: str | None, cert: str | None
) -> str:
    """The classes an element's name and attributes give it: a page repeats a few dozen
    combinations, so each is worked out once."""
    classes = [f"tei-{_NOT_ID.sub('-', name)}"]
    classes += _tokens(type_, "t-") + _tokens(subtype, "st-") + _tokens(place, "place-")
    if cert in {"low", "medium"}:
        classes.append(f"cert-{cert}")
    return " ".join(classes)


def _render_content(
    page: _Page,
    el: etree._Element,
    target: etree._Element,
    last: etree._Element | None,
    *,
    hidden: tuple[etree._Element, ...] = (),
    phrasing: bool,
    depth: int,
    heading: int,
    in_link: bool,
) -> etree._Element | None:
    """Append the text and rendered children of ``el`` but the ``hidden`` ones to ``target``,
    and return the last child of ``target`` after them.

    ``last`` is the last child of ``target`` so far: kept at hand as children are added rather
    than looked up before each piece of text.
    """
    _add_text(target, last, el.text)
    for child in el:
        local = page.local(child)
        if child in hidden:
            # The other reading of a choice is in the tooltip, never beside the one shown.
            continue
        if local == "pb":
            marker = _page_marker(page, child, target, last, in_link=in_link)
            # A page break has no content in valid TEI; if one has, its words stay.
            last = _render_content(
                page,
                child,
                target,
                marker,
                phrasing=True,
                depth=depth,
                heading=heading,
                in_link=in_link,
            )
        elif local == "note" and child.get("place") != "inline":
            last = _note_reference(page, child, target, depth=depth, in_link=in_link)
        elif local is not None:
            # Blocks stay separate words in the page's text even where the TEI runs them
            # into their neighbours: the fidelity rule puts whitespace between blocks.
            block = local in BLOCKS
            if block and not _ends_with_space(target, last):
                _add_text(target, last, "\n")
            last = _render(
                page,
                child,
                target,
                phrasing=phrasing,
                depth=depth,
                heading=heading,
                in_link=in_link,
            )
            if block and not (child.tail or "")[:1].isspace():
                _add_text(target, last, "\n")
        elif isinstance(child.tag, str):
            # Foreign markup is never emitted; its words stay, as plain text.
            _add_text(target, last, "".join(child.itertext()))
        _add_text(target, last, child.tail)
    return last


def _add_text(target: etree._Element, last: etree._Element | None, text: str | None) -> None:
    """Append ``text`` to what is written into ``target``, whose last child is ``last``."""
    if not text:
        return
    if last is None:
        target.text = (target.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _ends_with_space(target: etree._Element, last: etree._Element | None) -> bool:
    """Whether the text written so far into ``target`` (whose last child is ``last``) ends in
    whitespace.

    An empty start counts as not spaced: the words before ``target`` may touch it.
    """
    written = target.text if last is None else last.tail
    return bool(written) and written[-1].isspace()


def _tag_for(page: _Page, el: etree._Element, name: str, phrasing: bool, heading: int) -> str:
    if name in _EDIT_TAGS:
        return _EDIT_TAGS[name]
    if phrasing:
        return "span"
    if name == "figure":
        return "figure"
    if name == "head" and page.local(el.getparent()) == "figure":
        return "figcaption"
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


def _page_marker(
    page: _Page,
    el: etree._Element,
    target: etree._Element,
    last: etree._Element | None,
    *,
    in_link: bool,
) -> etree._Element:
    """The marker ``[p. N]`` appended to ``target`` (whose last child is ``last``), set apart
    from the words on either side by spaces of its own (hidden with it), and a link to the
    page's image when there is one."""
    number = _normalised(el.get("n", ""))
    page.page = number or None
    page.breaks += 1
    label = f"[p. {number}]" if number else "[page break]"
    if not _ends_with_space(target, last) and (target.text or last is not None):
        label = f" {label}"
    if (el.tail or "")[:1] not in ("", " ", "\n", "\t", "\r"):
        label = f"{label} "
    image = "" if in_link else _facsimile_url(page, el, number)
    marker = etree.SubElement(target, "a" if image else "span")
    marker.set("class", "pb")
    marker.set("role", "doc-pagebreak")
    marker.set("aria-label", f"page {number}".strip())
    marker.set("id", page.unique_id(f"page-{number}" if number else "page"))
    if page.options.navigation is not None:
        marker.set("data-pagefind-ignore", "")  # a site's search shows words, not markers
    if image:
        marker.set("href", image)
        marker.set("rel", "external noopener")
        marker.set("title", f"Image of page {number}".strip())
    marker.text = label
    return marker


def _facsimile_url(page: _Page, el: etree._Element, number: str) -> str:
    """The page's image: ``pb/@facs`` (a URL, or a pointer to a ``surface`` or ``graphic``
    holding one), else the facsimile of the options; only ever an http(s) URL."""
    facs = (el.get("facs") or "").split()
    if facs:
        first = facs[0]
        if first.startswith("#"):
            found = page.records.get(first[1:])
            if found is not None:
                graphic = found if page.local(found) == "graphic" else None
                if graphic is None:
                    graphic = next(iter(found.iterfind(".//" + page.q("graphic"))), None)
                first = graphic.get("url", "") if graphic is not None else ""
        url = _safe_url(first)
        if url:
            return url
    return _safe_url(page.options.facsimile.url(number, page.breaks)) or ""


def _note_reference(
    page: _Page, note: etree._Element, target: etree._Element, *, depth: int, in_link: bool
) -> etree._Element:
    """The note's number in the text, appended to ``target`` and linking to the note, which is
    rendered now (its names and pages counted where it stands) and shown at the end of the
    text."""
    number = len(page.notes) + 1
    note_id = page.unique_id(f"note-{number}")
    ref_id = page.unique_id(f"noteref-{number}")
    # The slot is taken before the body is rendered, so that a note within the note comes
    # after it, numbered in reading order.
    holder = etree.Element("div", {"class": "note-body"})
    page.notes.append((holder, ref_id, note_id))
    _render(page, note, holder, phrasing=False, depth=depth, heading=6)
    reference = etree.SubElement(target, "sup" if in_link else "a")
    reference.set("class", "noteref")
    reference.set("id", ref_id)
    if not in_link:
        reference.set("href", f"#{note_id}")
        reference.set("role", "doc-noteref")
        reference.set("aria-label", f"note {number}")
    reference.text = str(number)
    return reference


def _choice_others(page: _Page, el: etree._Element) -> tuple[etree._Element, ...]:
    """The readings of a ``choice`` that are not shown: all but the corrected, regularised or
    expanded one (else all but the first)."""
    children = [child for child in el if page.local(child) is not None]
    for wanted in _CHOICE_SHOWN:
        shown = next((c for c in children if page.local(c) == wanted), None)
        if shown is not None:
            return tuple(c for c in children if c is not shown)
    return tuple(children[1:])


def _choice_title(page: _Page, others: tuple[etree._Element, ...]) -> str:
    """The tooltip of a ``choice``: the words of its ``others``, the readings not shown."""
    words = [
        f"{_CHOICE_OTHER.get(page.local(c) or '', 'also')}: {_text_of(c)}"
        for c in others
        if _text_of(c)
    ]
    return "; ".join(words)


def _speaker_of(page: _Page, el: etree._Element) -> str:
    """A turn without a speaker label (reported speech) names its speaker for the stylesheet
    to show beside it; the name is an attribute, never words added to the text."""
    if any(page.local(child) == "speaker" for child in el):
        return ""
    who = (el.get("who") or "").split()
    record = page.records.get(who[0][1:]) if who and who[0].startswith("#") else None
    return _record_label(page, record) if record is not None else ""


def _line_break(page: _Page, el: etree._Element, parent: etree._Element) -> etree._Element:
    br = etree.SubElement(parent, "br")
    br.set("class", "tei-lb")
    if el.get(_XML_ID):
        br.set("id", page.unique_id(el.get(_XML_ID, "")))
    return br


def _image(page: _Page, el: etree._Element, out: etree._Element) -> etree._Element | None:
    """A graphic with an http(s) address is shown, loaded only when scrolled to; the page's
    policy lets images come from the origins of these addresses alone."""
    url = _safe_url(el.get("url"))
    origin = _origin(url)
    if url is None or origin is None:
        return None
    page.image_origins.add(origin)
    figure = el.getparent()
    description = None
    if figure is not None and page.local(figure) == "figure":
        description = figure.find(page.q("figDesc"))
    alt = _text_of(description) or _text_of(el.find(page.q("desc")))
    return etree.SubElement(
        out, "img", {"src": url, "alt": alt, "loading": "lazy", "decoding": "async"}
    )


def _origin(url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if not parts.hostname or parts.username or parts.password:
        return None
    try:
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return None
    return f"{parts.scheme.lower()}://{parts.hostname.lower()}{port}"


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
