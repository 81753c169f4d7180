"""The site root and the shared models every category app builds on.

One module per concern (STYLE.md: a ``models/`` package once one file stops being readable):
``media`` (image and document models), ``site_settings`` (contact block, footer links),
``pages`` (HomePage, StandardPage, ContactPage, SitemapPage), ``base`` (departments and the
abstract page with the R2.1 facts every published item carries), ``privacy`` (the daily salt),
``periodic`` (the periodic-jobs lease shared by every host), ``holidays`` (the hospital's extra closed days).
"""

from .base import DataPeriodFields, Department, FactsMixin, FiscalPeriodFields, ItemPage, OwnerFields, SourceFields
from .holidays import HospitalHoliday
from .media import HospitalDocument, HospitalImage, HospitalRendition, human_size
from .pages import ContactPage, HomePage, SitemapPage, StandardPage
from .periodic import PeriodicLease
from .privacy import DailySalt
from .site_settings import ContactSettings, FooterSettings

__all__ = [
    "DataPeriodFields",
    "Department",
    "FactsMixin",
    "FiscalPeriodFields",
    "ItemPage",
    "OwnerFields",
    "SourceFields",
    "ContactPage",
    "DailySalt",
    "ContactSettings",
    "FooterSettings",
    "HomePage",
    "HospitalHoliday",
    "HospitalDocument",
    "HospitalImage",
    "HospitalRendition",
    "PeriodicLease",
    "SitemapPage",
    "StandardPage",
    "human_size",
]
