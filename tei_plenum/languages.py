"""Languages by name and BCP 47 code: what the archive's cover, a docket's translation note
("Translation from Korean") and the sidecar say about the languages of a document."""

from __future__ import annotations

from . import pattern_cache

LANGUAGES: dict[str, str] = {
    "albanian": "sq", "arabic": "ar", "armenian": "hy", "belarusian": "be", "bulgarian": "bg",
    "burmese": "my", "chinese": "zh", "croatian": "hr", "czech": "cs", "danish": "da",
    "dutch": "nl", "english": "en", "estonian": "et", "finnish": "fi", "french": "fr",
    "georgian": "ka", "german": "de", "greek": "el", "hebrew": "he", "hindi": "hi",
    "hungarian": "hu", "indonesian": "id", "italian": "it", "japanese": "ja", "khmer": "km",
    "korean": "ko", "lao": "lo", "latvian": "lv", "lithuanian": "lt", "macedonian": "mk",
    "mongolian": "mn", "norwegian": "no", "persian": "fa", "polish": "pl", "portuguese": "pt",
    "romanian": "ro", "russian": "ru", "serbian": "sr", "serbo-croatian": "sh", "slovak": "sk",
    "slovenian": "sl", "spanish": "es", "swedish": "sv", "thai": "th", "turkish": "tr",
    "ukrainian": "uk", "urdu": "ur", "vietnamese": "vi",
}  # fmt: skip
"""Lower-case English language names and their BCP 47 codes."""

_NAMES = {code: name.title() for name, code in LANGUAGES.items()}
_WORD = pattern_cache.compile(r"[A-Za-z-]+")


def code_of(words: str) -> str:
    """The code of the first language named in ``words`` ("Russian", "Original Language:
    Korean", "Translation from the Chinese"), else empty."""
    for word in _WORD.findall(words):
        code = LANGUAGES.get(word.lower())
        if code:
            return code
    return ""


def name_of(code: str) -> str:
    """The English name of a language code ("ru" -> "Russian"); the code when unknown."""
    return _NAMES.get(code.split("-")[0].lower(), code)


def display_name(tag: str) -> str:
    """The English name of a BCP 47 tag, for readers: the table's name for a bare code of the
    table ("ko" -> "Korean"), else the name ``langcodes`` gives when that optional package is
    installed ("ko-Latn" -> "Korean (Latin)"), else the table's name for its language, else
    the tag itself. The table comes first so that the names a page shows for the languages of
    the archive's documents never depend on what is installed."""
    if tag.lower() in _NAMES:
        return _NAMES[tag.lower()]
    try:
        import langcodes
    except ImportError:
        return name_of(tag)
    try:
        language = langcodes.Language.get(tag)
        if language.language is None or not language.is_valid():
            return name_of(tag)
        return str(language.display_name("en"))
    except (ValueError, LookupError, ImportError):
        return name_of(tag)
