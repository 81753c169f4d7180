"""A person's records as a file for a data-subject access request (PDPA s.30, s.31): XLSX in the site's
workbook style (``home.exports.ThaiWorkbook``) or JSON (machine-readable, for portability).

What the person gave and what the hospital answered them: type, channel, dates, status, name, contact,
subject, text, the response, the privacy notice acknowledged and the consent given. Internal notes stay on
the case page (they are the staff's working record; the data-protection officer decides on them case by
case); an attachment is named, and downloaded from the case itself.
"""

import json

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.exports import ThaiWorkbook
from home.thai_dates import thai_datetime


def _local(value):
    return timezone.localtime(value) if value else None


def complaint_rows(complaints):
    return [
        {
            "tracking_code": c.tracking_code,
            "kind": c.get_kind_display(),
            "channel": c.get_channel_display(),
            "received_at": _local(c.received_at),
            "status": c.get_status_display(),
            "finished_at": _local(c.finished_at),
            "name": c.name,
            "phone": c.phone,
            "email": c.email,
            "subject": c.subject,
            "details": c.details,
            "incident_when": c.incident_when,
            "incident_where": c.incident_where,
            "attachment": c.attachment.name.rsplit("/", 1)[-1] if c.attachment else "",
            "response": c.response,
            "privacy_notice_version": c.privacy_notice_version,
            "health_data_consent": c.health_data_consent,
        }
        for c in complaints
    ]


def feedback_rows(feedback):
    return [
        {
            "kind": f.get_kind_display(),
            "received_at": _local(f.received_at),
            "name": f.name,
            "email": f.email,
            "subject": f.subject,
            "message": f.message,
            "answer": f.answer,
            "answered_at": _local(f.answered_at),
            "published": f.is_published,
            "privacy_notice_version": f.privacy_notice_version,
        }
        for f in feedback
    ]


COMPLAINT_HEADINGS = [
    ("tracking_code", gettext_lazy("Tracking code")),
    ("kind", gettext_lazy("Type")),
    ("channel", gettext_lazy("Channel")),
    ("received_at", gettext_lazy("Received")),
    ("status", gettext_lazy("Status")),
    ("finished_at", gettext_lazy("Finished")),
    ("name", gettext_lazy("Name")),
    ("phone", gettext_lazy("Telephone")),
    ("email", gettext_lazy("E-mail")),
    ("subject", gettext_lazy("Subject")),
    ("details", gettext_lazy("Details")),
    ("incident_when", gettext_lazy("When it happened")),
    ("incident_where", gettext_lazy("Where, or which service")),
    ("attachment", gettext_lazy("Attachment")),
    ("response", gettext_lazy("Response to the complainant")),
    ("privacy_notice_version", gettext_lazy("Privacy notice acknowledged (version)")),
    ("health_data_consent", gettext_lazy("Consent to use health information")),
]
FEEDBACK_HEADINGS = [
    ("kind", gettext_lazy("Type")),
    ("received_at", gettext_lazy("Received")),
    ("name", gettext_lazy("Name")),
    ("email", gettext_lazy("E-mail")),
    ("subject", gettext_lazy("Subject")),
    ("message", gettext_lazy("Message")),
    ("answer", gettext_lazy("Answer")),
    ("answered_at", gettext_lazy("Answered")),
    ("published", gettext_lazy("Published as Q&A")),
    ("privacy_notice_version", gettext_lazy("Privacy notice acknowledged (version)")),
]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if hasattr(value, "tzinfo"):
        return thai_datetime(value)
    return value


def _sheet(book, title, headings, rows):
    book.title_row(title)
    book.header_row([label for _key, label in headings])
    for row in rows:
        book.row([_cell(row[key]) for key, _label in headings])
        for cell in book.ws[book.ws.max_row]:
            if cell.data_type == "f":  # "=…" typed by the public is text, never a formula
                cell.data_type = "s"
    book.widths([18] * len(headings))


def personal_data_xlsx(complaints, feedback):
    book = ThaiWorkbook(_("Complaints"))
    _sheet(book, _("Complaints"), COMPLAINT_HEADINGS, complaint_rows(complaints))
    book.sheet(_("Comments and questions"))
    _sheet(book, _("Comments and questions"), FEEDBACK_HEADINGS, feedback_rows(feedback))
    return book.bytes()


def personal_data_json(complaints, feedback):
    def plain(rows):
        return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()} for row in rows]

    document = {
        "exported_at": timezone.localtime().isoformat(),
        "complaints": plain(complaint_rows(complaints)),
        "feedback": plain(feedback_rows(feedback)),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()
