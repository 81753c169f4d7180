"""The demo's complaint and feedback services: the four public pages under บริการอิเล็กทรอนิกส์, two
staff accounts, complaints of the past and current fiscal year in every state, and answered questions.

The texts, accounts, complaints and questions are data: ``demo/data/complaints.toml``.

Idempotent: pages by slug, accounts by username, complaints by their fixed demo codes, questions by
subject. Names in complaints are invented.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo import content
from demo.loaders.hospital import DEMO_PASSWORD
from eservices.complaints import rules
from eservices.models import (
    Complaint,
    ComplaintEvent,
    ComplaintFormPage,
    ComplaintStatisticsPage,
    ComplaintTrackingPage,
    Feedback,
    FeedbackPage,
)
from home import roles
from home.models import StandardPage

DATA = content.read("complaints")
GROUPS = {"complaint_centre": roles.COMPLAINT_CENTRE, "corruption_working_group": roles.CORRUPTION_WORKING_GROUP}
ACCOUNTS = [(a["username"], a["first_name"], a["last_name"], GROUPS[a["group"]]) for a in DATA["accounts"]]

# code, days ago, kind, channel, status, unit, subject, details, response, contact (name, phone, email)
COMPLAINTS = [
    (
        *(
            c[key]
            for key in ("code", "days_ago", "kind", "channel", "status", "unit", "subject", "details", "response")
        ),
        (c["contact"]["name"], c["contact"]["phone"], c["contact"]["email"]) if "contact" in c else None,
    )
    for c in DATA["complaints"]
]
FEEDBACK = [
    tuple(f[key] for key in ("kind", "subject", "message", "public_question", "answer", "published", "days_ago"))
    for f in DATA["feedback"]
]


def load(builder):
    rules.setup_complaint_groups()
    accounts(builder)
    pages = service_pages(builder)
    complaints(builder)
    feedback(builder)
    link_from_disclosure(builder, pages)


def accounts(builder):
    from django.contrib.auth.models import Group

    User = get_user_model()
    for username, first, last, group in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=f"{username}@hodhospital.go.th",
                is_staff=True,
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=group))
            builder.created.append(f"user: {username}")


def service_pages(builder):
    text = DATA["pages"]
    parent = builder.find("services/e-services")
    if parent is None:
        services = builder.find("services") or builder.home
        parent = builder.page(services, StandardPage, "e-services", title=text["e_services_title"], show_in_menus=True)
    form = builder.page(parent, ComplaintFormPage, "complaint", show_in_menus=True, **text["form"])
    tracking = builder.page(parent, ComplaintTrackingPage, "complaint-status", show_in_menus=True, **text["tracking"])
    stats = builder.page(parent, ComplaintStatisticsPage, "complaint-statistics", show_in_menus=True, **text["stats"])
    qa = builder.page(parent, FeedbackPage, "feedback", show_in_menus=True, **text["qa"])
    return {"form": form, "tracking": tracking, "stats": stats, "qa": qa}


def complaints(builder):
    from home.models import Department

    User = get_user_model()
    handler = {
        "service": User.objects.filter(username="complaints").first(),
        "corruption": User.objects.filter(username="integrity").first(),
    }
    now = timezone.now()
    for code, days, kind, channel, status, unit, subject, details, response, contact in COMPLAINTS:
        if Complaint.objects.filter(tracking_code=code).exists():
            continue
        received = now - dt.timedelta(days=days, hours=3)
        name, phone, email = contact or ("", "", "")
        complaint = Complaint(
            tracking_code=code,
            kind=kind,
            channel=channel,
            subject=subject,
            details=details,
            is_anonymous=contact is None,
            name=name,
            phone=phone,
            email=email,
            received_at=received,
            department=Department.objects.filter(name=unit).first() if unit else None,
            privacy_acknowledged_at=received if channel == "website" else None,
        )
        complaint.save()
        ComplaintEvent.objects.create(
            complaint=complaint, action=ComplaintEvent.Action.RECEIVED, at=received, to_status="received"
        )
        user = handler[kind]
        steps = {
            "received": [],
            "acknowledged": ["acknowledged"],
            "in_progress": ["acknowledged", "in_progress"],
            "resolved": ["acknowledged", "in_progress", "resolved"],
            "closed": ["acknowledged", "in_progress", "closed"],
            "forwarded": ["acknowledged", "forwarded"],
        }[status]
        offsets = [1, 3, min(days - 1, 20)]
        for step, offset in zip(steps, offsets, strict=False):
            at = received + dt.timedelta(days=offset)
            event = complaint.change_status(step, user)
            event.at = at
            event.save()
            if step == "acknowledged":
                complaint.acknowledged_at = at
            if step in Complaint.FINISHED:
                complaint.finished_at = at
        if status == "forwarded":
            complaint.forwarded_to = DATA["pages"]["forwarded_to"]
        complaint.response = response
        complaint.save()
        builder.created.append(f"complaint: {code}")


def feedback(builder):
    User = get_user_model()
    staff = User.objects.filter(username="complaints").first()
    now = timezone.now()
    # Staff write the public version of each published question (never the message as sent).
    for kind, subject, message, public_question, answer, published, days in FEEDBACK:
        if Feedback.objects.filter(subject=subject).exists():
            continue
        received = now - dt.timedelta(days=days)
        item = Feedback(
            kind=kind,
            subject=subject,
            message=message,
            public_question=public_question,
            received_at=received,
            answer=answer,
            is_published=published,
        )
        if answer:
            item.answered_at = item.published_at = received + dt.timedelta(days=2)
            item.answered_by = staff
        item.save()
        builder.created.append(f"feedback: {subject}")


def link_from_disclosure(builder, pages):
    """The complaint procedures and reports pages (disclosure) link to the form and the statistics."""
    for link in DATA["links"]:
        path, target, text = link["path"], pages[link["page"]], link["text"]
        page = builder.find(path)
        if page is None or not hasattr(page, "body"):
            continue
        marker = f'linktype="page" id="{target.pk}"'
        if any(marker in str(block["value"]) for block in page.body.get_prep_value()):
            continue
        page.body.append(("paragraph", f"<p>{text} <a {marker}>{target.title}</a></p>"))
        page.save_revision().publish()
        builder.created.append(f"link: {path} → {target.title}")
