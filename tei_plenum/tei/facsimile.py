"""Page images from the sidecar, written as ``pb/@facs``: TEI's own way of linking a page to
its image, so that every exporter (and every other TEI tool) sees them."""

from __future__ import annotations

from lxml import etree

from ..facsimile import page_image
from ..metadata import Sidecar
from ..vocabulary import tei_tag


def link_page_images(root: etree._Element, sidecar: Sidecar) -> None:
    """Give each ``pb`` of ``root``'s text the URL of its page's image, when the sidecar's
    ``page_images``, ``page_image_template`` or ``pdf_url`` gives one."""
    if not (sidecar.page_images or sidecar.page_image_template or sidecar.pdf_url):
        return
    text = root.find(tei_tag("text"))
    if text is None:
        return
    for ordinal, pb in enumerate(text.iter(tei_tag("pb")), 1):
        url = page_image(
            pb.get("n", ""),
            ordinal,
            images=sidecar.page_images or (),
            template=sidecar.page_image_template or "",
            pdf=sidecar.pdf_url or "",
            offset=sidecar.pdf_page_offset or 0,
        )
        if url:
            pb.set("facs", url)
