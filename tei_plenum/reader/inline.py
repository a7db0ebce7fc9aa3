"""Inline marks the reader can see without any knowledge of names: square brackets.

Each bracket pair's *content* gets a ``bracket`` mark (a doubled pair ``[[…]]`` is one pair,
guide §9.1); the bracket characters stay outside it as text. Later stages decide what each
bracket is (a supplied word, a name, a description, a gap) and replace the mark.
"""

from __future__ import annotations

from ..model import Mark, attrs
from .patterns.characters import BRACKET


def bracket_marks(text: str) -> list[Mark]:
    """Marks over the content of every balanced bracket pair, innermost pairs included."""
    if "[" not in text:
        return []
    marks: list[Mark] = []
    stack: list[int] = []
    found = BRACKET.search(text)
    while found is not None:
        index = found.start()
        step = 1
        if text[index] == "[":
            stack.append(index)
            if text.startswith("[[", index):
                stack.append(-1)
                step = 2
        elif stack:
            if stack[-1] == -1 and text.startswith("]]", index):
                stack.pop()
                opening = stack.pop()
                marks.append(Mark(opening + 2, index, "bracket", attrs(double="true")))
                step = 2
            else:
                opening = stack.pop()
                if opening == -1:
                    # "[[a] b]": the second "[" closes here; the first stays open as a single pair.
                    opening = stack[-1] + 1
                marks.append(Mark(opening + 1, index, "bracket"))
        # Jump from bracket to bracket instead of walking every character.
        found = BRACKET.search(text, index + step)
    return [m for m in marks if m.end > m.start]
