"""Square brackets: what each one is (encoding guide §9 and §9.1).

``classify_brackets`` runs first and turns the fixed forms into their elements: doubled
brackets (``unclear``, or ``gap`` when illegible), omissions (``gap``), descriptions of
signatures, stamps, seals and handwriting (``seg type="description"``), ``[sic …]`` and
translator's notes (inline ``note``). The names enricher may then claim bracketed names.
``finalize_brackets`` runs last: every bracket still unclaimed is words the translator
supplied (``supplied reason="translator-insertion"``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import pattern_cache
from ..model import Block, Document, Mark, attrs
from ..reader import patterns as pat
from ..vocabulary import BRACKET_MARK, HAND_ANNOTATOR, RESP_TRANSLATOR_EN, pointer

# Every bracket is the English translator's (guide §9).
_BY_TRANSLATOR = pointer(RESP_TRANSLATOR_EN)
SUPPLIED = attrs(reason="translator-insertion", resp=_BY_TRANSLATOR)
"""The attributes of ``supplied``: words the translator added (guide §9)."""
_DESCRIPTION = pattern_cache.compile(
    r"^(?P<what>signature|signatures|signed|illegible signature|initial|initials|seal|"
    r"round seal|stamp|handwriting|handwritten|photograph|emblem)$",
    re.IGNORECASE,
)
_GAP = pattern_cache.compile(
    r"^(?:illegible|inaudible|unclear|(?:\w+\s+)?(?:words?|lines?|letters?)\s+(?:illegible|"
    r"inaudible|missing|unreadable|unclear)|illegible,?\s+\w+(?:\s+\w+)?|unreadable|"
    r"text\s+missing)$",
    re.IGNORECASE,
)
_PREFIXED = pattern_cache.compile(
    r"^(?P<label>(?P<what>handwritten|handwriting|hand-written|[\w ,'-]{0,40}?\bstamp|"
    r"[\w ,'-]{0,40}?\bseal)(?:\s+\w+)?:)\s*",
    re.IGNORECASE,
)
# Text withheld from the copy ("[blacked out]", "[name redacted]"): unreadable to anyone.
_WITHHELD = pattern_cache.compile(
    r"^(?:[\w'’ -]{0,40}\s)?(?:blacked\s+out|redacted|excised|sanitized|sanitised|withheld)$",
    re.IGNORECASE,
)
# A note call of the archive's edition: a number in brackets glued to the letter or the
# punctuation before it ("the letter[1] by", "the meeting.[2]"), and no digit or letter after.
_NOTE_NUMBER = pattern_cache.compile(r"^\d{1,3}$")
_BEFORE_CALL = pattern_cache.compile(r"[^\W\d_]|[.,;:!?)\]\"'”’]")
_SIC = pattern_cache.compile(r"^sic\b", re.IGNORECASE)
# An editor's word on a name the text gives ("Diallo [not further identified]").
_UNIDENTIFIED = pattern_cache.compile(
    r"^(?:not\s+(?:further\s+)?identified|identity\s+unknown|unidentified)\.?$", re.IGNORECASE
)
# A sentence describing handwriting, without the label's colon ("[Handwritten note at the
# bottom of the page]", "[Illegible scribble in the margin]"): a description, no words of the
# text.
_HANDWRITING_SAID = pattern_cache.compile(
    r"^(?:handwritten|handwriting|hand-written)\s+\w|^(?:\w+\s+)?scribble\b", re.I
)
_NOTE = pattern_cache.compile(
    r"^(?:translator'?s|editor'?s|archive'?s|ed\.|trans\.)?\s*note\b"
    # A gloss the translator signs ("[i.e., advisers—trans.]", "[the Soviet side – Tr.]").
    r"|^[^\[\]]{0,200}?[-–—]\s*(?:trans|transl|tr|ed)\.?$",
    re.I,
)


def classify_brackets(doc: Document) -> Document:
    """Replace ``bracket`` marks of the fixed forms with their TEI elements."""
    return replace(doc, blocks=tuple(_classify_block(block) for block in doc.blocks))


def _classify_block(block: Block) -> Block:
    if not any(m.tag == BRACKET_MARK for m in block.marks):
        return block
    kept: list[Mark] = []
    added: list[Mark] = []
    for mark in block.marks:
        if mark.tag != BRACKET_MARK:
            kept.append(mark)
            continue
        found = _classify(block.text, mark)
        if found is None:
            kept.append(mark)
        else:
            added.extend(found)
    return block.with_only_marks([*kept, *added])


def _classify(text: str, mark: Mark) -> list[Mark] | None:
    content = text[mark.start : mark.end]
    s, e = mark.start, mark.end
    double = dict(mark.attrs).get("double") == "true"
    if _GAP.match(content) or (double and "illegible" in content.lower()):
        reason = "inaudible" if "inaudible" in content.lower() else "illegible"
        return [Mark(s, e, "gap", attrs(reason=reason, resp=_BY_TRANSLATOR))]
    if double:
        return [Mark(s, e, "unclear", attrs(resp=_BY_TRANSLATOR))]
    if _is_note_call(text, s, e):
        return [Mark(s, e, "ref", attrs(type="noteAnchor", n=content, resp=_BY_TRANSLATOR))]
    if pat.is_omission(content.strip()):
        return [Mark(s, e, "gap", attrs(reason="omitted", resp=_BY_TRANSLATOR))]
    if _WITHHELD.match(content):
        return [Mark(s, e, "gap", attrs(reason="redacted", resp=_BY_TRANSLATOR))]
    if m := _DESCRIPTION.match(content):
        return [
            Mark(
                s,
                e,
                "seg",
                attrs(type="description", subtype=_subtype(m["what"]), resp=_BY_TRANSLATOR),
            )
        ]
    if m := _PREFIXED.match(content):
        subtype = _subtype(m["what"])
        seg = Mark(s, e, "seg", attrs(type="description", subtype=subtype, resp=_BY_TRANSLATOR))
        inner_start = s + m.end()
        if inner_start >= e:
            return [seg]
        if subtype == "handwriting":
            inner = Mark(inner_start, e, "add", attrs(hand=pointer(HAND_ANNOTATOR)))
        else:
            inner = Mark(inner_start, e, "stamp")
        return [seg, inner]
    if _HANDWRITING_SAID.match(content):
        subtype = _subtype("handwriting")
        return [Mark(s, e, "seg", attrs(type="description", subtype=subtype, resp=_BY_TRANSLATOR))]
    if _SIC.match(content) or _UNIDENTIFIED.match(content):
        return [Mark(s, e, "note", attrs(type="editorial", place="inline", resp=_BY_TRANSLATOR))]
    if _NOTE.match(content):
        return [Mark(s, e, "note", attrs(type="translator", place="inline", resp=_BY_TRANSLATOR))]
    return None


def _is_note_call(text: str, start: int, end: int) -> bool:
    """Whether the bracketed ``text[start:end]`` is a note call: a number whose opening
    bracket follows a letter or punctuation with no space, and whose closing bracket ends a
    word ("letter[1] by", "meeting.[2]"). A number after a space ("item [2]") is the
    translator's, and one inside a number ("19[5]6") a supplied digit."""
    if not _NOTE_NUMBER.match(text[start:end]) or start < 2:
        return False
    after = text[end + 1 : end + 2]
    return bool(_BEFORE_CALL.fullmatch(text[start - 2])) and not after.isalnum()


def _subtype(what: str) -> str:
    word = what.lower()
    if "sign" in word or "initial" in word:
        return "signature"
    if "hand" in word:
        return "handwriting"
    if "seal" in word:
        return "seal"
    if "stamp" in word:
        return "stamp"
    return "object"


def finalize_brackets(doc: Document) -> Document:
    """Every bracket nobody claimed holds words the translator supplied (guide §9)."""

    def final(block: Block) -> Block:
        if not block.has_mark(BRACKET_MARK):
            return block
        marks = [
            Mark(m.start, m.end, "supplied", SUPPLIED) if m.tag == BRACKET_MARK else m
            for m in block.marks
        ]
        return block.with_only_marks(marks)

    return replace(doc, blocks=tuple(final(block) for block in doc.blocks))
