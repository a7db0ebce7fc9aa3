"""`python -m evaluation`: convert the evaluation documents and print the scores.

Run by `make eval`. It scores two sets: the invented documents of `evaluation/docs`, and the
real archive documents of the development set (`../shared/real` next to the repository), which
is skipped with a note when that folder is absent. It is a report, not a test: it exits 0
whatever the figures, unless `--check` asks it to fail when a target is missed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from lxml import etree

from evaluation import (
    ENTITY_TYPES,
    TARGETS,
    Counts,
    GoldError,
    Summary,
    differences,
    evaluate,
    summary_json,
)
from evaluation.real import (
    REAL_LIMITS,
    REAL_TARGETS,
    Converted,
    RealScore,
    RealSummary,
    evaluate_real,
    real_summary_json,
)

HERE = Path(__file__).resolve().parent
# The development set of real archive documents lives beside the repository, never in it.
REAL_DOCS = HERE.parent.parent / "shared" / "real"
F = TypeVar("F", bound=Callable[..., Any])


def _convert(path: Path) -> etree._ElementTree:
    # Imported here so that the scorer and its tests work before the pipeline exists.
    from tei_plenum.pipeline import convert_file

    return convert_file(path).tree


def _conversion(path: Path) -> Converted:
    from tei_plenum.pipeline import convert_file

    result = convert_file(path)
    return Converted(result.tree, result.warnings)


def _authority_keys() -> frozenset[str]:
    """The keys of the converter's authority file: a link to one of them is an identification."""
    from tei_plenum.authority import Authority

    return frozenset(record.key for record in Authority.load().records())


def _prf(counts: Counts) -> str:
    return f"{counts.precision:5.2f} {counts.recall:5.2f} {counts.f1:5.2f}"


def render_table(summary: Summary, *, details: bool = False) -> str:
    """One row per document (with its misses if asked), then the totals and the targets."""
    header = (
        f"{'document':<38} {'pages':>7}  {'entities P     R    F1':<23} "
        f"{'dates ok/gold':>13} {'d.prec':>6}  {'turns':>7} {'exact':>5}  genre"
    )
    lines = [header, "-" * len(header)]
    for d in summary.documents:
        lines.append(
            f"{d.name[:38]:<38} {d.found.pages:>3}/{d.gold.pages:<3}  {_prf(d.entity_total):<23} "
            f"{d.dates.matched:>6}/{d.dates.gold:<6} {d.dates.precision:6.2f}  "
            f"{d.turns.aligned:>3}/{d.turns.gold:<3} {'yes' if d.turns.exact else 'NO':>5}  "
            f"{'ok' if d.genre_ok else repr(d.found.genre)}"
        )
        if d.error:
            lines.append(f"    conversion failed: {d.error}")
        if details:
            lines += [f"    {line}" for line in differences(d.gold, d.found)]
    lines.append("-" * len(header))
    lines.append(f"{'entities':<14} {'tp':>5} {'fp':>5} {'fn':>5}      P     R    F1")
    for kind in (*ENTITY_TYPES, None):
        c = summary.entities(kind)
        lines.append(f"  {kind or 'micro (all)':<12} {c.tp:>5} {c.fp:>5} {c.fn:>5}  {_prf(c)}")
    dates = summary.dates
    lines.append(
        f"dates: accuracy {dates.accuracy:.3f} ({dates.matched}/{dates.gold}), "
        f"precision {dates.precision:.3f} ({dates.matched}/{dates.found}), "
        f"same words {dates.surface_matched}/{dates.gold}"
    )
    lines.append(
        f"turns: exact sequence {summary.turn_exact:.3f} of documents, "
        f"aligned {summary.turn_share:.3f} of turns"
    )
    lines.append(
        f"pages: {summary.page_accuracy:.3f} of documents; genre: {summary.genre_accuracy:.3f}"
    )
    figures = summary.figures()
    for name, target in TARGETS.items():
        verdict = "met" if figures[name] >= target else "MISSED"
        lines.append(f"target {name} >= {target:.2f}: {figures[name]:.3f} {verdict}")
    return "\n".join(lines)


def _yes(flag: bool) -> str:
    return "ok" if flag else "NO"


def _real_row(d: RealScore) -> str:
    turns = f"{d.base.turns.aligned}/{d.base.turns.gold}" if d.has_turns else "-"
    exact = _yes(d.base.turns.exact) if d.has_turns else ""
    blocks = f"{d.found.blocks}/{d.gold.paragraphs}{'' if d.blocks_ok else '!'}"
    return (
        f"{d.name[:34]:<34} {_yes(d.title_ok):>5} {_yes(d.date_ok):>4} {_yes(d.genre_ok):>5} "
        f"{blocks:>8} {_prf(d.base.entity_total):<17} "
        f"{d.base.dates.matched:>3}/{d.base.dates.gold:<3} {turns:>5} {exact:>3} "
        f"{len(d.wrong):>3}  {','.join(d.warned) or '-'}"
    )


def _real_details(d: RealScore) -> list[str]:
    lines = []
    if not d.title_ok:
        lines.append(f"title: {d.found.title!r}; gold {d.gold.title!r}")
    if not d.date_ok:
        found = " ".join(f"{a}={v}" for a, v in d.found.date) or "none"
        gold = " ".join(f"{a}={v}" for a, v in d.gold.date)
        lines.append(f"date: {found}; gold {gold}")
    if not d.genre_ok:
        lines.append(f"genre: {d.base.found.genre!r}; gold {d.gold.annotation.genre!r}")
    lines += [f"wrong link: {w}" for w in d.wrong]
    lines += [f"warning: {w}" for w in d.found.warnings]
    lines += [f"missing without a warning: {f}" for f in d.unwarned]
    lines += differences(d.gold.annotation, d.base.found)
    return lines


def render_real_table(summary: RealSummary, *, details: bool = False) -> str:
    """The real set: one row per document with its document-level verdicts, then the totals."""
    header = (
        f"{'real document':<34} {'title':>5} {'date':>4} {'genre':>5} {'blocks':>8} "
        f"{'entities P    R    F1':<17} {'dates':>7} {'turns':>5} {'ex':>3} {'bad':>3}  warned"
    )
    lines = [header, "-" * len(header)]
    for d in summary.documents:
        lines.append(_real_row(d))
        if d.base.error:
            lines.append(f"    conversion failed: {d.base.error}")
        if details:
            lines += [f"    {line}" for line in _real_details(d)]
    lines.append("-" * len(header))
    base = summary.base
    lines.append(f"{'entities':<14} {'tp':>5} {'fp':>5} {'fn':>5}      P     R    F1")
    for kind in (*ENTITY_TYPES, None):
        c = base.entities(kind)
        lines.append(f"  {kind or 'micro (all)':<12} {c.tp:>5} {c.fp:>5} {c.fn:>5}  {_prf(c)}")
    figures = summary.figures()
    dates = base.dates
    with_turns = sum(d.has_turns for d in summary.documents)
    warned = {f: sum(f in d.warned for d in summary.documents) for f in ("title", "date", "genre")}
    lines += [
        f"dates: accuracy {dates.accuracy:.3f} ({dates.matched}/{dates.gold}), "
        f"precision {dates.precision:.3f} ({dates.matched}/{dates.found})",
        f"blocks: {sum(not d.blocks_ok for d in summary.documents)} documents collapsed to "
        "fewer blocks than their paragraphs (marked !)",
        f"turns: exact on {figures['turn_exact']:.3f} of the {with_turns} documents with turns",
        f"wrong identity links: {summary.wrong_links}",
        "warnings that a field was not found: "
        + ", ".join(f"{f} {n}" for f, n in warned.items())
        + f"; missing fields without a warning: {int(figures['unwarned_missing_fields'])}",
    ]
    for name, target in REAL_TARGETS.items():
        verdict = "met" if figures[name] >= target else "MISSED"
        lines.append(f"target {name} >= {target:.2f}: {figures[name]:.3f} {verdict}")
    for name, limit in REAL_LIMITS.items():
        verdict = "met" if figures[name] <= limit else "MISSED"
        lines.append(f"target {name} <= {limit}: {int(figures[name])} {verdict}")
    return "\n".join(lines)


def _folder_option(flag: str, default: str, help_text: str) -> Callable[[F], F]:
    return click.option(
        flag,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=HERE / default,
        show_default=f"evaluation/{default}",
        help=help_text,
    )


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--details", is_flag=True, help="List the misses and additions of each document.")
@click.option("--check", is_flag=True, help="Exit with status 1 when a target is missed.")
@_folder_option("--docs", "docs", "Folder of invented source texts.")
@_folder_option("--gold", "gold", "Folder of gold annotations of the invented texts.")
@click.option(
    "--real",
    "real_docs",
    type=click.Path(file_okay=False, path_type=Path),
    default=REAL_DOCS,
    show_default="../shared/real",
    help="Folder of real archive documents; the real set is skipped when it is absent.",
)
@_folder_option("--real-gold", "real", "Folder of gold annotations of the real documents.")
@click.pass_context
def main(
    ctx: click.Context,
    as_json: bool,
    details: bool,
    check: bool,
    docs: Path,
    gold: Path,
    real_docs: Path,
    real_gold: Path,
) -> None:
    """Score the converter on the invented evaluation documents and the real ones."""
    try:
        summary = evaluate(docs, gold, _convert)
        real = (
            evaluate_real(real_docs, real_gold, _conversion, _authority_keys())
            if real_docs.is_dir()
            else None
        )
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    except ImportError as exc:
        raise click.ClickException(f"the converter is not available: {exc}") from exc
    skipped = f"real set skipped: no folder {real_docs}"
    if as_json:
        report = {
            "invented": summary_json(summary),
            "real": real_summary_json(real) if real else {"skipped": skipped},
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(render_table(summary, details=details))
        click.echo()
        click.echo(render_real_table(real, details=details) if real else skipped)
    if check and (summary.missed_targets() or (real and real.missed_targets())):
        ctx.exit(1)


if __name__ == "__main__":
    main()
