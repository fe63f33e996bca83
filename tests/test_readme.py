"""The README's rule list is the planner's rule table: every rule id with its summary, in
order, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path

from legrun.planner.rules import SUMMARIES, RuleId

README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_lists_every_rule_with_its_summary_in_order():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"<!-- rules:.*?-->\n(.*?)<!-- /rules -->", text, re.S)
    assert block is not None, "the README has no rule list between its markers"
    listed = re.findall(r"^- `(R-[A-Z0-9-]+)`: (.+)$", block.group(1), re.M)
    assert listed == [(rule.value, SUMMARIES[rule]) for rule in RuleId]


def test_every_rule_has_a_summary():
    assert set(SUMMARIES) == set(RuleId)
