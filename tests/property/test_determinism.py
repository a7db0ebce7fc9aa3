"""Determinism (guide §4.7): the same input gives the same bytes, in one process and across
processes whose string hashing differs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tei_plenum.pipeline import convert_text
from tests.conftest import SAMPLE
from tests.property.strategies import Columns, GeneratedDoc, Paragraph, Section, documents


@settings(max_examples=40, deadline=None)
@given(documents(), st.booleans())
def test_two_conversions_give_identical_bytes(doc: GeneratedDoc, web: bool):
    text = doc.web_text() if web else doc.pdf_text()
    first = convert_text(text, source_name="generated.txt")
    second = convert_text(text, source_name="generated.txt")
    assert first.tei == second.tei


def convert_in_subprocess(source: Path, target: Path, hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run(
        [sys.executable, "-m", "tei_plenum", "convert", str(source), "-o", str(target), "-q"],
        check=True,
        env=env,
        capture_output=True,
        timeout=120,
    )
    return target.read_bytes()


# A document with every part: docket columns, breaks between and inside blocks, brackets,
# names and dates for the enrichers, a closer and the closing column block.
FULL = GeneratedDoc(
    banner=True,
    docket=Columns(("Translation from Korean", "Copy Nº 1"), ("SECRET",), (7,)),
    title=("DECISION OF THE KWP CC PLENUM",),
    date="30-31 August 1956",
    sections=(
        Section(
            "I.",
            (
                Paragraph(
                    ("Having heard the report of Kim Il Sung on 1 June,", "the plenum"), (1,)
                ),
                Paragraph(("the foundries in [Kansen] and [Sondin] [should be] restored.",), ()),
            ),
        ),
        Section("2.", (Paragraph(("First. Ri [Syn Yep] and the KWP CC.",), (), before=2),)),
    ),
    closer="CHAIRMAN OF THE KWP CC KIM IL SUNG",
    back=Columns(
        ("Five copies printed", "Nº 933", "12 September 1956"),
        ("Translated [by]:", "Rozanov [signature]"),
        (3, 6),
        before=1,
    ),
    separators=(("  ",), (" ", "  ")),
    break_then_separator=True,
)


@pytest.mark.parametrize("name", ["sample", "generated"])
def test_processes_with_different_hash_seeds_agree(tmp_path: Path, name: str):
    source = SAMPLE
    if name == "generated":
        source = tmp_path / "generated.txt"
        source.write_text(FULL.pdf_text(), encoding="utf-8")
    outputs = {
        convert_in_subprocess(source, tmp_path / f"out-{seed}.xml", seed) for seed in ("0", "1")
    }
    assert len(outputs) == 1
