"""Discovery: which inputs a batch takes, where their outputs go, and what it refuses."""

from __future__ import annotations

import os
import shutil
from pathlib import Path, PurePosixPath

from tei_plenum.batch import discover
from tei_plenum.batch.discover import unsafe_output
from tests.batch.conftest import DOCUMENTS, LAYOUT


def rels(found) -> list[str]:
    return [str(job.rel) for job in found.jobs]


def test_a_directory_gives_every_txt_below_it_sorted_with_mirrored_paths(
    collection: Path, tmp_path: Path
):
    found = discover([str(collection)], tmp_path / "out")
    assert rels(found) == sorted(LAYOUT.values())
    assert found.refused == ()
    job = next(j for j in found.jobs if j.rel.name == "report-soviet-specialists-1960")
    assert job.source == collection / "reports/1960/report-soviet-specialists-1960.txt"
    assert job.output(tmp_path / "out", ".html") == (
        tmp_path / "out/reports/1960/report-soviet-specialists-1960.html"
    )


def test_files_are_placed_relative_to_their_common_parent(collection: Path, tmp_path: Path):
    found = discover(
        [
            str(collection / "reports/1960/report-soviet-specialists-1960.txt"),
            str(collection / "journals/journal-puzanov-1959.txt"),
        ],
        tmp_path / "out",
    )
    assert rels(found) == [
        "journals/journal-puzanov-1959",
        "reports/1960/report-soviet-specialists-1960",
    ]


def test_a_single_file_lands_at_the_top_of_outdir(collection: Path, tmp_path: Path):
    found = discover([str(collection / "journals/journal-puzanov-1959.txt")], tmp_path / "o")
    assert rels(found) == ["journal-puzanov-1959"]


def test_glob_patterns_are_expanded_relative_to_their_fixed_folders(
    collection: Path, tmp_path: Path
):
    found = discover([f"{collection}/**/*-19[56]?.txt"], tmp_path / "out")
    assert rels(found) == [
        "journals/journal-puzanov-1959",
        "poland/minutes-puwp-politburo-1957",
        "reports/1960/report-soviet-specialists-1960",
        "resolution-kwp-presidium-1958",
    ]


def test_the_same_file_named_twice_is_converted_once(collection: Path, tmp_path: Path):
    single = collection / "hostile-plain-prose.txt"
    found = discover([str(single), str(collection), f"{collection}/*.txt"], tmp_path / "out")
    assert len(found.jobs) == len(LAYOUT)
    assert sum(job.source.samefile(single) for job in found.jobs) == 1


def test_sidecars_beside_inputs_are_attached(tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    name = "web-north-south-talks-1972"
    for suffix in (".txt", ".meta.toml"):
        shutil.copyfile(DOCUMENTS / f"{name}{suffix}", root / f"{name}{suffix}")
    shutil.copyfile(DOCUMENTS / "hostile-plain-prose.txt", root / "plain.txt")
    found = discover([str(root)], tmp_path / "out")
    sidecars = {str(job.rel): job.sidecar for job in found.jobs}
    assert sidecars == {name: root / f"{name}.meta.toml", "plain": None}


def test_missing_inputs_and_empty_patterns_are_refused_with_a_reason(tmp_path: Path):
    found = discover([str(tmp_path / "nope.txt"), f"{tmp_path}/*.none"], tmp_path / "out")
    assert found.jobs == ()
    assert [(r.source, r.reason) for r in found.refused] == [
        (str(tmp_path / "nope.txt"), "no such file or directory"),
        (f"{tmp_path}/*.none", "the pattern matches no file"),
    ]


def test_links_out_of_the_input_folder_are_refused_and_links_inside_kept(
    collection: Path, tmp_path: Path
):
    outside = tmp_path / "secret.txt"
    outside.write_text("Outside the collection.\n", "utf-8")
    (collection / "escape.txt").symlink_to(outside)
    (collection / "alias.txt").symlink_to(collection / "poland/minutes-puwp-politburo-1957.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (collection / "linked").symlink_to(elsewhere, target_is_directory=True)
    found = discover([str(collection)], tmp_path / "out")
    reasons = {Path(r.source).name: r.reason for r in found.refused}
    assert reasons == {
        "escape.txt": f"a symbolic link to a file outside {collection}",
        "linked": "a linked folder is not followed",
    }
    # The link inside the folder names a file already found: the file keeps its place.
    assert rels(found) == sorted(LAYOUT.values())


def test_outputs_through_a_linked_folder_in_outdir_are_refused(collection: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "victim").mkdir()
    (out / "journals").symlink_to(tmp_path / "victim", target_is_directory=True)
    found = discover([str(collection)], out)
    assert [(Path(r.source).name, r.reason) for r in found.refused] == [
        ("journal-puzanov-1959.txt", f"the output folder {out / 'journals'} is a symbolic link")
    ]
    assert "journals/journal-puzanov-1959" not in rels(found)


def test_output_names_that_leave_outdir_are_refused(tmp_path: Path):
    out = tmp_path / "out"
    assert unsafe_output(PurePosixPath("../up"), out) is not None
    assert unsafe_output(PurePosixPath("a/../../up"), out) is not None
    assert unsafe_output(PurePosixPath("/etc/passwd"), out) is not None
    assert unsafe_output(PurePosixPath("a/b"), out) is None


def test_an_earlier_runs_outputs_inside_the_input_folder_are_not_inputs(
    collection: Path,
):
    out = collection / "out"
    (out / "journals").mkdir(parents=True)
    (out / "journals" / "journal-puzanov-1959.txt").write_text("an earlier export\n", "utf-8")
    assert rels(discover([str(collection)], out)) == sorted(LAYOUT.values())
    assert rels(discover([f"{collection}/**/*.txt"], out)) == sorted(LAYOUT.values())


def test_outputs_may_never_overwrite_an_input(collection: Path):
    found = discover([str(collection)], collection)
    assert found.jobs == ()
    assert {Path(r.source).name for r in found.refused} == {
        f"{Path(v).name}.txt" for v in LAYOUT.values()
    }
    # Every output would lie in the input folder; the .txt view would even replace its source.
    assert all(
        r.reason.endswith(f"lies inside the input folder {collection}; refusing to write there")
        for r in found.refused
    )


def test_two_inputs_with_one_output_name_and_the_reserved_index(tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    for name in ("a.txt", "a.text", "index.txt"):
        (root / name).write_text("Some text.\n", "utf-8")
    found = discover(
        [str(root / "a.txt"), str(root / "a.text"), str(root / "index.txt")],
        tmp_path / "out",
        reserved=[PurePosixPath("index")],
    )
    assert rels(found) == ["a"]
    assert [(Path(r.source).name, r.reason) for r in found.refused] == [
        ("a.txt", f"its outputs a.* would overwrite those of {root / 'a.text'}"),
        ("index.txt", "its outputs index.* would overwrite those of the corpus index"),
    ]


def test_a_fifo_is_still_a_job_so_that_reading_it_fails_as_a_reported_error(tmp_path: Path):
    root = tmp_path / "in"
    root.mkdir()
    os.mkfifo(root / "pipe.txt")
    assert rels(discover([str(root)], tmp_path / "out")) == ["pipe"]


def test_text_files_in_any_case_are_taken_and_other_files_reported(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("upper.TXT", "mixed.Txt", "lower.txt"):
        (folder / name).write_text("A letter.\n", "utf-8")
    (folder / "upper.meta.toml").write_text('title = "Upper"\n', "utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "notes.md").write_text("notes\n", "utf-8")
    found = discover([str(folder)], tmp_path / "out")
    assert rels(found) == ["lower", "mixed", "upper"]
    assert next(j for j in found.jobs if j.rel.name == "upper").sidecar == (
        folder / "upper.meta.toml"
    )
    assert found.ignored == (str(folder / "notes.md"), str(folder / "scan.pdf"))
    assert found.refused == ()


def test_two_case_variants_of_one_name_cannot_share_outputs(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("One.\n", "utf-8")
    (folder / "a.TXT").write_text("Two.\n", "utf-8")
    found = discover([str(folder)], tmp_path / "out")
    assert rels(found) == ["a"]
    assert [r.reason for r in found.refused] == [
        f"its outputs a.* would overwrite those of {found.jobs[0].source}"
    ]
