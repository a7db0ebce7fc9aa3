"""tei-plenum: plain-text archival translations to TEI P5, validation, HTML and text export.

The public API, imported on first use so that the command line starts fast::

    from tei_plenum import EXPORTERS, ConvertOptions, Validator, convert_file, search, to_text

    result = convert_file(Path("letter.txt"), options=ConvertOptions(encoding="cp1252"))
    print(to_text(result.tree))                   # result.tei: the TEI file's bytes
    html = EXPORTERS["html"].export(result.tree)  # any registered format, as bytes
    report = Validator.from_schemas(None).validate_tree(result.tree, "letter.xml")
    hits = search("corpus.sqlite", '"five-year plan"', person="Kim Il Sung").hits
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "Conversion": "pipeline",
    "convert_text": "pipeline",
    "convert_bytes": "pipeline",
    "convert_file": "pipeline",
    "ConvertOptions": "options",
    "Sidecar": "metadata",
    "DocumentMeta": "docmeta",
    "read_tei_header": "docmeta",
    "Document": "model",
    "EXPORTERS": "export",
    "Exporter": "export",
    "ExportOptions": "export",
    "to_text": "export.text",
    "to_html": "export.html",
    "Validator": "validate",
    "search": "search",
    "SearchResult": "search",
    "index_files": "search",
    "parse_xml": "xmlsafe",
    "parse_xml_file": "xmlsafe",
    "TeiPlenumError": "errors",
    "Location": "errors",
}
__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'tei_plenum' has no attribute {name!r}")
    module = import_module(f".{_API[name]}", __name__)
    # `search` is a package that is called as a function: tei_plenum.search(db, "query").
    return module if module.__name__ == f"{__name__}.{name}" else getattr(module, name)
