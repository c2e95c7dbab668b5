"""Saved plans (`plan --save NAME`): kept beside the credentials on the wallet's own connection.

A saved plan is the `plan --json` document, the request that produced it (so `plan show` can recompute
coverage the same way) and the offerings the learner marked completed since. Each write is one statement,
so it is atomic and joins any open transaction (table `saved_plans`, migration m006).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from credwallet.errors import InputError, NotFoundError
from credwallet.model import parse_iso_datetime

# A plan name is typed on the command line and shown in tables: short, no spaces or control characters.
PLAN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(slots=True)
class SavedPlan:
    """One saved plan as stored."""

    name: str
    role: str
    created_at: datetime
    request: dict[str, Any]
    plan: dict[str, Any]
    completed: list[str] = field(default_factory=list)

    def to_jsonable(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "request": self.request,
            "plan": self.plan,
            "completed": list(self.completed),
        }


def check_plan_name(name: str) -> str:
    if not PLAN_NAME.match(name):
        raise InputError(
            f"plan name {name!r}: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit"
        )
    return name


class SavedPlans:
    """Read and write saved plans on one wallet connection."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def save(self, name: str, role: str, request: dict[str, Any], plan: dict[str, Any]) -> bool:
        """Keep a plan under `name` (replacing one of that name); True when it replaced one."""
        check_plan_name(name)
        existed = self._db.execute("SELECT 1 FROM saved_plans WHERE name = ?", (name,)).fetchone() is not None
        self._db.execute(
            "INSERT OR REPLACE INTO saved_plans (name, role, created_at, request, plan, completed) "
            "VALUES (?, ?, ?, ?, ?, '[]')",
            (
                name,
                role,
                datetime.now(UTC).isoformat(timespec="seconds"),
                json.dumps(request, sort_keys=True),
                json.dumps(plan, sort_keys=True),
            ),
        )
        return existed

    def get(self, name: str) -> SavedPlan:
        row = self._db.execute(
            "SELECT name, role, created_at, request, plan, completed FROM saved_plans WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no saved plan named {name!r}", hint="list them with `credwallet plan list`")
        return SavedPlan(
            name=row[0],
            role=row[1],
            created_at=parse_iso_datetime(row[2]),
            request=json.loads(row[3]),
            plan=json.loads(row[4]),
            completed=list(json.loads(row[5])),
        )

    def names(self) -> list[SavedPlan]:
        """Every saved plan, oldest first."""
        rows = self._db.execute("SELECT name FROM saved_plans ORDER BY created_at, name").fetchall()
        return [self.get(str(row[0])) for row in rows]

    def mark_completed(self, name: str, offerings: list[str]) -> list[str]:
        """Add offerings to the plan's completed list; returns the whole list."""
        saved = self.get(name)
        completed = list(dict.fromkeys([*saved.completed, *offerings]))
        self._db.execute("UPDATE saved_plans SET completed = ? WHERE name = ?", (json.dumps(completed), name))
        return completed

    def remove(self, name: str) -> None:
        if self._db.execute("DELETE FROM saved_plans WHERE name = ?", (name,)).rowcount == 0:
            raise NotFoundError(f"no saved plan named {name!r}", hint="list them with `credwallet plan list`")
