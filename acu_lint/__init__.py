"""acu-lint: a content-quality linter for patient-facing health articles."""

__version__ = "0.1.0"

# regular expressions compiled once, at build time, not in every run (acu_lint/_recache.py)
from acu_lint._recache import install as _install_re_table  # noqa: E402

_install_re_table()
