"""Validation of TEI documents against XSD, RELAX NG, Schematron and DTD schemas."""

from .validator import (
    BUNDLED_SCHEMAS,
    FileReport,
    InvalidDocumentError,
    Validator,
    assert_valid,
    find_xml_files,
    validate,
)

__all__ = [
    "BUNDLED_SCHEMAS",
    "FileReport",
    "InvalidDocumentError",
    "Validator",
    "assert_valid",
    "find_xml_files",
    "validate",
]
