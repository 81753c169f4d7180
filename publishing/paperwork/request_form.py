"""The publication request form (แบบฟอร์มการขอเผยแพร่ข้อมูล, R2.7) of one publication, as printable strings."""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from home import thai_dates
from home.models import human_size
from home.slugs import readable_url

from ..notifications import public_url
from .page_facts import category_of, moit_of
from .people import hospital_contact, position_for, user_name
from .records import URGENT


@dataclass
class Signatory:
    """One of the form's three blocks: who, in what position, when."""

    heading: str
    name: str = ""
    position: str = ""
    at: object = None
    lines: list = field(default_factory=list)  # further facts, e.g. the verbal and written approvals

    @property
    def at_label(self):
        return thai_dates.thai_datetime(self.at, short=False) if self.at else ""


def _files(page):
    files = []
    for block in getattr(page, "attachments", None) or []:
        document = block.value.get("document") if hasattr(block.value, "get") else None
        if document is None:
            continue
        extension = (getattr(document, "file_extension", "") or "").upper()
        size = getattr(document, "file_size", None)
        files.append(
            {
                "title": block.value.get("title") or document.title,
                "type": extension,
                "size": human_size(size) if size is not None else "",
            }
        )
    return files


def _links(page):
    links = []
    for f in page._meta.concrete_fields:
        if isinstance(f, models.URLField) and f.name != "url_path":
            value = getattr(page, f.name, "")
            if value:
                links.append(readable_url(value))
    return links


def _public_url(page):
    try:
        return public_url(page)
    except Exception:  # a page outside any site has no public address; the form still prints
        return ""


def _reference(record):
    """The form's reference as people read it ("คำขอเลขที่ 113"), not the record's internal key."""
    if record.kind == URGENT:
        return _("Urgent publication no. %(number)s") % {"number": record.pk}
    return _("Request no. %(number)s") % {"number": record.pk}


def request_form_data(record):
    """Everything the publication request form shows, as printable strings.

    A draft record (a submission still in the workflow) prints marked ฉบับร่าง, its blocks not yet signed
    left empty to be filled and signed by hand.
    """
    page = record.page
    shown = page
    if record.revision is not None:
        try:
            shown = record.revision.as_object()
        except Exception:  # a revision of a changed page type: fall back to the page as it is
            shown = page
    unit = getattr(page, "owner_unit", None)
    contact = hospital_contact()
    remarks = []
    category = category_of(page)
    if category:
        remarks.append(_("Category: %(category)s") % {"category": category})
    moit = moit_of(shown)
    if moit:
        remarks.append(_("ITA item: %(item)s") % {"item": moit})
    period = getattr(shown, "period_label", "")
    if period:
        remarks.append(_("Data period: %(period)s") % {"period": period})
    if getattr(shown, "source", ""):
        remarks.append(_("Source: %(source)s") % {"source": shown.source})
    if record.is_draft:
        remarks.append(
            _("Draft printed before publication: the blocks not yet signed are left empty to be signed by hand.")
        )
    if record.go_live_at:
        remarks.append(
            _("Scheduled to go live on %(date)s") % {"date": thai_dates.thai_datetime(record.go_live_at, short=False)}
        )
    approver = Signatory(_("Approver"))
    if record.urgent is not None:
        urgent = record.urgent
        remarks.append(_("Urgent publication on verbal approval (announcement §2, R2.6)"))
        approver.lines.append(
            _("Approved verbally by %(name)s on %(date)s")
            % {"name": user_name(urgent.verbal_approver), "date": thai_dates.thai_datetime(urgent.verbal_approved_at)}
        )
        if urgent.written_approved_at:
            approver.lines.append(
                _("Approved in writing by %(name)s on %(date)s")
                % {
                    "name": user_name(urgent.written_approved_by),
                    "date": thai_dates.thai_datetime(urgent.written_approved_at),
                }
            )
            approver.name = user_name(urgent.written_approved_by)
            approver.position = position_for(urgent.written_approved_by, "approver", unit)
            approver.at = urgent.written_approved_at
        else:
            approver.lines.append(_("Written approval not yet received"))
            approver.name = user_name(urgent.verbal_approver)
            approver.position = position_for(urgent.verbal_approver, "approver", unit)
            approver.at = urgent.verbal_approved_at
    else:
        approver.name = user_name(record.approver)
        approver.position = position_for(record.approver, "approver", unit)
        approver.at = record.approved_at
    return {
        "form_title": _("Request form for publishing information on the agency's website"),
        "basis": _(
            "Under the announcement of the Office of the Permanent Secretary, Ministry of Public Health, on "
            "guidelines for publishing information to the public on agencies' websites, B.E. 2561"
        ),
        "hospital_name": contact.hospital_name if contact else "",
        "parent_agency": contact.parent_agency if contact else "",
        "unit": unit.name if unit is not None else "",
        "request_date": thai_dates.thai_date(record.requested_at),
        "title": shown.title,
        "summary": getattr(shown, "intro", "") or getattr(shown, "search_description", ""),
        "files": _files(shown),
        "public_url": _public_url(page),
        "links": _links(shown),
        "remarks": remarks,
        "blocks": [
            Signatory(
                _("Information provider"),
                user_name(record.submitter),
                position_for(record.submitter, "provider", unit),
                record.requested_at,
            ),
            approver,
            Signatory(
                _("Publisher"),
                user_name(record.publisher),
                position_for(record.publisher, "publisher", unit),
                record.published_at,
            ),
        ],
        "draft": record.is_draft,
        "reference": _reference(record),
        "printed": thai_dates.thai_datetime(timezone.now(), short=False),
        "basename": f"request-form-{page.pk}-{record.kind}-{record.pk}",
        "draft_label": _("DRAFT"),
    }
