"""The manifest on its own: round trip, damaged files, throttled saves, shared entity records."""

from __future__ import annotations

import json
from pathlib import Path

from tei_plenum.batch import MANIFEST_NAME, Outcome, Status, Summary
from tei_plenum.batch.manifest import Manifest

KIM = ("person", "pers-kim-il-sung", "Kim Il Sung")


def summary(title: str) -> Summary:
    return Summary(title, "1958-01-22", "1958-01-22", "letter", "", 1, 2, 0, (KIM,))


def converted(rel: str, outdir: Path) -> Outcome:
    (outdir / f"{rel}.xml").write_text("<TEI/>", "utf-8")
    return Outcome(
        f"in/{rel}.txt",
        rel,
        Status.CONVERTED,
        summary=summary(rel.upper()),
        outputs=(f"{rel}.xml",),
        input_sha="aa",
        sidecar_sha=None,
    )


def test_round_trip_and_what_makes_an_entry_current(tmp_path: Path):
    manifest = Manifest.load(tmp_path, "settings-1")
    manifest.record(converted("a", tmp_path))
    manifest.save()
    again = Manifest.load(tmp_path, "settings-1")
    entry = again.current("a", "aa", None)
    assert entry is not None
    assert entry.summary == summary("A")
    assert entry.outputs == ("a.xml",)
    assert again.current("a", "bb", None) is None
    assert again.current("a", "aa", "sidecar") is None
    assert Manifest.load(tmp_path, "settings-2").current("a", "aa", None) is None
    (tmp_path / "a.xml").unlink()
    assert again.current("a", "aa", None) is None


def test_a_failure_forgets_the_earlier_conversion(tmp_path: Path):
    manifest = Manifest.load(tmp_path, "s")
    manifest.record(converted("a", tmp_path))
    manifest.record(Outcome("in/a.txt", "a", Status.FAILED, reason="broken"))
    assert manifest.entries == {}


def test_a_damaged_or_foreign_manifest_counts_as_empty(tmp_path: Path):
    path = tmp_path / MANIFEST_NAME
    for text in ("{not json", '{"format": 99, "entries": {}}', '{"format": 1, "entries": 3}'):
        path.write_text(text, "utf-8")
        assert Manifest.load(tmp_path, "s").entries == {}
    path.write_text(json.dumps({"format": 1, "entries": {"a": {"input": "aa"}}}), "utf-8")
    assert Manifest.load(tmp_path, "s").entries == {}


def test_saves_while_running_are_throttled(tmp_path: Path):
    now = [100.0]
    manifest = Manifest(tmp_path / MANIFEST_NAME, "s", clock=lambda: now[0])
    manifest.save(force=False)
    assert (tmp_path / MANIFEST_NAME).exists()
    manifest.record(converted("a", tmp_path))
    now[0] = 100.5
    manifest.save(force=False)
    assert json.loads((tmp_path / MANIFEST_NAME).read_text("utf-8"))["entries"] == {}
    now[0] = 101.0
    manifest.save(force=False)
    assert list(json.loads((tmp_path / MANIFEST_NAME).read_text("utf-8"))["entries"]) == ["a"]


def test_entity_records_are_kept_once_however_many_documents_name_them(tmp_path: Path):
    manifest = Manifest.load(tmp_path, "s")
    for rel in ("a", "b"):
        manifest.record(converted(rel, tmp_path))
    manifest.save()
    loaded = Manifest.load(tmp_path, "s")
    first, second = (loaded.entries[rel].summary.entities[0] for rel in ("a", "b"))
    assert first == KIM
    assert first is second


def test_a_run_records_its_tag_first_and_the_next_removes_only_its_temporaries(tmp_path: Path):
    killed = Manifest.load(tmp_path, "settings-1")
    killed.begin_run()
    # What the run recorded before its first write, as a run killed outright leaves it.
    on_disk = json.loads((tmp_path / MANIFEST_NAME).read_text("utf-8"))
    assert on_disk["unfinished"] == [killed.tag]
    (tmp_path / "sub").mkdir()
    leftover = tmp_path / "sub" / f".a.html.{killed.tag}.tmp"
    leftover.write_text("half", "utf-8")
    other = "0123456789ab" if killed.tag != "0123456789ab" else "ba9876543210"
    mine = tmp_path / "sub" / f".draft.txt.{other}.tmp"
    mine.write_text("a user's own file", "utf-8")

    following = Manifest.load(tmp_path, "settings-1")
    assert following.unfinished == [killed.tag]
    following.begin_run()
    assert not leftover.exists()
    assert mine.read_text("utf-8") == "a user's own file"
    following.end_run()
    assert Manifest.load(tmp_path, "settings-1").unfinished == []
