"""`python -m evaluation`: convert the evaluation documents and print the scores.

Run by `make eval`. It is a report, not a test: it exits 0 whatever the figures, unless
`--check` asks it to fail when a target is missed.
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

HERE = Path(__file__).resolve().parent
F = TypeVar("F", bound=Callable[..., Any])


def _convert(path: Path) -> etree._ElementTree:
    # Imported here so that the scorer and its tests work before the pipeline exists.
    from tei_plenum.pipeline import convert_file

    return convert_file(path).tree


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
@click.option("--details", is_flag=True, help="List the missed and added names and dates.")
@click.option("--check", is_flag=True, help="Exit with status 1 when a target is missed.")
@_folder_option("--docs", "docs", "Folder of source texts.")
@_folder_option("--gold", "gold", "Folder of gold annotations.")
@click.pass_context
def main(
    ctx: click.Context, as_json: bool, details: bool, check: bool, docs: Path, gold: Path
) -> None:
    """Score the converter on the evaluation documents."""
    try:
        summary = evaluate(docs, gold, _convert)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    except ImportError as exc:
        raise click.ClickException(f"the converter is not available: {exc}") from exc
    if as_json:
        click.echo(json.dumps(summary_json(summary), indent=2, ensure_ascii=False))
    else:
        click.echo(render_table(summary, details=details))
    if check and summary.missed_targets():
        ctx.exit(1)


if __name__ == "__main__":
    main()
