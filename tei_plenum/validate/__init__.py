"""Validation of TEI documents against XSD, RELAX NG, Schematron and DTD schemas."""

from .validator import (
    FileReport,
    InvalidDocumentError,
    Validator,
    assert_valid,
    find_xml_files,
    validate,
)

__all__ = [
    "FileReport",
    "InvalidDocumentError",
    "Validator",
    "assert_valid",
    "find_xml_files",
    "validate",
]
