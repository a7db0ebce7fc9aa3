"""Inline marks the reader can see without any knowledge of names: square brackets.

Each bracket pair's *content* gets a ``bracket`` mark (a doubled pair ``[[…]]`` is one pair,
guide §9.1); the bracket characters stay outside it as text. Later stages decide what each
bracket is (a supplied word, a name, a description, a gap) and replace the mark.
"""

from __future__ import annotations

from ..model import Mark, attrs


def bracket_marks(text: str) -> list[Mark]:
    """Marks over the content of every balanced bracket pair, innermost pairs included."""
    if "[" not in text:
        return []
    marks: list[Mark] = []
    stack: list[int] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "[":
            double = text.startswith("[[", index)
            stack.append(index)
            if double:
                stack.append(-1)
                index += 2
                continue
        elif char == "]" and stack:
            if stack[-1] == -1 and text.startswith("]]", index):
                stack.pop()
                opening = stack.pop()
                marks.append(Mark(opening + 2, index, "bracket", attrs(double="true")))
                index += 2
                continue
            opening = stack.pop()
            if opening == -1:
                # "[[a] b]": the second "[" closes here; the first stays open as a single pair.
                opening = stack[-1] + 1
            marks.append(Mark(opening + 1, index, "bracket"))
        index += 1
    return [m for m in marks if m.end > m.start]
