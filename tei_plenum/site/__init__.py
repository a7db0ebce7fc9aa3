"""The corpus site: a folder of TEI files published as a static edition.

``build_site`` writes each document's reading page (with links to the index, the previous
and next documents by date and its TEI file, copied beside it), the index of documents in
three pre-sorted views, facet pages (genres, years, classifications), the cross-document
indexes of persons, places, organisations and events, and, when Pagefind is installed, a
search page. Every page but the search page is script-free.
"""

from .build import SiteResult, build_site

__all__ = ["SiteResult", "build_site"]
