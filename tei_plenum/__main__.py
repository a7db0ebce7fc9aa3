"""``python -m tei_plenum`` runs the command-line interface."""

from .cli import main

main(prog_name="tei-plenum")
