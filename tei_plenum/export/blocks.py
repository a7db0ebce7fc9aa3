"""Which TEI elements are blocks: one table for every exporter.

The reading text and the HTML page must agree on where one block ends and the next begins:
the fidelity rule (guide §11) puts whitespace between blocks, and a page whose blocks differ
from the text's would read differently. Each element is one of:

- a **container**: it groups blocks and holds no text of its own (character data between its
  children is layout whitespace): ``body``, ``div``, ``list``, ``sp``, ``address``;
- a **text block**: it holds running text, one paragraph, heading, line or docket cell each:
  ``p``, ``head``, ``item``, ``addrLine``;
- **mixed**: it may run inside a paragraph or hold paragraphs (``quote``, ``cit``), and is a
  block only where it holds blocks;
- **inline**: every other element (names, dates, ``label``, ``seg``…).

The classes follow the content models of the TEI Guidelines. ``address`` contains only
address parts (``addrLine``, ``street``…), so it is a container whose lines are the blocks;
``item`` and ``cell`` contain text like ``p`` (and may contain paragraphs), so ``item`` is a
text block and ``cell``, which the page lays out as a table cell, a container that is read as
one block whenever it holds text of its own.
"""

from __future__ import annotations

DIVISIONS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})

CONTAINERS = DIVISIONS | frozenset(
    {
        "text", "front", "body", "back", "group", "titlePage", "docTitle", "opener", "closer",
        "postscript", "sp", "spGrp", "lg", "epigraph", "floatingText", "figure", "list",
        "listBibl", "listPerson", "listPlace", "listOrg", "listEvent", "castList", "table", "row",
        "cell", "address",
    }
)  # fmt: skip

TEXT_BLOCKS = frozenset(
    {
        "p", "ab", "head", "fw", "item", "l", "titlePart", "docDate", "docImprint", "docEdition",
        "byline", "signed", "speaker", "dateline", "salute", "addrLine", "trailer", "argument",
        "stage", "imprimatur",
    }
)  # fmt: skip

MIXED = frozenset({"quote", "cit"})

BLOCKS = CONTAINERS | TEXT_BLOCKS
"""Elements that always stand apart from their neighbours."""
