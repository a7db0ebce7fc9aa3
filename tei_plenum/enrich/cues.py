"""Which groups of cue words a text contains, found in one pass.

The enrichers' patterns (titled names, organisation names, measures) are costly to run over
every paragraph with Python's ``re``; most paragraphs contain none of their cue words. One
Aho-Corasick automaton over all cue words tells, in a single scan, which patterns are worth
running, so the cost follows the text rather than the number of patterns.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import ahocorasick


class Cues:
    """An immutable index from cue words to the pattern groups they announce."""

    def __init__(self, groups: Mapping[str, Iterable[str]]) -> None:
        by_word: dict[str, set[str]] = {}
        for group, words in groups.items():
            for word in words:
                by_word.setdefault(word, set()).add(group)
        self._automaton = ahocorasick.Automaton()
        for word, owners in by_word.items():
            self._automaton.add_word(word, (word, frozenset(owners), tuple(sorted(owners))))
        self._automaton.make_automaton()

    def where(self, text: str, group: str) -> list[tuple[int, int]]:
        """Spans of the cue words of ``group`` in ``text``, left to right."""
        spans = [
            (end - len(word) + 1, end + 1)
            for end, (word, owners, _) in self._automaton.iter(text)
            if group in owners
        ]
        return sorted(spans)

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Every cue word in ``text`` as (group, start, end), once per group it announces."""
        return [
            (group, end - len(word) + 1, end + 1)
            for end, (word, _, groups) in self._automaton.iter(text)
            for group in groups
        ]

    def found(self, text: str) -> frozenset[str]:
        """The groups at least one of whose cue words occurs in ``text`` (as a substring)."""
        seen: set[str] = set()
        for _end, (_word, owners, _) in self._automaton.iter(text):
            seen |= owners
        return frozenset(seen)
