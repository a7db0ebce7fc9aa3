"""Finding a collection's inputs and deciding, before any work, where each one's outputs go.

Every input becomes a :class:`Job` whose ``rel`` is its path below a *root*: the directory
argument it was found in, the fixed leading folders of a glob pattern, or the common parent of
the files named directly. Outputs mirror ``rel`` under OUTDIR. Anything that could make an
output land outside OUTDIR, break the output rule (:func:`~tei_plenum.files.check_output`:
an input file, a path inside an input folder, a link) or collide with another output is refused
here with a reason, so the workers only ever write to paths that were checked.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .. import pattern_cache
from ..edition import CONFIG_NAME
from ..errors import ConfigError, InputError
from ..files import InputSet, check_output, links_out_of
from ..metadata import sidecar_for

# What a directory or glob contributes, in any case (.txt, .TXT, .Txt); a file named on the
# command line is taken whatever its suffix, because the user chose it.
SOURCE_SUFFIX = ".txt"
SIDECAR_SUFFIX = ".meta.toml"
_GLOB_MAGIC = pattern_cache.compile(r"[*?[]")


@dataclass(frozen=True, slots=True)
class Job:
    """One input: where to read it, its sidecar, and its output stem below OUTDIR."""

    source: Path
    rel: PurePosixPath
    sidecar: Path | None

    def output(self, outdir: Path, suffix: str) -> Path:
        """The output file for ``suffix`` (``.xml``, ``.html``, ``.txt``) under ``outdir``."""
        return outdir.joinpath(*self.rel.parent.parts, self.rel.name + suffix)


@dataclass(frozen=True, slots=True)
class Refusal:
    """An input that will not be converted, and why (shown to the user, counted as failed).
    ``missing`` marks an input that does not exist at all: a usage error, not a document's."""

    source: str
    reason: str
    missing: bool = False


@dataclass(frozen=True, slots=True)
class Discovery:
    """Jobs sorted by output stem, the refusals in the order they were found, the input set
    that every file the batch writes is checked against, and the other files of the input
    folders (neither text nor sidecar), which are not converted."""

    jobs: tuple[Job, ...]
    refused: tuple[Refusal, ...]
    inputs: InputSet = field(default_factory=InputSet)
    ignored: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Found:
    path: Path
    root: Path


def discover(
    inputs: Sequence[str],
    outdir: Path,
    *,
    suffixes: Sequence[str] = (".xml", ".html", ".txt"),
    reserved: Iterable[PurePosixPath] = (),
    protected: Iterable[Path] = (),
) -> Discovery:
    """Expand files, directories and glob patterns into sorted, deduplicated jobs.

    ``reserved`` names output stems the batch itself writes (the corpus ``index``), which no
    document may take; ``protected`` names further files the run reads (authority files),
    which no output may replace.
    """
    outdir_real = Path(os.path.realpath(outdir))
    refused: list[Refusal] = []
    folders: list[Path] = []
    ignored: list[str] = []
    found = list(_expand(inputs, outdir_real, refused, folders, ignored))
    sidecars: dict[Path, Path | ConfigError | None] = {}
    for item in found:
        try:
            sidecars[item.path] = sidecar_for(item.path)
        except ConfigError as exc:
            sidecars[item.path] = exc
    read = [item.path for item in found]
    read += [s for s in sidecars.values() if isinstance(s, Path)]
    input_set = InputSet.of([*read, *protected], folders, spared=outdir)
    taken = dict.fromkeys(reserved, "the corpus index")
    # One job per file: a link's target wins over the link, then the first in output order.
    unique: dict[str, _Found] = {}
    for item in sorted(found, key=lambda f: (f.path.is_symlink(), _rel(f).parts, str(f.path))):
        unique.setdefault(os.path.realpath(item.path), item)
    jobs: list[Job] = []
    for item in sorted(unique.values(), key=lambda f: (_rel(f).parts, str(f.path))):
        rel = _rel(item)
        sidecar = sidecars[item.path]
        reason = unsafe_output(rel, outdir) or _collision(rel, taken)
        if reason is None and isinstance(sidecar, ConfigError):
            reason = str(sidecar)
        if reason is None:
            job = Job(item.path, rel, sidecar if isinstance(sidecar, Path) else None)
            reason = _unsafe_outputs(job, outdir, suffixes, input_set)
        if reason is not None:
            refused.append(Refusal(str(item.path), reason))
            continue
        taken[rel] = str(item.path)
        jobs.append(job)
    return Discovery(tuple(jobs), tuple(refused), input_set, tuple(ignored))


def _expand(
    inputs: Sequence[str],
    outdir_real: Path,
    refused: list[Refusal],
    folders: list[Path],
    ignored: list[str],
) -> Iterator[_Found]:
    """The files of every input; each folder searched is added to ``folders``, and the files
    there that are neither text nor sidecar to ``ignored``."""
    files: list[Path] = []
    for arg in inputs:
        path = Path(arg)
        if path.is_dir():
            folders.append(path)
            yield from _walk(path, path, outdir_real, refused, ignored)
        elif path.exists() or path.is_symlink():
            files.append(path)
        elif _GLOB_MAGIC.search(arg):
            yield from _expand_glob(arg, outdir_real, refused, folders, ignored)
        else:
            refused.append(Refusal(arg, "no such file or directory", missing=True))
    if files:
        # The deepest folder holding every named file, so that their relative layout survives.
        root = Path(os.path.commonpath([os.path.abspath(f.parent) for f in files]))
        for file in files:
            yield _Found(file, root)


def _expand_glob(
    pattern: str,
    outdir_real: Path,
    refused: list[Refusal],
    folders: list[Path],
    ignored: list[str],
) -> Iterator[_Found]:
    parts = Path(pattern).parts
    first_magic = next(i for i, part in enumerate(parts) if _GLOB_MAGIC.search(part))
    root = Path(*parts[:first_magic]) if first_magic else Path(".")
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        refused.append(Refusal(pattern, "the pattern matches no file", missing=True))
    for match in matches:
        path = Path(match)
        if _in_output_area(path, root, outdir_real):
            continue
        if path.is_dir():
            folders.append(path)
            yield from _walk(path, root, outdir_real, refused, ignored)
        else:
            yield from _checked(path, root, refused)


def _walk(
    top: Path, root: Path, outdir_real: Path, refused: list[Refusal], ignored: list[str]
) -> Iterator[_Found]:
    """Every ``*.txt`` below ``top`` (any case), never descending into OUTDIR or through
    directory links; the other files, sidecars and the edition configuration aside, are noted
    in ``ignored``."""
    for folder, dirs, names in os.walk(top, followlinks=False):
        here = Path(folder)
        for name in sorted(dirs):
            if (here / name).is_symlink():
                refused.append(Refusal(str(here / name), "a linked folder is not followed"))
        dirs[:] = sorted(d for d in dirs if not _in_output_area(here / d, root, outdir_real))
        for name in sorted(names):
            if name.lower().endswith(SOURCE_SUFFIX):
                yield from _checked(here / name, root, refused)
            elif not name.lower().endswith(SIDECAR_SUFFIX) and name != CONFIG_NAME:
                ignored.append(str(here / name))


def _in_output_area(path: Path, root: Path, outdir_real: Path) -> bool:
    """True for OUTDIR (and what is in it) when it sits inside the folder being searched:
    the outputs of an earlier run are not inputs, least of all its ``.txt`` files."""
    root_real = Path(os.path.realpath(root))
    return (
        root_real != outdir_real
        and outdir_real.is_relative_to(root_real)
        and _inside(path, outdir_real)
    )


def _checked(path: Path, root: Path, refused: list[Refusal]) -> Iterator[_Found]:
    """A linked file found in a folder must stay in that folder: a link out is refused."""
    if links_out_of(path, root):
        refused.append(Refusal(str(path), f"a symbolic link to a file outside {root}"))
    else:
        yield _Found(path, root)


def _inside(path: Path, folder: Path) -> bool:
    return Path(os.path.realpath(path)).is_relative_to(folder)


def _rel(item: _Found) -> PurePosixPath:
    relative = os.path.relpath(os.path.abspath(item.path), os.path.abspath(item.root))
    name = PurePosixPath(*Path(relative).parts)
    return name.with_suffix("") if name.suffix else name


def unsafe_output(rel: PurePosixPath, outdir: Path) -> str | None:
    """Why outputs at ``rel`` would leave OUTDIR (absolute, ``..``, a linked folder), or None."""
    if rel.is_absolute() or ".." in rel.parts or not rel.parts or rel.name in {"", "."}:
        return f"its output name {rel} would leave the output folder"
    folder = outdir
    for part in rel.parent.parts:
        folder = folder / part
        if folder.is_symlink():
            return f"the output folder {folder} is a symbolic link"
    return None


def _collision(rel: PurePosixPath, taken: dict[PurePosixPath, str]) -> str | None:
    other = taken.get(rel)
    if other is None:
        return None
    return f"its outputs {rel}.* would overwrite those of {other}"


def _unsafe_outputs(
    job: Job, outdir: Path, suffixes: Sequence[str], inputs: InputSet
) -> str | None:
    """Why one of the job's outputs breaks the output rule, or None."""
    for suffix in suffixes:
        try:
            check_output(job.output(outdir, suffix), inputs)
        except InputError as exc:
            return str(exc)
    return None
