"""The admin screen for data-subject requests (*คำขอเกี่ยวกับข้อมูลส่วนบุคคล*): search a person's complaints
and feedback, export them (XLSX or JSON) and erase them after a confirmation.

Who: superusers and the complaint handlers (``search.can_use``); each sees only the records they may see
anyway — corruption complaints only the corruption working group, feedback only with
``eservices.view_feedback``. Everyone else gets 403. Every step is a POST that carries the search terms
and reason; export and erase search again on the server and act only on the chosen records among those
found, so a forged id reaches nothing the user may not see. Each search, export and erasure is a
``PersonalDataRequest`` with its audit-log entry (who, when, reason, terms, counts) and, on every case
concerned, a ``ComplaintAccessLog`` line.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from eservices.models import ComplaintAccessLog, PersonalDataRequest
from eservices.privacy import erasure, exports, search
from eservices.privacy.forms import EraseForm, PersonSearchForm
from home.exports import XLSX_CONTENT_TYPE

TEMPLATE = "eservices/privacy/requests.html"
CONFIRM_TEMPLATE = "eservices/privacy/erase_confirm.html"


def _record(request, action, reason, terms, complaint_count, feedback_count):
    user = request.user
    record = PersonalDataRequest.objects.create(
        user=user,
        username=user.get_username(),
        action=action,
        reason=reason,
        terms=terms,
        complaint_count=complaint_count,
        feedback_count=feedback_count,
    )
    log(instance=record, action=f"eservices.pdpa.{action}", user=user, data=record.log_data())
    return record


def _chosen(request, found, key):
    ids = set(request.POST.getlist(key))
    return [record for record in found if str(record.pk) in ids]


def _context(request, **extra):
    return {
        "header_title": _("Personal data requests"),
        "page_title": _("Personal data requests"),
        "header_icon": "user",
        "action_url": reverse("eservices_personal_data"),
        "sees_feedback": search.sees_feedback(request.user),
        **extra,
    }


def personal_data_view(request):
    if not search.can_use(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return TemplateResponse(request, TEMPLATE, _context(request, form=PersonSearchForm()))
    form = PersonSearchForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, TEMPLATE, _context(request, form=form))
    terms = form.terms
    reason = form.cleaned_data["reason"]
    complaints, feedback = search.find(
        request.user,
        terms.get("name", ""),
        terms.get("email", ""),
        terms.get("phone", ""),
        exact=terms["match"] == "exact",
    )
    step = request.POST.get("step", "search")
    if step in ("export-xlsx", "export-json", "erase", "erase_confirm"):
        chosen_complaints = _chosen(request, complaints, "complaint")
        chosen_feedback = _chosen(request, feedback, "feedback")
        if chosen_complaints or chosen_feedback:
            complaints, feedback = chosen_complaints, chosen_feedback
        else:  # show the results again, with the message
            messages.error(request, _("Choose at least one record in the results."))
            step = "search"
    if step in ("export-xlsx", "export-json"):
        return _export(request, step.removeprefix("export-"), reason, terms, complaints, feedback)
    if step == "erase":
        return TemplateResponse(
            request,
            CONFIRM_TEMPLATE,
            _context(request, form=form, erase_form=EraseForm(), complaints=complaints, feedback=feedback),
        )
    if step == "erase_confirm":
        return _erase(request, form, terms, complaints, feedback)
    _record(request, PersonalDataRequest.Action.SEARCH, reason, terms, len(complaints), len(feedback))
    ComplaintAccessLog.record(request.user, complaints, ComplaintAccessLog.Action.FOUND, reason)
    return TemplateResponse(
        request,
        TEMPLATE,
        _context(request, form=form, searched=True, complaints=complaints, feedback=feedback),
    )


def _export(request, file_format, reason, terms, complaints, feedback):
    terms = terms | {"format": file_format}
    _record(request, PersonalDataRequest.Action.EXPORT, reason, terms, len(complaints), len(feedback))
    ComplaintAccessLog.record(
        request.user, complaints, ComplaintAccessLog.Action.EXPORT, f"PDPA {file_format} {reason}"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if file_format == "json":
        response = HttpResponse(
            exports.personal_data_json(complaints, feedback), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(exports.personal_data_xlsx(complaints, feedback), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.{file_format}"'
    response["Cache-Control"] = "no-store"
    return response


def _erase(request, form, terms, complaints, feedback):
    erase_form = EraseForm(request.POST)
    if not erase_form.is_valid():
        context = _context(request, form=form, erase_form=erase_form, complaints=complaints, feedback=feedback)
        return TemplateResponse(request, CONFIRM_TEMPLATE, context)
    reason = erase_form.cleaned_data["erase_reason"]
    done_complaints, done_feedback = erasure.erase(
        [c.pk for c in complaints], [f.pk for f in feedback], user=request.user, detail=f"PDPA {reason}"
    )
    _record(request, PersonalDataRequest.Action.ERASE, reason, terms, done_complaints, done_feedback)
    messages.success(
        request,
        _("Personal data erased: %(complaints)d complaints and %(feedback)d comments or questions.")
        % {"complaints": done_complaints, "feedback": done_feedback},
    )
    return redirect("eservices_personal_data")
