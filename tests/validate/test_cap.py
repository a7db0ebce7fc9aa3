"""A cap on listed findings never changes the verdict or the counts."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from tei_plenum.diagnostics import Diagnostic, Severity
from tei_plenum.errors import Location
from tei_plenum.validate.validator import Validator


class _Findings:
    """Five warnings, then three errors."""

    schema = "fixed"

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        for index in range(8):
            severity = Severity.WARNING if index < 5 else Severity.ERROR
            yield Diagnostic(severity, "rule", f"finding {index}", Location(source))


def test_errors_beyond_the_cap_still_make_the_document_invalid() -> None:
    tree = etree.ElementTree(etree.Element("TEI"))
    capped = Validator([_Findings()], max_findings=4).validate_tree(tree, "a.xml")
    assert [d.message for d in capped.diagnostics] == [f"finding {i}" for i in range(4)]
    assert (capped.unlisted_warnings, capped.unlisted_errors, capped.unlisted) == (1, 3, 4)
    assert not capped.valid
    assert capped.error_count == 3
    whole = Validator([_Findings()]).validate_tree(tree, "a.xml")
    assert len(whole.diagnostics) == 8
    assert whole.unlisted == 0
    assert (whole.valid, whole.error_count) == (capped.valid, capped.error_count)
