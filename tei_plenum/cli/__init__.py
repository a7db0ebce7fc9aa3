"""Command-line interface: a thin layer that parses options and maps outcomes to exit codes.

Every command returns a :class:`~tei_plenum.cli.outcome.RunOutcome`; the group below turns it,
or the error that ended the command, into an exit code through the one table in
``cli/outcome.py`` (0 success; 1 a document failed; 2 usage, configuration or unreadable input;
3 internal error; 130 interrupted). The library never prints and never exits; every message
reaches the user as one line on standard error.
"""

from __future__ import annotations

import difflib
import importlib
import sys
from typing import Any

import click

from .. import pattern_cache
from ..errors import TeiPlenumError
from .outcome import EXIT_CODES, RunOutcome, report_error

# Each command lives in the module of the same name and is imported only when it runs, so
# that start-up stays fast: `convert` never pays for the validator's XPath engine, and
# `--help` lists the commands by these summaries (each its docstring's first line, which a
# test keeps so) without importing any of them.
COMMANDS: dict[str, str] = {
    "batch": "Convert, validate and export a whole collection.",
    "convert": "Convert plain-text translations to TEI P5.",
    "entities": "List the people, places, organisations and events named in TEI.",
    "export": "Export TEI as reading text or an HTML edition.",
    "index": "Build or update a search database of TEI files.",
    "init": "Write a commented tei-plenum.toml into a folder.",
    "search": "Search a database built by index.",
    "site": "Publish TEI files as a static site with indexes and search.",
    "validate": "Validate TEI files or folders against schemas.",
}


class _Group(click.Group):
    """A click group that loads commands lazily and turns library errors into one line on
    stderr and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name]) for name in sorted(COMMANDS)])

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__name__}.{cmd_name}")
        command: click.Command = getattr(module, cmd_name)
        return command

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """The command named first in ``args``; a misspelt name gets the nearest one as a
        suggestion."""
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-"):
            near = difflib.get_close_matches(name, COMMANDS, n=1)
            if near:
                ctx.fail(f"No such command {name!r}. Did you mean {near[0]!r}?")
        return super().resolve_command(ctx, args)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command and exit with the code of its outcome (``standalone_mode=False``
        returns the outcome instead, for callers that embed the command line)."""
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        try:
            result = super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.ClickException as exc:  # click's own usage errors: bad option, no command
            exc.show()
            result = RunOutcome.USAGE
        except click.Abort:
            click.echo("tei-plenum: interrupted", err=True)
            result = RunOutcome.INTERRUPTED
        if not isinstance(result, RunOutcome):  # click's own exits: --help, --version
            result = RunOutcome.SUCCESS if result in (None, 0) else RunOutcome.USAGE
        pattern_cache.save()
        sys.exit(EXIT_CODES[result])

    def invoke(self, ctx: click.Context) -> RunOutcome:
        """The command's outcome; a library error becomes one line on stderr and its outcome,
        anything unexpected an internal error."""
        try:
            outcome: RunOutcome = super().invoke(ctx)
        except TeiPlenumError as exc:
            return report_error(exc)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("tei-plenum: interrupted", err=True)
            return RunOutcome.INTERRUPTED
        except Exception as exc:  # the last line of defence: never show a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"tei-plenum: internal error: {type(exc).__name__}: {exc} "
                "(please report this; rerun with --debug for details)",
                err=True,
            )
            return RunOutcome.INTERNAL
        return outcome


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tei-plenum", prog_name="tei-plenum")
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Convert plain-text archival translations to TEI P5, validate TEI, export HTML and text."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
