"""Page images from the sidecar become ``pb/@facs``, which the reading page links."""

from __future__ import annotations

from pathlib import Path

from tei_plenum.export.html import to_html
from tei_plenum.metadata import Sidecar
from tei_plenum.options import ConvertOptions
from tei_plenum.pipeline import convert_file, convert_text
from tei_plenum.vocabulary import tei_tag

# An invented three-page minute in the PDF layout: blocks end with two spaces and a line of
# spaces; three empty lines end a page.
MINUTE = (
    " Wilson Center Digital Archive Translation - English\n\n"
    "MINUTES OF THE MEETING  \n  \n12 March 1958  \n  \nThe committee met.  \n  \n\n\n\n"
    "It heard the report on the harvest.  \n  \n\n\n\nIt closed at noon.  \n"
)


def facs(options: ConvertOptions) -> list[tuple[str | None, str | None]]:
    tree = convert_text(MINUTE, source_name="minute.txt", options=options).tree
    return [(pb.get("n"), pb.get("facs")) for pb in tree.iter(tei_tag("pb"))]


def test_without_page_images_no_break_has_facs() -> None:
    assert facs(ConvertOptions()) == [("1", None), ("2", None), ("3", None)]


def test_listed_images_go_first_then_the_template() -> None:
    sidecar = Sidecar(
        page_images=("https://img.example.org/a.jpg",),
        page_image_template="https://iiif.example.org/minute/{page}/full/max/0/default.jpg",
    )
    assert facs(ConvertOptions(metadata=sidecar)) == [
        ("1", "https://img.example.org/a.jpg"),
        ("2", "https://iiif.example.org/minute/2/full/max/0/default.jpg"),
        ("3", "https://iiif.example.org/minute/3/full/max/0/default.jpg"),
    ]


def test_a_pdf_opens_at_the_page_plus_its_offset() -> None:
    sidecar = Sidecar(pdf_url="https://files.example.org/minute.pdf", pdf_page_offset=1)
    assert facs(ConvertOptions(metadata=sidecar))[1:] == [
        ("2", "https://files.example.org/minute.pdf#page=3"),
        ("3", "https://files.example.org/minute.pdf#page=4"),
    ]


def test_the_sidecar_beside_the_input_links_each_page_marker(tmp_path: Path) -> None:
    (tmp_path / "minute.txt").write_text(MINUTE, encoding="utf-8")
    (tmp_path / "minute.meta.toml").write_text(
        'page_image_template = "https://img.example.org/minute-{page}.png"\n', encoding="utf-8"
    )
    tree = convert_file(tmp_path / "minute.txt").tree
    html = to_html(tree, source_name="minute.xml")
    for n in ("1", "2", "3"):
        assert f'href="https://img.example.org/minute-{n}.png"' in html
