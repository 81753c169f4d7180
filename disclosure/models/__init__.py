"""Disclosure categories of R1, one module per area (STYLE.md: ``models/`` as a package).

``organisation`` (R1.1), ``plans`` (R1.2–R1.4), ``complaints`` (R1.5–R1.6), ``laws`` (R1.10),
``knowledge`` (R1.11), ``weblinks`` (R1.12), ``news`` (R1.8), ``oia`` (R1.13) and ``ita`` (MOIT 1–22);
``common`` holds the listing base page and the validation helpers they share.
"""

from .complaints import (
    ComplaintChannel,
    ComplaintProcedureIndexPage,
    ComplaintProcedurePage,
    ComplaintReportIndexPage,
    ComplaintReportPage,
)
from .ita import ITAEvidence, ITAIndexPage, ITAYearPage, MoitItem
from .knowledge import KnowledgeIndexPage, KnowledgePage
from .laws import LawIndexPage, LawPage
from .news import NewsGalleryImage, NewsIndexPage, NewsPage
from .oia import OIAEntry, OIAIndexPage
from .organisation import Executive, ExecutivesPage, OrganisationInfoPage
from .plans import ActionPlanIndexPage, ActionPlanPage, BudgetIndexPage, BudgetPage, PolicyIndexPage, PolicyPage
from .weblinks import Weblink, WeblinkIndexPage

__all__ = [
    "ActionPlanIndexPage",
    "ActionPlanPage",
    "BudgetIndexPage",
    "BudgetPage",
    "ComplaintChannel",
    "ComplaintProcedureIndexPage",
    "ComplaintProcedurePage",
    "ComplaintReportIndexPage",
    "ComplaintReportPage",
    "Executive",
    "ExecutivesPage",
    "ITAEvidence",
    "ITAIndexPage",
    "ITAYearPage",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "LawIndexPage",
    "LawPage",
    "MoitItem",
    "NewsGalleryImage",
    "NewsIndexPage",
    "NewsPage",
    "OIAEntry",
    "OIAIndexPage",
    "OrganisationInfoPage",
    "PolicyIndexPage",
    "PolicyPage",
    "Weblink",
    "WeblinkIndexPage",
]
