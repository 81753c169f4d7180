"""Urgent publishing on verbal approval (R2.6) and the written approval that must follow.

A webmaster may publish without a head's approval only by recording who approved verbally and
when. The item is flagged "awaiting written approval"; the heads who review its section (or the
director) approve it afterwards, on a confirmation screen. Every step is in Wagtail's audit log.

Four eyes, as in the workflow tasks: the verbal approver is neither the webmaster who publishes nor
the item's submitter nor its last editor; the written approval is given by none of the webmaster
who published, the submitter and the last editor of the published revision.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from home.admin_dates import BuddhistEraDateTimeField
from home.mail import absolute_url, send_templated
from home.roles import DIRECTOR, WEBMASTERS
from home.thai_dates import add_working_days

from .models import HeadReviewTask, UrgentPublication
from .notifications import public_url


def is_webmaster(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=WEBMASTERS).exists())


def head_task_for(page):
    workflow = page.get_workflow()
    if workflow is None:
        return None
    for task in workflow.tasks:
        if isinstance(task.specific, HeadReviewTask):
            return task.specific
    return None


def may_approve_in_writing(user, page):
    """Heads who review the page's section, or the director; never the webmaster who published."""
    if not user.is_active:
        return False
    if user.is_superuser or user.groups.filter(name=DIRECTOR).exists():
        return True
    task = head_task_for(page)
    return bool(task) and task.user_may_review(page.specific, user)


def approvers_for(page):
    """Users who could have given the verbal approval: the section's heads and the director."""
    User = get_user_model()
    task = head_task_for(page)
    group_ids = list(task.groups.values_list("pk", flat=True)) if task else []
    specific = page.specific
    owner = getattr(specific, "owner_unit", None)
    if task and task.review_by_owner_unit and owner is not None and owner.head_group_id:
        group_ids.append(owner.head_group_id)
    users = User.objects.filter(is_active=True).filter(groups__pk__in=group_ids) | User.objects.filter(
        is_active=True, groups__name=DIRECTOR
    )
    return users.distinct().order_by("first_name", "username")


def _name(user):
    return user.get_full_name() or user.get_username()


def _submitter_id(page):
    state = page.current_workflow_state
    return state.requested_by_id if state is not None else None


def _last_editor_id(page):
    revision = page.get_latest_revision()
    return revision.user_id if revision is not None else None


def verbal_approval_refusal(page, webmaster, approver):
    """Why ``approver`` cannot be the verbal approver of ``page`` published by ``webmaster``, or None."""
    if approver.pk == webmaster.pk:
        return _("You cannot approve your own urgent publication: choose the head or the director who approved it.")
    if approver.pk == _submitter_id(page):
        return _("%(name)s submitted this item, so the verbal approval must come from someone else.") % {
            "name": _name(approver)
        }
    if approver.pk == _last_editor_id(page):
        return _("%(name)s last edited this item, so the verbal approval must come from someone else.") % {
            "name": _name(approver)
        }
    if not approvers_for(page).filter(pk=approver.pk).exists():
        return _("%(name)s is neither a head who reviews this section nor the director.") % {"name": _name(approver)}
    return None


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class UrgentPublishForm(forms.Form):
    verbal_approver = UserChoiceField(
        queryset=get_user_model().objects.none(),
        label=_("Approved verbally by"),
        help_text=_("The head of the group or the director who gave permission to publish"),
        error_messages={
            "required": _("Choose who approved verbally."),
            "invalid_choice": _("Choose who approved verbally."),
        },
    )
    # Typed and shown in the Buddhist Era like every admin date (home/admin_dates.py): the browser's
    # datetime-local picker shows Christian-Era years.
    verbal_approved_at = BuddhistEraDateTimeField(
        label=_("Approved verbally at"),
        error_messages={
            "required": _("Enter when the verbal approval was given."),
            "invalid": _("Enter a date and time."),
        },
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, page, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.user = user
        self.fields["verbal_approver"].queryset = approvers_for(page)

    def clean_verbal_approver(self):
        approver = self.cleaned_data["verbal_approver"]
        refusal = verbal_approval_refusal(self.page, self.user, approver)
        if refusal:
            raise forms.ValidationError(refusal)
        return approver

    def clean_verbal_approved_at(self):
        value = self.cleaned_data["verbal_approved_at"]
        if value > timezone.now() + dt.timedelta(minutes=5):
            raise forms.ValidationError(_("The verbal approval cannot be in the future."))
        if value < timezone.now() - dt.timedelta(days=7):
            raise forms.ValidationError(_("An urgent publication must follow its verbal approval within a week."))
        return value


@transaction.atomic
def urgent_publish(page, user, verbal_approver, verbal_approved_at, note=""):
    if not is_webmaster(user):
        raise PermissionDenied(_("Only webmasters can publish urgently."))
    page = page.specific
    refusal = verbal_approval_refusal(page, user, verbal_approver)
    if refusal:
        raise PermissionDenied(refusal)
    revision = page.get_latest_revision()
    if revision is None:
        raise PermissionDenied(_("There is nothing to publish."))
    state = page.current_workflow_state
    submitted_by_id = state.requested_by_id if state is not None else None
    if state is not None:
        state.cancel(user=user)
    # Webmasters hold no "publish" permission; this function is the checked exception (R2.6).
    revision.publish(user=user, skip_permission_checks=True)
    record = UrgentPublication.objects.create(
        page=page,
        revision=revision,
        published_by=user,
        verbal_approver=verbal_approver,
        verbal_approved_at=verbal_approved_at,
        note=note,
        submitted_by_id=submitted_by_id,
    )
    log(
        instance=page,
        action="hodsite.urgent_publish",
        user=user,
        revision=revision,
        data={
            "verbal_approver": verbal_approver.get_full_name() or verbal_approver.get_username(),
            "verbal_approver_id": verbal_approver.pk,
            "verbal_approved_at": verbal_approved_at.isoformat(),
            "note": note,
        },
    )
    if verbal_approver.email:
        send_templated(
            "publishing/email/written_approval_needed",
            {"page": page, "record": record, "url": public_url(page), "approve_url": approval_url(record)},
            [verbal_approver.email],
        )
    return record


def approval_url(record):
    """Where the approver confirms the written approval of ``record`` (an absolute address for e-mails)."""
    from django.urls import reverse

    return absolute_url(reverse("publishing_written_approval", args=[record.pk]))


def written_approval_refusal(record, user):
    """Why ``user`` may not approve ``record`` in writing, or None when they may."""
    if not may_approve_in_writing(user, record.page):
        return _("Only a head who reviews this section or the director can approve this item in writing.")
    if user.pk == record.published_by_id:
        return _("You published this item urgently, so someone else must approve it in writing.")
    if user.pk == record.submitted_by_id:
        return _("You submitted this item, so someone else must approve it in writing.")
    if record.revision is not None and user.pk == record.revision.user_id:
        return _("You last edited this item, so someone else must approve it in writing.")
    return None


class WrittenApprovalForm(forms.Form):
    """The confirmation step of the written approval: a box to tick, refused with the reason on it."""

    confirm = forms.BooleanField(
        label=_("I have checked the published item and approve its publication in writing"),
        error_messages={"required": _("Tick the box to confirm your written approval.")},
    )

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.record = record
        self.user = user

    def clean(self):
        refusal = written_approval_refusal(self.record, self.user)
        if refusal:
            self.add_error("confirm", refusal)
        return self.cleaned_data


@transaction.atomic
def approve_in_writing(record, user):
    # of=self: the revision is a nullable join, which PostgreSQL refuses to lock
    record = UrgentPublication.objects.select_for_update(of=("self",)).select_related("revision").get(pk=record.pk)
    if record.written_approved_at is not None:
        return record
    refusal = written_approval_refusal(record, user)
    if refusal:
        raise PermissionDenied(refusal)
    record.written_approved_by = user
    record.written_approved_at = timezone.now()
    record.save(update_fields=["written_approved_by", "written_approved_at"])
    log(
        instance=record.page.specific,
        action="hodsite.written_approval",
        user=user,
        data={"urgent_publication": record.pk},
    )
    return record


def written_approval_due(record):
    """Working days (weekends and Thai public and hospital holidays skipped) after the publication."""
    days = settings.PUBLISHING_WRITTEN_APPROVAL_WORKING_DAYS
    return add_working_days(record.published_at, days)


def is_overdue(record, now=None):
    return record.written_approved_at is None and (now or timezone.now()) > written_approval_due(record)
