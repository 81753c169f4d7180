"""Procurement page types (R1.7; MOIT 3, 4, 5): one module per listing and its item type."""

from .analysis import ProcurementAnalysisIndexPage, ProcurementAnalysisPage
from .announcements import ProcurementAnnouncementIndexPage, ProcurementAnnouncementPage
from .common import METHOD_SHORT, Method, baht
from .integrity import IntegrityStatementIndexPage, IntegrityStatementPage
from .monthly import MonthlySummaryIndexPage, MonthlySummaryPage, MonthlySummaryRow
from .plan import ProcurementPlanIndexPage, ProcurementPlanPage
from .section import ProcurementIndexPage

__all__ = [
    "METHOD_SHORT",
    "IntegrityStatementIndexPage",
    "IntegrityStatementPage",
    "Method",
    "MonthlySummaryIndexPage",
    "MonthlySummaryPage",
    "MonthlySummaryRow",
    "ProcurementAnalysisIndexPage",
    "ProcurementAnalysisPage",
    "ProcurementAnnouncementIndexPage",
    "ProcurementAnnouncementPage",
    "ProcurementIndexPage",
    "ProcurementPlanIndexPage",
    "ProcurementPlanPage",
    "baht",
]
