"""The responsibility table (``data/responsibilities.json``) as Python objects.

The group names it refers to (webmasters, director, each unit's editors and heads) are declared once,
in ``home.roles``.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext_lazy as _

OWNER_UNIT = "owner_unit"
ALL_UNITS = "*"
DATA_FILE = Path(__file__).resolve().parent / "data" / "responsibilities.json"

ROLE_LABELS = {
    "editor": _("Information provider (editor)"),
    "head": _("Head of group (approver)"),
    "webmaster": _("Webmaster"),
    "director": _("Director"),
}


@dataclass
class Responsibility:
    row: int
    requirements: list
    category: str
    paths: list
    responsible: list
    reviewers: list
    review_period_months: int = 12
    assigned: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def reviews_by_owner_unit(self):
        return OWNER_UNIT in self.reviewers

    @property
    def reviewer_units(self):
        return [name for name in self.reviewers if name != OWNER_UNIT]


def load_table(path=DATA_FILE):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for raw in data["rows"]:
        known = {k: raw[k] for k in Responsibility.__dataclass_fields__ if k in raw and k != "extra"}
        rows.append(Responsibility(**known, extra={k: v for k, v in raw.items() if k not in known}))
    return rows
