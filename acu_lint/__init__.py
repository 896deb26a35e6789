"""acu-lint: a content-quality linter for patient-facing health articles."""

__version__ = "0.1.0"
