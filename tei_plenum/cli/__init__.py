"""Command-line interface: a thin layer that parses options and maps errors to exit codes.

Exit codes, decided here and nowhere else: 0 success; 1 a document failed (invalid TEI, a file
that could not be converted); 2 usage, configuration or unreadable input; 3 internal error.
The library never prints and never exits; every message reaches the user as one line on
standard error.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from ..errors import TeiPlenumError

# Each command lives in the module of the same name and is imported only when it runs, so
# that start-up stays fast: `convert` never pays for the validator's XPath engine.
COMMANDS = ("batch", "convert", "entities", "export", "validate")


class _Group(click.Group):
    """A click group that loads commands lazily and turns library errors into one line on
    stderr and an exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"{__name__}.{cmd_name}")
        command: click.Command = getattr(module, cmd_name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except TeiPlenumError as exc:
            click.echo(f"tei-plenum: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("tei-plenum: interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # the last line of defence: never show a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"tei-plenum: internal error: {type(exc).__name__}: {exc} "
                "(please report this; rerun with --debug for details)",
                err=True,
            )
            ctx.exit(3)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tei-plenum")
@click.option("--debug", is_flag=True, help="Show a traceback for internal errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Convert plain-text archival translations to TEI P5, validate TEI, export HTML and text."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
