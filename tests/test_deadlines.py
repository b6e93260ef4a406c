"""Deadlines: periods, weekends, the Land's public holidays, working days, rules as data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.deadlines import (
    Rule,
    RulesError,
    add_months,
    add_working_days,
    compute,
    due_date,
    internal_deadlines,
    is_working_day,
    load_rules,
)

RULES = load_rules()
BW_ANTRAG = RULES.rule_for("BW", "antrag")
BW_KA = RULES.rule_for("BW", "kleine_anfrage")


def test_ki_allianz_antrag() -> None:
    """The KI-Allianz Antrag received on 8.8.2025 is due on 29.8.2025 (three weeks, a Friday)."""
    assert due_date(date(2025, 8, 8), BW_ANTRAG, "BW") == date(2025, 8, 29)


def test_christmas() -> None:
    """Dispatched Thursday 4.12.2025: three weeks end on Christmas Day, the 26th is a holiday, then a
    weekend: due Monday 29.12.2025."""
    assert due_date(date(2025, 12, 4), BW_KA, "BW") == date(2025, 12, 29)


@pytest.mark.parametrize(
    ("start", "due", "why"),
    [
        (date(2025, 3, 28), date(2025, 4, 22), "ends on Good Friday 18.4.; Easter Monday 21.4. too"),
        (date(2025, 5, 19), date(2025, 6, 10), "ends on Whit Monday 9.6."),
        (date(2025, 5, 29), date(2025, 6, 20), "ends on Fronleichnam 19.6. (a holiday in BW)"),
        (date(2025, 7, 19), date(2025, 8, 11), "ends on Saturday 9.8."),
        (date(2025, 9, 12), date(2025, 10, 6), "ends on Friday 3.10., German Unity Day"),
    ],
)
def test_moves_to_next_working_day(start: date, due: date, why: str) -> None:
    """A period ending on a weekend or holiday ends on the next working day."""
    assert due_date(start, BW_ANTRAG, "BW") == due, why


def test_fronleichnam_is_not_a_holiday_everywhere() -> None:
    """Fronleichnam is a working day in Berlin: a Berlin period ending that day stays."""
    rule = RULES.rule_for("BE", "schriftliche_anfrage")
    assert due_date(date(2025, 5, 29), rule, "BE") == date(2025, 6, 19)
    assert not is_working_day(date(2025, 6, 19), "BW") and is_working_day(date(2025, 6, 19), "BE")


def test_working_days_across_new_year() -> None:
    """Ten working days from 22.12.2025 skip the holidays (25./26.12., 1.1., 6.1. in BW) and weekends."""
    assert add_working_days(date(2025, 12, 22), 10, "BW") == date(2026, 1, 9)
    rule = Rule("XX", "kleine_anfrage", days=10, count="working")
    assert due_date(date(2025, 12, 22), rule, "BW") == date(2026, 1, 9)


def test_months() -> None:
    """A month from 31 January ends on the last day of February (Niedersachsen's one month)."""
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert due_date(date(2025, 1, 31), RULES.rule_for("NI", "kleine_anfrage"), "NI") == date(2025, 2, 28)


def test_internal_deadlines_backwards() -> None:
    """Contribution, co-signing and signature are planned backwards in working days."""
    plan = internal_deadlines(date(2025, 8, 29), RULES, "BW")
    assert plan == {"contribution": date(2025, 8, 19), "cosigning": date(2025, 8, 22), "signature": date(2025, 8, 27)}
    assert internal_deadlines(date(2025, 8, 29), RULES, "BW", {"signature": 1})["signature"] == date(2025, 8, 28)


def test_compute_needs_rule_and_date() -> None:
    """No rule for the kind, or no start date: no due date."""
    assert compute("BW", "antrag", None, RULES) is None
    assert compute("BW", "other", date(2025, 1, 1), RULES) is None
    assert compute("BW", "antrag", date(2025, 8, 8), RULES)["due"] == date(2025, 8, 29)


def test_user_rules_override(tmp_path: Path) -> None:
    """A rules file in the data folder replaces the built-in one; a broken one is reported."""
    own = tmp_path / "deadline_rules.json"
    own.write_text(
        json.dumps(
            {
                "rules": [{"parliament": "BW", "kind": "antrag", "weeks": 4, "from": "received"}],
                "holidays": {"BW": "BW"},
            }
        ),
        encoding="utf-8",
    )
    rules = load_rules(override=own)
    assert due_date(date(2025, 8, 8), rules.rule_for("BW", "antrag"), "BW") == date(2025, 9, 5)
    own.write_text("{not json", encoding="utf-8")
    with pytest.raises(RulesError, match="cannot be read"):
        load_rules(override=own)
