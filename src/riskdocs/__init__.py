"""riskdocs: keep a client project's health honest in plain text."""

__version__ = "0.1.0"
