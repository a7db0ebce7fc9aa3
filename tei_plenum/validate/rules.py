"""XPath 2.0 Schematron without Java: the rules TEI embeds in its RELAX NG, and xslt2 .sch files.

jing ignores the ``sch:pattern``\\ s inside tei_all.rng (and any ODD-generated customisation);
they are extracted here once per schema, every XPath is compiled once with elementpath, and
each document is checked by evaluating the compiled expressions.

Speed: a rule whose context selects TEI elements by name (or, for ``tei:*[@x]``, requires
attributes) is skipped when the document holds none of them, since most of TEI's rules concern
ODD specifications or rare elements; a context that can be written in XPath 1.0 (unions given
one ``//`` per branch, simple ``eq``/``ne`` and ``count() gt N`` comparisons rewritten) selects
its nodes with libxml2, and only the assertions run in pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from elementpath import XPathContext
from elementpath.exceptions import ElementPathError
from elementpath.xpath3 import XPath31Parser
from lxml import etree

from .. import pattern_cache
from ..diagnostics import Diagnostic, Severity
from ..errors import Location, SchemaLoadError
from ..vocabulary import XML_NS
from .engines import SCH_NS, WARNING_ROLES
from .locate import Locator

_SCH = f"{{{SCH_NS}}}"
_TEI_NAME = pattern_cache.compile(r"tei:([A-Za-z][\w.-]*)")
# A context whose outer path (predicates removed) is made of TEI-named steps only: every node
# it selects bears one of those names or lies on a path through one, so a document without any
# of them cannot fire the rule. Wildcards, other prefixes and functions disable the test.
_TEI_PATH = pattern_cache.compile(r"[\s()|/]*(?:(?:[a-z-]+::)?tei:[A-Za-z][\w.-]*[\s()|/]*)+")
# tei:*[...] with simple predicates: the attributes named outside not() and "or" must occur.
_WILDCARD_CONTEXT = pattern_cache.compile(r"tei:\*(\s*\[[^\[\]]*\])+")
_PREDICATE = pattern_cache.compile(r"\[([^\[\]]*)\]")
_ATTRIBUTE = pattern_cache.compile(r"@(?:[\w.-]+:)?([\w.-]+)")
# XPath 2.0 value comparisons that mean the same in XPath 1.0: an attribute of the node in
# focus (at most one value; not a path such as a/@b) against a string, and count() (always one
# integer) against a number.
_STRING_COMPARISON = pattern_cache.compile(
    r"""(?<![^\s(\[])(@[\w:.-]+)\s+(eq|ne)\s+('[^']*'|"[^"]*")"""
)
_COUNT_COMPARISON = pattern_cache.compile(r"(count\([^()]*\))\s+(eq|ne|lt|le|gt|ge)\s+([0-9]+)\b")
_XPATH1_OPERATORS = {"eq": "=", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}
# XSLT's current() (the rule's context node) is not XPath; it becomes a bound variable.
_CURRENT = pattern_cache.compile(r"\bcurrent\(\s*\)")
_CURRENT_VAR = "tei-plenum-current"


@dataclass(frozen=True, slots=True)
class _Check:
    rule_id: str
    is_assert: bool
    test: Any
    message: tuple[Any, ...]
    severity: Severity


@dataclass(frozen=True, slots=True)
class _Rule:
    context: Any
    fast_context: etree.XPath | None
    names: frozenset[str]
    attributes: frozenset[str]
    lets: tuple[tuple[str, Any], ...]
    checks: tuple[_Check, ...]


class RuleEngine:
    """Every sch:pattern found in a schema tree, compiled for elementpath."""

    def __init__(self, path: Path, tree: etree._ElementTree) -> None:
        self.schema = path.name
        root = tree.getroot()
        namespaces = {"xml": XML_NS}
        for ns in root.iter(f"{_SCH}ns"):
            namespaces[ns.get("prefix")] = ns.get("uri")
        variables = {let.get("name"): "item()*" for let in root.iter(f"{_SCH}let")}
        variables[_CURRENT_VAR] = "node()"
        self._parser = XPath31Parser(namespaces=namespaces, variable_types=variables)
        self._namespaces = namespaces
        self._rules = tuple(self._compile_rules(root, path))

    @property
    def rule_count(self) -> int:
        return len(self._rules)

    def _compile(self, expression: str, path: Path, node: etree._Element) -> Any:
        try:
            return self._parser.parse(_CURRENT.sub(f"${_CURRENT_VAR}", expression))
        except ElementPathError as exc:
            raise SchemaLoadError(
                f"cannot compile Schematron XPath {expression!r}: {exc}",
                Location(str(path), node.sourceline),
            ) from None

    def _compile_rules(self, root: etree._Element, path: Path) -> Iterator[_Rule]:
        for pattern in root.iter(f"{_SCH}pattern"):
            pattern_id = pattern.get("id") or "schematron"
            for rule in pattern.iter(f"{_SCH}rule"):
                context = (rule.get("context") or "").strip()
                anywhere = context if context.startswith("/") else f"//({context})"
                yield _Rule(
                    context=self._compile(anywhere, path, rule),
                    fast_context=self._compile_xpath1(context),
                    names=_context_names(context),
                    attributes=_required_attributes(context),
                    lets=tuple(
                        (let.get("name"), self._compile(let.get("value") or "()", path, let))
                        for let in rule.findall(f"{_SCH}let")
                    ),
                    checks=tuple(self._compile_checks(rule, pattern_id, path)),
                )

    def _compile_xpath1(self, context: str) -> etree.XPath | None:
        """The context, anywhere in a document, as libxml2 XPath 1.0 if it parses, else None.

        '//' would bind to the first branch of 'a | b' only, so each branch gets its own.
        """
        expression = " | ".join(
            branch if branch.startswith("/") else f"//{branch}"
            for branch in _top_level_branches(_as_xpath1_comparisons(context))
        )
        try:
            return etree.XPath(expression, namespaces=self._namespaces)
        except etree.XPathSyntaxError:
            return None

    def _compile_checks(
        self, rule: etree._Element, pattern_id: str, path: Path
    ) -> Iterator[_Check]:
        for node in rule:
            if node.tag not in (f"{_SCH}assert", f"{_SCH}report"):
                continue
            role = (node.get("role") or "").lower()
            yield _Check(
                rule_id=node.get("id") or pattern_id,
                is_assert=node.tag == f"{_SCH}assert",
                test=self._compile(node.get("test") or "true()", path, node),
                message=tuple(self._compile_message(node, path)),
                severity=Severity.WARNING if role in WARNING_ROLES else Severity.ERROR,
            )

    def _compile_message(self, node: etree._Element, path: Path) -> Iterator[Any]:
        """Message parts: strings, and compiled expressions for sch:name / sch:value-of."""
        if node.text:
            yield node.text
        for child in node:
            if child.tag == f"{_SCH}value-of":
                yield self._compile(child.get("select") or "''", path, child)
            elif child.tag == f"{_SCH}name":
                yield self._compile(child.get("path") or "name()", path, child)
            else:
                yield "".join(child.itertext())
            if child.tail:
                yield child.tail

    def check(self, tree: etree._ElementTree, source: str) -> Iterator[Diagnostic]:
        elements = [e for e in tree.iter() if isinstance(e.tag, str)]
        present = {etree.QName(e).localname for e in elements}
        attributes = {etree.QName(a).localname for e in elements for a in e.attrib}
        document = XPathContext(tree, namespaces=self._namespaces).root
        locator = Locator(source)
        for rule in self._rules:
            if rule.names and not rule.names & present:
                continue
            if not rule.attributes <= attributes:
                continue
            for node in self._select(rule, tree, document):
                yield from self._check_node(rule, node, document, locator)

    @staticmethod
    def _select(rule: _Rule, tree: etree._ElementTree, document: Any) -> Iterator[Any]:
        if rule.fast_context is not None:
            try:
                found = rule.fast_context(tree)
            except etree.XPathEvalError:
                found = None
            if isinstance(found, list) and all(isinstance(e, etree._Element) for e in found):
                for element in found:
                    yield document.get_element_node(element)
                return
        yield from rule.context.select(XPathContext(document))

    def _check_node(
        self, rule: _Rule, node: Any, document: Any, locator: Locator
    ) -> Iterator[Diagnostic]:
        variables: dict[str, Any] = {_CURRENT_VAR: node}
        for name, expression in rule.lets:
            variables[name] = expression.evaluate(self._focus(document, node, variables))
        context = self._focus(document, node, variables)
        for check in rule.checks:
            holds = check.test.boolean_value(check.test.evaluate(context))
            if holds != check.is_assert:
                yield Diagnostic(
                    check.severity,
                    check.rule_id,
                    self._render(check.message, document, node, variables),
                    locator.location(getattr(node, "elem", None)),
                    self.schema,
                )

    @staticmethod
    def _focus(document: Any, node: Any, variables: dict[str, Any]) -> XPathContext:
        return XPathContext(document, item=node, variables=dict(variables))

    def _render(
        self, parts: tuple[Any, ...], document: Any, node: Any, variables: dict[str, Any]
    ) -> str:
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            value = part.evaluate(self._focus(document, node, variables))
            items = value if isinstance(value, list) else [value]
            out.append(" ".join(_string(item) for item in items))
        return " ".join("".join(out).split())


def _context_names(context: str) -> frozenset[str]:
    """TEI names one of which a document must hold for ``context`` to select anything.

    Empty when that cannot be told from the text of the context (the rule then always runs).
    """
    outer, previous = context, ""
    while outer != previous:  # innermost predicates first, until none is left
        previous, outer = outer, _PREDICATE.sub("", outer)
    if not _TEI_PATH.fullmatch(outer):
        return frozenset()
    return frozenset(_TEI_NAME.findall(outer))


def _as_xpath1_comparisons(expression: str) -> str:
    def operator(match: re.Match[str]) -> str:
        return f"{match[1]} {_XPATH1_OPERATORS[match[2]]} {match[3]}"

    return _COUNT_COMPARISON.sub(operator, _STRING_COMPARISON.sub(operator, expression))


def _top_level_branches(context: str) -> list[str]:
    """The operands of the '|' operators outside brackets, parentheses and string literals."""
    branches, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(context):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(context[start:index].strip())
            start = index + 1
    branches.append(context[start:].strip())
    return branches


def _required_attributes(context: str) -> frozenset[str]:
    if not _WILDCARD_CONTEXT.fullmatch(context):
        return frozenset()
    required: set[str] = set()
    for predicate in _PREDICATE.findall(context):
        if "not(" not in predicate.replace(" ", "") and " or " not in predicate:
            required.update(_ATTRIBUTE.findall(predicate))
    return frozenset(required)


def _string(item: Any) -> str:
    return str(getattr(item, "string_value", item))
