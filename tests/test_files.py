"""Safe file access: atomic writes, the output rule, the link rule, the one finder of many
files, the folder lock, and the clean-up of temporaries a killed run left behind."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from tei_plenum.errors import InputError
from tei_plenum.files import (
    InputSet,
    check_output,
    find_files,
    folder_lock,
    links_out_of,
    open_atomically,
    remove_temporaries,
    write_atomically,
)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.xml"
    target.write_bytes(b"old")

    def interrupted_write() -> None:
        with open_atomically(target) as handle:
            handle.write(b"half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        interrupted_write()
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xml"]


def test_only_the_temporaries_of_recorded_runs_are_removed(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    recorded = [tmp_path / "a" / ".doc.xml.0123456789ab.tmp", tmp_path / ".x.0123456789ab.tmp"]
    kept = [
        tmp_path / "a" / ".mine.txt.fedcba987654.tmp",  # named like a temporary, not recorded
        tmp_path / "notes.tmp",
        tmp_path / ".doc.xml.short.tmp",
        tmp_path / "doc.xml",
    ]
    for path in recorded + kept:
        path.write_bytes(b"data")
    assert remove_temporaries(tmp_path, ["0123456789ab", "not-a-tag"]) == 2
    assert not any(path.exists() for path in recorded)
    assert all(path.exists() for path in kept)
    assert remove_temporaries(tmp_path, []) == 0


def test_write_atomically_replaces_the_file_and_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "new" / "folder" / "x.txt"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"


def test_a_tagged_write_leaves_no_temporary_and_replaces_its_own_leftover(tmp_path: Path) -> None:
    leftover = tmp_path / ".x.txt.0123456789ab.tmp"
    leftover.write_bytes(b"half, from a worker of this run that died")
    write_atomically(tmp_path / "x.txt", b"whole", tag="0123456789ab")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.txt"]


@pytest.mark.parametrize(
    ("failure", "message"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "No space left on device"),
        (PermissionError(errno.EACCES, "Permission denied"), "Permission denied"),
        (OSError(errno.EROFS, "Read-only file system"), "Read-only file system"),
    ],
)
def test_a_write_that_fails_is_an_input_error_naming_the_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: OSError, message: str
) -> None:
    target = tmp_path / "out.xml"
    real_replace = os.replace

    def failing_replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst) == target:
            raise failure
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(InputError) as caught:
        write_atomically(target, b"data")
    assert str(caught.value) == f"{target}: cannot write: {message}"
    assert list(tmp_path.iterdir()) == []


def test_an_output_folder_that_cannot_be_created_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file, not a folder", "utf-8")
    with pytest.raises(InputError, match="file: cannot create the output folder"):
        write_atomically(tmp_path / "file" / "x.xml", b"data")


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """``in/a.txt``, ``in/sub/b.txt``, and a file outside the input folder."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("a", "utf-8")
    (root / "sub" / "b.txt").write_text("b", "utf-8")
    (tmp_path / "elsewhere.txt").write_text("c", "utf-8")
    return root


def _refusal(path: Path, read: InputSet) -> str | None:
    try:
        check_output(path, read)
    except InputError as exc:
        return exc.message
    return None


def test_the_output_rule_refuses_inputs_links_and_paths_in_input_folders(
    inputs: Path, tmp_path: Path
) -> None:
    read = InputSet.of([inputs / "a.txt", tmp_path / "elsewhere.txt"], [inputs / "sub"])
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "target.json")
    (tmp_path / "hard.txt").hardlink_to(inputs / "a.txt")
    assert _refusal(inputs / "a.txt", read) == (
        "output path is an input file; refusing to overwrite it"
    )
    assert _refusal(tmp_path / "elsewhere.txt", read) is not None
    # The same file by another name: through a linked folder, or a hard link.
    (tmp_path / "alias").symlink_to(inputs)
    assert _refusal(tmp_path / "alias" / "a.txt", read) is not None
    assert _refusal(tmp_path / "hard.txt", read) is not None
    assert _refusal(inputs / "sub" / "new.json", read) == (
        f"output path lies inside the input folder {inputs / 'sub'}; refusing to write there"
    )
    assert _refusal(inputs / "sub" / "b.txt", read) is not None
    assert _refusal(link, read) == "output path is a symbolic link; refusing to write through it"
    assert not (tmp_path / "target.json").exists()
    # Beside an input file (not in a searched folder), or anywhere else: allowed.
    assert _refusal(inputs / "a.xml", read) is None
    assert _refusal(tmp_path / "out" / "a.xml", read) is None


def test_the_output_folder_inside_an_input_folder_is_spared_but_never_the_folder_itself(
    inputs: Path,
) -> None:
    spared = InputSet.of([], [inputs], spared=inputs / "out")
    assert _refusal(inputs / "out" / "a.xml", spared) is None
    assert _refusal(inputs / "report.json", spared) is not None
    whole = InputSet.of([], [inputs], spared=inputs)
    assert _refusal(inputs / "a.xml", whole) is not None


def test_the_writer_itself_never_writes_through_a_link(tmp_path: Path) -> None:
    private = tmp_path / "private.txt"
    private.write_text("secret", "utf-8")
    (tmp_path / "out.xml").symlink_to(private)
    with pytest.raises(InputError, match="symbolic link"):
        write_atomically(tmp_path / "out.xml", b"data")
    assert private.read_text("utf-8") == "secret"
    assert (tmp_path / "out.xml").is_symlink()


def test_the_link_rule_keeps_links_inside_their_folder(inputs: Path, tmp_path: Path) -> None:
    (inputs / "inside.txt").symlink_to(inputs / "sub" / "b.txt")
    (inputs / "outside.txt").symlink_to(tmp_path / "elsewhere.txt")
    assert not links_out_of(inputs / "a.txt", inputs)
    assert not links_out_of(inputs / "inside.txt", inputs)
    assert links_out_of(inputs / "outside.txt", inputs)
    # Inside or outside depends on the folder the file was found in.
    (inputs / "sub" / "up.txt").symlink_to(inputs / "a.txt")
    assert links_out_of(inputs / "sub" / "up.txt", inputs / "sub")
    assert not links_out_of(inputs / "sub" / "up.txt", inputs)


def test_find_files_expands_folders_and_reports_what_it_cannot_use(
    inputs: Path, tmp_path: Path
) -> None:
    (inputs / "outside.txt").symlink_to(tmp_path / "elsewhere.txt")
    (inputs / "notes.md").write_text("not text input", "utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    files, problems = find_files(
        [inputs, tmp_path / "elsewhere.txt", tmp_path / "missing.txt", empty], ".txt", "*.txt"
    )
    assert files == [inputs / "a.txt", inputs / "sub" / "b.txt", tmp_path / "elsewhere.txt"]
    assert [str(problem) for problem in problems] == [
        f"{inputs / 'outside.txt'}: a symbolic link to a file outside {inputs}; not followed",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{empty}: directory holds no *.txt files",
    ]


def hold(folder: Path, wait: float) -> None:
    with folder_lock(folder, wait=wait):
        pass


def test_a_locked_folder_is_refused_after_the_wait_naming_the_folder(tmp_path: Path) -> None:
    with folder_lock(tmp_path), pytest.raises(InputError) as caught:
        hold(tmp_path, wait=0.2)
    assert str(caught.value).startswith(f"{tmp_path}: another tei-plenum run is writing")
    hold(tmp_path, wait=0)  # released at the end of the block
