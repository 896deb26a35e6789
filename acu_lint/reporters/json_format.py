"""JSON: one array of finding objects (the contract in the README)."""
from __future__ import annotations

import json

from acu_lint.reporters import Report, register


@register("json")
def render(report: Report) -> str:
    return json.dumps([f.to_json() for f in report.findings], indent=2, ensure_ascii=False) + "\n"
