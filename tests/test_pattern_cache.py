"""The pattern cache: stored patterns match exactly as freshly compiled ones, a damaged or
foreign file is ignored, and a conversion reads the same with the cache cold, warm or off."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tei_plenum import pattern_cache
from tei_plenum.pattern_cache import PatternStore

from .conftest import FIXTURES, ROOT, SAMPLE

# Patterns of the kinds the project uses: named groups, look-arounds, flags inline and given,
# classes with ranges beyond the Basic Multilingual Plane's surrogates, back-references.
PATTERNS = [
    (r"(?<![\w.-])(?P<day>[0-3]?\d)\s+(?P<month>May|June)(?![\w-])", 0),
    (r"^(?:minutes|record)\s+of\b", re.IGNORECASE),
    (r"(?i:between)\s{1,3}(\d+)\s*[-–]\s*(\d+)", 0),
    (r"[A-Z\u00c0-\u024f][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}", 0),
    (r"(?P<q>['\"])(?P<body>.*?)(?P=q)", re.DOTALL),
    (r"^\s*$", re.MULTILINE),
    (r"[\ud800-\udfff]", 0),
]
TEXTS = [
    "On 14 May 1957, Minutes of the plenum; between 3 - 5 June",
    "RECORD OF Conversation with Comrade Kim Il-sung\n\n'quoted'\n",
    'Zhou Enlai’s reply: "no"\n  \n',
]


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def _stored(tmp_path: Path) -> PatternStore:
    """A store that has written the sample patterns to ``tmp_path`` and been opened again."""
    first = PatternStore.open(tmp_path)
    for pattern, flags in PATTERNS:
        first.compile(pattern, flags)
    first.save()
    return PatternStore.open(tmp_path)


def test_a_stored_pattern_is_the_pattern_compiled_from_its_text(tmp_path: Path) -> None:
    store = _stored(tmp_path)
    assert len(store.stored) == len(PATTERNS)
    for pattern, flags in PATTERNS:
        cached, fresh = store.compile(pattern, flags), re.compile(pattern, flags)
        assert (cached.pattern, cached.flags, cached.groups, cached.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
        for text in TEXTS:
            assert _matches(cached, text) == _matches(fresh, text)


@pytest.fixture(scope="module")
def reopened(tmp_path_factory: pytest.TempPathFactory) -> PatternStore:
    return _stored(tmp_path_factory.mktemp("patterns"))


@given(text=st.text(alphabet="abcMayJune0123456789 -–'\"\n\u00e9", max_size=60))
def test_stored_patterns_match_any_text_as_fresh_ones(reopened: PatternStore, text: str) -> None:
    for pattern, flags in PATTERNS:
        fresh = re.compile(pattern, flags)
        assert _matches(reopened.compile(pattern, flags), text) == _matches(fresh, text)


def _cache_file(directory: Path) -> Path:
    (found,) = directory.glob("patterns-*.bin")
    return found


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:-1] + bytes([data[-1] ^ 1]), id="code-changed"),
        pytest.param(lambda data: b"something else\n" + data, id="not-a-cache"),
        pytest.param(lambda data: data.replace(b'"patterns"', b'"patternz"'), id="head-changed"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_a_damaged_file_is_ignored(tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    _stored(tmp_path)
    path = _cache_file(tmp_path)
    path.write_bytes(damage(path.read_bytes()))
    store = PatternStore.open(tmp_path)
    assert store.stored == {}
    pattern, flags = PATTERNS[0]
    assert _matches(store.compile(pattern, flags), TEXTS[0]) == _matches(
        re.compile(pattern, flags), TEXTS[0]
    )


def test_code_the_engine_refuses_is_compiled_again_from_the_text(tmp_path: Path) -> None:
    store = _stored(tmp_path)
    pattern, flags = PATTERNS[0]
    final_flags, code, groups, names = store.stored[pattern, flags]
    store.stored[pattern, flags] = (final_flags, code[:3], groups, names)
    assert _matches(store.compile(pattern, flags), TEXTS[0]) == _matches(
        re.compile(pattern, flags), TEXTS[0]
    )
    assert (pattern, flags) not in store.stored


def test_an_interpreter_reads_only_its_own_file(tmp_path: Path) -> None:
    """Matching code is private to the engine that made it: the file is named after the
    interpreter's build, and another build's file is not read."""
    _stored(tmp_path)
    assert _cache_file(tmp_path).name == pattern_cache._file_name()
    other = tmp_path / "other"
    other.mkdir()
    _cache_file(tmp_path).rename(other / "patterns-0000000000000000.bin")
    assert PatternStore.open(other).stored == {}


def test_saving_keeps_the_patterns_of_this_run_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stored(tmp_path)
    monkeypatch.setattr(pattern_cache, "MAX_PATTERNS", len(PATTERNS) + 1)
    later = PatternStore.open(tmp_path)
    new = [(rf"\bnew{n}\b", 0) for n in range(3)]
    for pattern, flags in new:
        later.compile(pattern, flags)
    later.save()
    kept = PatternStore.open(tmp_path).stored
    assert len(kept) == len(PATTERNS) + 1
    assert all(key in kept for key in new)


def test_nothing_is_written_when_the_file_holds_every_pattern(tmp_path: Path) -> None:
    store = _stored(tmp_path)
    for pattern, flags in PATTERNS:
        store.compile(pattern, flags)
    _cache_file(tmp_path).unlink()
    store.save()
    assert not list(tmp_path.glob("patterns-*.bin"))


def test_a_cache_that_cannot_be_written_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    store = PatternStore.open(blocker / "cache")
    store.compile(*PATTERNS[0])
    with pytest.raises(NotADirectoryError):
        store.save()
    monkeypatch.setattr(pattern_cache, "_process_store", lambda: store)
    pattern_cache.save()
    assert not list(tmp_path.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"TEI_PLENUM_CACHE_DIR": "/some/where"}, Path("/some/where")),
        ({"TEI_PLENUM_CACHE_DIR": ""}, None),
        ({"XDG_CACHE_HOME": "/x/cache"}, Path("/x/cache/tei-plenum")),
        ({"HOME": "/home/reader"}, Path("/home/reader/.cache/tei-plenum")),
    ],
)
def test_where_the_cache_lives(
    environment: dict[str, str], expected: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TEI_PLENUM_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert pattern_cache.cache_dir() == expected


def _convert(sources: list[Path], out: Path, cache: str) -> dict[str, bytes]:
    out.mkdir()
    environment = {**os.environ, "TEI_PLENUM_CACHE_DIR": cache}
    for source in sources:
        target = out / f"{source.stem}.xml"
        command = ["convert", str(source), "-o", str(target)]
        subprocess.run(
            [sys.executable, "-m", "tei_plenum", *command],
            check=True,
            env=environment,
            capture_output=True,
        )
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def test_conversions_read_the_same_with_the_cache_cold_warm_or_off(tmp_path: Path) -> None:
    sources = [SAMPLE, *sorted((FIXTURES / "documents").glob("*.txt"))[:6]]
    cache = tmp_path / "cache"
    off = _convert(sources, tmp_path / "off", "")
    cold = _convert(sources[:1], tmp_path / "cold", str(cache))
    assert _cache_file(cache).stat().st_size > 100_000
    warm = _convert(sources, tmp_path / "warm", str(cache))
    assert cold[f"{SAMPLE.stem}.xml"] == off[f"{SAMPLE.stem}.xml"]
    assert warm == off


def test_the_fixed_patterns_do_not_depend_on_the_hash_seed() -> None:
    """A pattern's text is its key in the cache: one built from a set's order would be a new
    pattern in every process. Every module is imported, and the sample converted."""
    script = (
        "import json, pkgutil, importlib; from pathlib import Path;"
        "import tei_plenum; from tei_plenum import pattern_cache, pipeline;"
        "[importlib.import_module(m.name) for m in"
        " pkgutil.walk_packages(tei_plenum.__path__, 'tei_plenum.')"
        " if not m.name.endswith('__main__')];"
        f"pipeline.convert_file(Path({str(SAMPLE)!r}));"
        "print(json.dumps(sorted(pattern_cache._process_store().asked)))"
    )
    seen = [
        subprocess.run(
            [sys.executable, "-c", script],
            check=True,
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "TEI_PLENUM_CACHE_DIR": ""},
        ).stdout
        for seed in ("1", "2", "3")
    ]
    assert len(json.loads(seen[0])) > 200
    assert seen[0] == seen[1] == seen[2]
