"""Page images: which image a page of a document links to.

One rule for the converter (which writes it into ``pb/@facs`` from the sidecar) and for the
HTML export (which applies it to TEI without ``@facs``): the ``ordinal``-th page break links to
the ``ordinal``-th of a list of image URLs, else to a URL template with ``{page}`` replaced by
the page's number, else to a PDF opened at that page (plus an offset for the pages before the
document's first). Only http(s) URLs are ever given.
"""

from __future__ import annotations

from collections.abc import Sequence


def is_web_url(value: str) -> bool:
    """Whether ``value`` is an http(s) URL with a host: the only addresses a page links to."""
    scheme, _, rest = value.partition("://")
    return (
        scheme.lower() in ("http", "https")
        and bool(rest)
        and not any(char.isspace() for char in value)
    )


def page_image(
    number: str,
    ordinal: int,
    *,
    images: Sequence[str] = (),
    template: str = "",
    pdf: str = "",
    offset: int = 0,
) -> str:
    """The image of the page numbered ``number``, the ``ordinal``-th page break (from 1), or
    an empty string when none is given for it."""
    if 0 < ordinal <= len(images):
        return images[ordinal - 1]
    if template and number:
        return template.replace("{page}", number)
    if pdf and number.isdigit():
        return f"{pdf}#page={int(number) + offset}"
    return ""


def manifest_images(manifest: object) -> tuple[str, ...]:
    """The image of each canvas of a IIIF Presentation manifest (version 2 or 3), in order.

    Raises ValueError naming the first canvas without one http(s) image: a gap would give
    every later page the wrong image."""
    if not isinstance(manifest, dict):
        raise ValueError("a IIIF manifest is a JSON object")
    if isinstance(manifest.get("items"), list):
        canvases = manifest["items"]
        found = [_first(canvas, ("items", "items", "body"), "id") for canvas in canvases]
    else:
        sequences = manifest.get("sequences")
        first = sequences[0] if isinstance(sequences, list) and sequences else {}
        canvases = first.get("canvases") if isinstance(first, dict) else None
        if not isinstance(canvases, list):
            raise ValueError("the manifest lists no canvases (neither items nor sequences)")
        found = [_first(canvas, ("images", "resource"), "@id") for canvas in canvases]
    if not found:
        raise ValueError("the manifest lists no canvases")
    for number, url in enumerate(found, 1):
        if not is_web_url(url):
            raise ValueError(f"canvas {number} of the manifest has no http(s) image")
    return tuple(found)


def _first(node: object, path: Sequence[str], key: str) -> str:
    """Follow ``path`` through the first item of each list on the way, then read ``key``."""
    for step in path:
        node = node.get(step) if isinstance(node, dict) else None
        if isinstance(node, list):
            node = node[0] if node else None
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else ""
