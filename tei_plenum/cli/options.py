"""Options shared by several commands, declared once so they read the same everywhere."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast, overload

import click

from ..errors import ConfigError
from ..options import ConvertOptions, check_date

F = TypeVar("F", bound=Callable[..., Any])


class IsoDate(click.ParamType[str, Any]):
    """A calendar date written YYYY-MM-DD, checked as the library checks it."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return check_date(str(value))
        except ConfigError as exc:
            self.fail(exc.message, param, ctx)


# How one document is converted: the same for `convert` and for every input of `batch`.
_CONVERSION = (
    click.option(
        "--encoding", metavar="NAME", help="Input encoding (default: UTF-8, or the BOM's)."
    ),
    click.option(
        "--authority",
        "authority_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help="Extra authority file; repeatable; wins over the bundled one.",
    ),
    click.option(
        "--enrich/--no-enrich",
        default=True,
        show_default=True,
        help="Mark names, dates and measures (off: structure and brackets only).",
    ),
    click.option(
        "--date",
        "revision_date",
        type=IsoDate(),
        metavar="YYYY-MM-DD",
        help="Record a conversion date in revisionDesc (output is otherwise date-free).",
    ),
)


@overload
def config_option(command: F) -> F: ...
@overload
def config_option(*, default: str) -> Callable[[F], F]: ...
def config_option(
    command: F | None = None, *, default: str = "tei-plenum.toml in the first input's folder"
) -> F | Callable[[F], F]:
    """Add ``--config FILE``, the edition configuration of the inputs' collection; used bare
    (``@config_option``) or with the default its command looks for."""
    option = click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False),
        metavar="FILE",
        help=f"The edition configuration (default: {default}).",
    )
    return option if command is None else option(command)


def conversion_options(command: F) -> F:
    """Add the conversion options to ``command``, which receives them as one frozen
    :class:`ConvertOptions` named ``options``."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        encoding: str | None,
        authority_files: tuple[str, ...],
        enrich: bool,
        revision_date: str | None,
        **kwargs: Any,
    ) -> Any:
        options = ConvertOptions(
            encoding=encoding,
            authority_files=tuple(Path(p) for p in authority_files),
            enrich=enrich,
            revision_date=revision_date,
        )
        return command(*args, options=options, **kwargs)

    decorated: Any = wrapper
    for option in reversed(_CONVERSION):
        decorated = option(decorated)
    return cast(F, decorated)
