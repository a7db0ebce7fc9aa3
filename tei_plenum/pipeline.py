"""The conversion pipeline: read → enrich → write → check.

:func:`convert_file` converts one document for every caller: ``tei-plenum convert``, each
worker of ``tei-plenum batch`` and the Python API; everything that can change the result is in
its :class:`ConvertOptions`. It reads the file and its sidecar, then :func:`convert_bytes`
decodes and :func:`convert_text` converts, a pure function of its arguments that writes no
file. After writing, the fidelity rule (guide §11) is checked: the plain-text export of the TEI
must give back exactly the words of the source, in order; a mismatch is a converter bug and
fails loudly. That export is kept in the result (``reading_text``), so a caller that writes
the text view does not walk the tree again.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice, zip_longest
from pathlib import Path

from lxml import etree

from .enrich import authority_for, enrich
from .enrich.catalogue import catalogue, catalogue_warnings
from .errors import InternalError, Location
from .export.text import join_blocks, text_blocks
from .files import read_regular_file
from .metadata import load_sidecar, sidecar_for
from .model import Document
from .options import ConvertOptions
from .reader import read, reading_tokens, segment
from .reader.source import decode
from .tei import build_tei, serialize
from .tei.facsimile import link_page_images
from .xmlsafe import check_readable_size, check_readable_tree


@dataclass(frozen=True, slots=True)
class Conversion:
    """The result of converting one document."""

    document: Document
    tree: etree._ElementTree
    tei: bytes
    warnings: tuple[str, ...]
    reading_text: str
    """The plain-text export of ``tree`` (``export.text.to_text``), as the fidelity check read
    it."""


def prepare(options: ConvertOptions) -> None:
    """Compile what every conversion with ``options`` needs (the authority), in this process:
    a bad authority file stops a run before its first document, and workers forked afterwards
    inherit the compiled automaton."""
    authority_for(options)


def convert_text(
    text: str, *, source_name: str = "<stdin>", options: ConvertOptions | None = None
) -> Conversion:
    """Convert decoded text to TEI."""
    options = options or ConvertOptions()
    layout = segment(text)
    name = Path(source_name).name if source_name != "<stdin>" else "stdin"
    doc = read(text, source_name=name, layout=layout)
    doc = enrich(doc, authority_for(options))
    meta = catalogue(doc, options.metadata, options.defaults)
    root = build_tei(doc, meta, revision_date=options.revision_date)
    link_page_images(root, options.metadata)
    # Before the fidelity check, which walks the tree by recursion: TEI deeper than the
    # reader accepts is refused here, and TEI too large for it once serialised.
    check_readable_tree(root, source_name)
    check_unique_ids(root, source_name)
    blocks = text_blocks(root)
    check_fidelity(reading_tokens(layout), blocks, source_name)
    data = serialize(root)
    check_readable_size(data, source_name)
    warnings = (*doc.warnings, *catalogue_warnings(meta))
    return Conversion(doc, etree.ElementTree(root), data, warnings, join_blocks(blocks))


def convert_bytes(
    data: bytes, *, source_name: str = "<stdin>", options: ConvertOptions | None = None
) -> Conversion:
    """Decode (BOM, ``options.encoding``) and convert."""
    options = options or ConvertOptions()
    text = decode(data, source=source_name, encoding=options.encoding)
    return convert_text(text, source_name=source_name, options=options)


def convert_file(
    path: Path,
    *,
    options: ConvertOptions | None = None,
    meta_path: Path | None = None,
) -> Conversion:
    """Convert a file, merging its sidecar (``INPUT.meta.toml`` unless ``meta_path`` is given):
    the one conversion of one document, whoever asks for it."""
    options = options or ConvertOptions()
    path = Path(path)
    sidecar = meta_path or sidecar_for(path)
    if sidecar is not None and (meta_path is not None or sidecar.exists()):
        options = replace(options, metadata=load_sidecar(sidecar).overridden_by(options.metadata))
    data = read_regular_file(path)
    return convert_bytes(data, source_name=str(path), options=options)


_XML_IDS = etree.XPath("//@xml:id")


def check_unique_ids(root: etree._Element, source: str) -> None:
    """Fail when two elements carry one ``xml:id``: such a file is not well formed, and no
    output is better than one that other tools refuse to read."""
    seen: set[str] = set()
    for value in _XML_IDS(root):
        if value in seen:
            raise InternalError(
                f"the TEI would carry the id {value!r} twice; this is a converter bug, please "
                "report it",
                Location(source),
            )
        seen.add(value)


def check_fidelity(expected: Iterable[str], blocks: Iterable[str], source: str) -> None:
    """Fail when the TEI's reading text (its blocks, ``export.text.text_blocks``) differs from
    the source's words (guide §11).

    Compared a block at a time, each block's words against as many words of the source: never
    more than one block's words are gathered in a list (for a large document the lists of all
    its words were the largest structures of the whole conversion).
    """
    wanted = iter(expected)
    before: deque[str] = deque(maxlen=3)
    index = 0
    for block in blocks:
        found = block.split()
        taken = list(islice(wanted, len(found)))
        if taken != found:
            pairs = zip_longest(found, taken)
            at = next(number for number, (word, token) in enumerate(pairs) if word != token)
            before.extend(found[:at])
            _mismatch(index + at, before, chain(taken[at:], wanted), source)
        before.extend(found[-3:])
        index += len(found)
    left = next(wanted, None)
    if left is not None:
        _mismatch(index, before, chain([left], wanted), source)


def _mismatch(index: int, before: Iterable[str], following: Iterator[str], source: str) -> None:
    """Raise the fidelity error for word ``index`` (from 0), which the source has as the first
    of ``following`` (nothing when the TEI has words after the source's last)."""
    near = " ".join([*before, *islice(following, 3)])
    raise InternalError(
        f"fidelity check failed: the TEI text differs from the source at word {index + 1} "
        f"(near {near!r}); this is a converter bug, please report it",
        Location(source),
    )
