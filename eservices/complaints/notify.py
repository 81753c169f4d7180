"""The complaint e-mails, in one place below the views and the admin form, which both call it.

The complainant gets the tracking code and later the status (never the details: they stay behind the
code); the handlers get the code and the type only. A mail-server outage is logged and never loses a
complaint or a staff member's change (``home.mail.send_templated(..., fail_silently_logged=True)``).
"""

from eservices.complaints import rules
from eservices.models import ComplaintTrackingPage
from home.mail import absolute_url, send_templated

TEMPLATES = "eservices/complaints/email/"


def _tracking_url():
    page = ComplaintTrackingPage.objects.live().public().first()
    return absolute_url(page.full_url) if page else ""


def admin_url(complaint):
    """The case in the admin (modeladmin's edit view), as an absolute link for the handlers' e-mail."""
    return absolute_url(f"/admin/eservices/complaint/edit/{complaint.pk}/")


def notify_received(complaint):
    """A new complaint from the website: its code to the complainant, a note to the handlers."""
    context = {"complaint": complaint, "tracking_url": _tracking_url(), "admin_url": admin_url(complaint)}
    send_templated(TEMPLATES + "received", context, [complaint.email], fail_silently_logged=True)
    staff = [user.email for user in rules.handlers_of(complaint.kind)]
    send_templated(TEMPLATES + "new", context, staff, fail_silently_logged=True)


def notify_status(complaint):
    """Tell a complainant who gave an e-mail that the status changed or a response was written."""
    if not complaint.email:
        return
    context = {"complaint": complaint, "tracking_url": _tracking_url()}
    send_templated(TEMPLATES + "status", context, [complaint.email], fail_silently_logged=True)
