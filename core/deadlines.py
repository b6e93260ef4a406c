"""Answer deadlines: the rules as data, periods in calendar or working days, the Land's holidays.

A period ends on the day that corresponds to the start day ("three weeks from Thursday" ends
on a Thursday; a month from 31 January ends on the last day of February); if that day is a
Saturday, Sunday or public holiday of the Land, the deadline moves to the next working day
(§ 193 BGB, § 31 Abs. 3 VwVfG). Working-day periods count only working days. The rules live
in resources/deadline_rules.json; a copy in the user's data folder overrides it.
"""

from __future__ import annotations

import calendar
import json
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

BUILTIN_RULES = Path(__file__).resolve().parent.parent / "resources" / "deadline_rules.json"


@dataclass(frozen=True)
class Rule:
    parliament: str
    kind: str
    days: int = 0
    weeks: int = 0
    months: int = 0
    count: str = "calendar"  # or "working"
    start: str = "received"  # received, dispatch, service
    basis: str = ""


@dataclass(frozen=True)
class Rules:
    rules: tuple[Rule, ...]
    holiday_regions: tuple[tuple[str, str | None], ...]
    internal: tuple[tuple[str, int], ...]  # (step, working days before the due date)

    def rule_for(self, parliament: str | None, kind: str | None) -> Rule | None:
        for rule in self.rules:
            if rule.parliament == parliament and rule.kind == kind:
                return rule
        return None

    def region(self, parliament: str | None) -> str | None:
        """The holidays subdivision for a parliament ("BW"), None for national holidays only."""
        return dict(self.holiday_regions).get(parliament or "", None)


class RulesError(Exception):
    """A rules file that cannot be used; the message names the file and the problem."""


def load_rules(path: Path | None = None, override: Path | None = None) -> Rules:
    """The built-in rules, or `override` (a user's copy) when it exists."""
    source = override if override is not None and override.exists() else (path or BUILTIN_RULES)
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
        rules = tuple(
            Rule(
                parliament=r["parliament"],
                kind=r["kind"],
                days=int(r.get("days", 0)),
                weeks=int(r.get("weeks", 0)),
                months=int(r.get("months", 0)),
                count=r.get("count", "calendar"),
                start=r.get("from", "received"),
                basis=r.get("basis", ""),
            )
            for r in data["rules"]
        )
        for rule in rules:
            if rule.count not in ("calendar", "working") or not (rule.days or rule.weeks or rule.months):
                raise ValueError(f"rule {rule.parliament}/{rule.kind} has no usable period")
        internal = tuple((k, int(v)) for k, v in data.get("internal", {}).items() if k != "comment")
        regions = tuple(data.get("holidays", {}).items())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RulesError(f"{source}: the deadline rules cannot be read ({exc}).") from exc
    return Rules(rules, regions, internal)


@lru_cache(maxsize=64)
def _holidays(region: str | None, year: int) -> frozenset[date]:
    import holidays  # the library knows every Land's holidays, Fronleichnam and Reformationstag included

    return frozenset(holidays.country_holidays("DE", subdiv=region, years=[year]).keys())


def is_working_day(day: date, region: str | None) -> bool:
    """Monday to Friday and not a public holiday of the Land (or of Germany, for region None)."""
    return day.weekday() < 5 and day not in _holidays(region, day.year)


def next_working_day(day: date, region: str | None) -> date:
    while not is_working_day(day, region):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, n: int, region: str | None) -> date:
    """The n-th working day after `start` (n < 0: before it)."""
    step = 1 if n >= 0 else -1
    day = start
    for _ in range(abs(n)):
        day += timedelta(days=step)
        while not is_working_day(day, region):
            day += timedelta(days=step)
    return day


def add_months(start: date, months: int) -> date:
    """The same day `months` later, or the month's last day if it has fewer (§ 188 Abs. 3 BGB)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def due_date(start: date, rule: Rule, region: str | None) -> date:
    """When an inquiry received on `start` must be answered under `rule`."""
    if rule.count == "working":
        return add_working_days(start, rule.days + 5 * rule.weeks, region)
    end = start + timedelta(days=rule.days, weeks=rule.weeks)
    if rule.months:
        end = add_months(end, rule.months)
    return next_working_day(end, region)


def internal_deadlines(
    due: date, rules: Rules, region: str | None, offsets: dict[str, int] | None = None
) -> dict[str, date]:
    """Contribution, co-signing and signature dates, planned backwards from the due date in working days."""
    plan = dict(rules.internal) | (offsets or {})
    return {step: add_working_days(due, -days, region) for step, days in plan.items()}


def days_left(due: date, today: date) -> int:
    """Calendar days until the due date; negative when overdue."""
    return (due - today).days


def compute(doc_parliament: str | None, kind: str | None, start: date | None, rules: Rules) -> dict[str, Any] | None:
    """The due date of an inquiry and what it rests on, or None when no rule applies or no start date is known."""
    rule = rules.rule_for(doc_parliament, kind)
    if rule is None or start is None:
        return None
    region = rules.region(doc_parliament)
    due = due_date(start, rule, region)
    return {"due": due, "rule": rule, "region": region, "internal": internal_deadlines(due, rules, region)}
