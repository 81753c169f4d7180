"""The public complaint pages: file a complaint, see its code, track it, and the statistics.

Nothing the person typed is lost on an error: the form comes back filled in, with each Thai message
next to its field (a chosen file cannot be refilled by any browser, so the page says to choose it
again). Sending is limited per address (``COMPLAINTS_RATE_LIMIT`` per hour), lookups too
(``COMPLAINTS_LOOKUP_RATE_LIMIT`` per 10 minutes) so codes cannot be tried in bulk.
"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from eservices.complaints import notify
from eservices.complaints.exports import statistics_xlsx_bytes
from eservices.complaints.forms import ComplaintForm, TrackingForm
from eservices.complaints.stats import ROUNDS, available_years, complaint_statistics
from eservices.models import (
    Complaint,
    ComplaintEvent,
    ComplaintFormPage,
    ComplaintKind,
    ComplaintStatisticsPage,
    ComplaintTrackingPage,
)
from home.abuse import rate_limited
from home.exports import XLSX_CONTENT_TYPE
from home.thai_dates import current_fiscal_year

SESSION_KEY = "eservices_complaint_code"


def _tracking_page():
    return ComplaintTrackingPage.objects.live().public().first()


@ComplaintFormPage.view("complaint_form")
def complaint_form(page, request):
    if request.method == "POST":
        form = ComplaintForm(request.POST, request.FILES)
        valid = form.is_valid()
        if valid and rate_limited(request, "complaint", settings.COMPLAINTS_RATE_LIMIT, 3600):
            form.add_error(
                None,
                _(
                    "Too many complaints have been sent from this connection in the last hour. Your text is kept below: please send it again later, or call the hospital."
                ),
            )
            valid = False
        if valid:
            complaint = save_public_complaint(page, form)
            request.session[SESSION_KEY] = complaint.tracking_code
            return HttpResponseRedirect(page.url + page.reverse_subpage("sent_view"))
    else:
        form = ComplaintForm()
    return render(
        request,
        "eservices/complaints/complaint_form_page.html",
        {"page": page, "form": form, "self": page},
    )


def save_public_complaint(page, form):
    data = form.cleaned_data
    now = timezone.now()
    complaint = Complaint(
        kind=data["kind"],
        channel=Complaint.Channel.WEBSITE,
        subject=data["subject"].strip(),
        details=data["details"].strip(),
        incident_when=data.get("incident_when", "").strip(),
        incident_where=data.get("incident_where", "").strip(),
        is_anonymous=bool(data.get("is_anonymous")),
        name=data.get("name", "").strip(),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        health_data_consent=bool(data.get("health_data_consent")),
        privacy_notice_version=page.privacy_notice_version,
        privacy_acknowledged_at=now,
        received_at=now,
    )
    if data.get("attachment"):
        complaint.attachment = data["attachment"]
    complaint.save()
    ComplaintEvent.objects.create(
        complaint=complaint, action=ComplaintEvent.Action.RECEIVED, to_status=complaint.status
    )
    notify.notify_received(complaint)
    return complaint


@ComplaintFormPage.view("complaint_sent")
def complaint_sent(page, request):
    """The tracking code, shown once: it leaves the session here, so on a shared computer (a kiosk) the
    next person who reloads or goes back sees only a note and the way to the tracking page."""
    code = request.session.pop(SESSION_KEY, None)
    kind = Complaint.objects.filter(tracking_code=code).values_list("kind", flat=True).first() if code else None
    if kind == ComplaintKind.CORRUPTION:
        # A corruption complaint goes to the working group, never to the complaints centre the general
        # text names; without a page text of its own, say so in the system's words.
        thank_you = page.thank_you_corruption or _(
            "The hospital's corruption complaints working group will acknowledge your complaint within 3 working "
            "days. Only the working group can read it. Follow it at any time with your tracking code."
        )
    else:
        thank_you = page.thank_you
    response = render(
        request,
        "eservices/complaints/complaint_sent.html",
        {"page": page, "self": page, "code": code, "thank_you": thank_you, "tracking_page": _tracking_page()},
    )
    add_never_cache_headers(response)  # never kept by the browser or a proxy: Back cannot show it again
    return response


@ComplaintTrackingPage.view("serve_tracking")
def serve_tracking(page, request):
    complaint = None
    not_found = False
    if request.method == "POST":
        form = TrackingForm(request.POST)
        if form.is_valid():
            if rate_limited(request, "complaint-lookup", settings.COMPLAINTS_LOOKUP_RATE_LIMIT, 600):
                form.add_error(None, _("Too many lookups from this connection. Please wait ten minutes and try again."))
            else:
                complaint = Complaint.objects.filter(tracking_code=form.cleaned_data["code"]).first()
                not_found = complaint is None
                if not_found:
                    form.add_error(
                        "code",
                        _("No complaint has this code. Check the code, or call the hospital if it keeps failing."),
                    )
    else:
        form = TrackingForm()
    events = []
    if complaint:
        events = [
            e
            for e in complaint.events.all()
            if e.action in (ComplaintEvent.Action.RECEIVED, ComplaintEvent.Action.STATUS)
        ]
    response = render(
        request,
        "eservices/complaints/complaint_tracking_page.html",
        {"page": page, "self": page, "form": form, "complaint": complaint, "events": events, "not_found": not_found},
    )
    add_never_cache_headers(response)  # a complaint's status is nobody else's business on a shared computer
    return response


def _selected_round(request):
    years = available_years()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = None
    if year not in years:
        year = current_fiscal_year() if current_fiscal_year() in years else years[0]
    months = request.GET.get("round", "12")
    months = int(months) if months in ("6", "12") else 12
    return years, year, months


@ComplaintStatisticsPage.view("statistics")
def statistics(page, request):
    years, year, months = _selected_round(request)
    stats = complaint_statistics(year, months)
    return render(
        request,
        "eservices/complaints/complaint_statistics_page.html",
        {"page": page, "self": page, "stats": stats, "years": years, "year": year, "months": months, "rounds": ROUNDS},
    )


@ComplaintStatisticsPage.view("statistics_xlsx")
def statistics_xlsx(page, request):
    _years, year, months = _selected_round(request)
    stats = complaint_statistics(year, months)
    response = HttpResponse(statistics_xlsx_bytes(stats), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="complaint-statistics-{year}-{months}m.xlsx"'
    return response
