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
