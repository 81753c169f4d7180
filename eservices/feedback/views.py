"""The public feedback page: the form, the thank-you page, and the published questions and answers.

The Q&A shows only what staff wrote for publication (``public_question`` and ``answer``) — never the
asker's name, e-mail or original text.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from eservices.feedback.forms import FeedbackForm
from eservices.models import Feedback, FeedbackPage
from home.abuse import rate_limited

SESSION_KEY = "eservices_feedback_sent"


def published_qa(request):
    items = Feedback.objects.filter(is_published=True).exclude(answer="").order_by("-published_at", "-pk")
    items = items.only("kind", "public_question", "answer", "answered_at", "published_at")
    return Paginator(items, 10).get_page(request.GET.get("page"))


@FeedbackPage.view("feedback_form")
def feedback_form(page, request):
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        valid = form.is_valid()
        if valid and rate_limited(request, "feedback", settings.FEEDBACK_RATE_LIMIT, 3600):
            form.add_error(
                None,
                _(
                    "Too many messages have been sent from this connection in the last hour. Your text is kept below: please send it again later."
                ),
            )
            valid = False
        if valid:
            data = form.cleaned_data
            Feedback.objects.create(
                kind=data["kind"],
                subject=data["subject"].strip(),
                message=data["message"].strip(),
                name=data.get("name", "").strip(),
                email=data.get("email", ""),
                privacy_notice_version=page.privacy_notice_version,
                # Left empty: staff write the public version themselves, so the raw text (names,
                # telephone numbers) can never be published by ticking "publish" alone.
                received_at=timezone.now(),
            )
            request.session[SESSION_KEY] = True
            return HttpResponseRedirect(page.url + page.reverse_subpage("sent_view"))
    else:
        form = FeedbackForm()
    return render(
        request,
        "eservices/feedback/feedback_page.html",
        {"page": page, "self": page, "form": form, "items": published_qa(request)},
    )


@FeedbackPage.view("feedback_sent")
def feedback_sent(page, request):
    if not request.session.get(SESSION_KEY):
        return HttpResponseRedirect(page.url)
    return render(request, "eservices/feedback/feedback_sent.html", {"page": page, "self": page})
