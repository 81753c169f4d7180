"""The two workflow tasks of the hospital's process, and the records the process leaves.

The announcement's steps (R2.2–R2.5): the information provider submits; the head of the group (or
the director) approves as ผู้อนุมัติรับรอง or sends it back with a reason; a webmaster publishes.
Both tasks are Wagtail group-approval tasks with two rules added: a reason is required to request
changes (R2.4), and nobody acts on content they submitted or last edited (a second pair of eyes).
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Page, Revision, TaskState

from home.roles import DIRECTOR

from .forms import RequestChangesForm


def submitter_and_last_editor(obj):
    """Users who may not approve ``obj``: who submitted it to the workflow, and who last edited it."""
    users = set()
    state = getattr(obj, "current_workflow_state", None)
    if state and state.requested_by_id:
        users.add(state.requested_by_id)
    revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
    if revision and revision.user_id:
        users.add(revision.user_id)
    return users


class SecondPairOfEyesTask(AbstractGroupApprovalTask):
    """Group approval with a required reason to request changes and no self-approval."""

    class Meta:
        abstract = True

    def user_may_review(self, obj, user):
        return user.is_active and (user.is_superuser or self._user_in_groups(user))

    def get_actions(self, obj, user):
        if not self.user_may_review(obj, user) or user.pk in submitter_and_last_editor(obj):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", self.approve_label, False),
            ("approve", self.approve_with_comment_label, True),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if not self.user_may_review(obj, user):
            raise PermissionDenied(_("You cannot review this item."))
        if user.pk in submitter_and_last_editor(obj):
            raise PermissionDenied(_("You submitted or last edited this item, so someone else must review it."))
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied(_("Give the reason why changes are needed."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    def user_can_access_editor(self, obj, user):
        return self.user_may_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_may_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_may_review(obj, user)


class HeadReviewTask(SecondPairOfEyesTask):
    """Step 2: the head of the responsible group, or the director, approves (ผู้อนุมัติรับรอง)."""

    review_by_owner_unit = models.BooleanField(
        _("the head of the item's owner unit may also review"),
        default=False,
        help_text=_("For sections reviewed by the unit that owns the item (หน่วยงานเจ้าของเรื่อง)"),
    )
    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["review_by_owner_unit"]
    approve_label = _("Approve")
    approve_with_comment_label = _("Approve with comment")

    class Meta:
        verbose_name = _("head of group review")
        verbose_name_plural = _("head of group reviews")

    def user_may_review(self, obj, user):
        if super().user_may_review(obj, user):
            return True
        if not user.is_active:
            return False
        if user.groups.filter(name=DIRECTOR).exists():
            return True
        if self.review_by_owner_unit:
            owner = getattr(obj, "owner_unit", None)
            if owner is not None and owner.head_group_id and user.groups.filter(pk=owner.head_group_id).exists():
                return True
        return False

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS).exclude(workflow_state__requested_by=user)
        if user.is_superuser or self._user_in_groups(user) or user.groups.filter(name=DIRECTOR).exists():
            return states
        if self.review_by_owner_unit:
            return states.filter(
                pk__in=[
                    ts.pk
                    for ts in states.select_related("workflow_state")
                    if self.user_may_review(ts.workflow_state.content_object, user)
                ]
            )
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _(
            "The head of the responsible group or the director approves the item or requests changes with a reason"
        )


class WebmasterPublishTask(SecondPairOfEyesTask):
    """Step 3: a webmaster checks completeness and publishes (or schedules) the approved item."""

    approve_label = _("Publish")
    approve_with_comment_label = _("Publish with comment")

    class Meta:
        verbose_name = _("webmaster publication")
        verbose_name_plural = _("webmaster publications")

    @classmethod
    def get_description(cls):
        return _("A webmaster checks the approved item and publishes it, or requests changes with a reason")


class UrgentPublication(models.Model):
    """An item published on verbal approval (R2.6), awaiting the head's written approval afterwards."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="urgent_publications", verbose_name=_("page"))
    revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("revision")
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("published by")
    )
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)
    verbal_approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("approved verbally by")
    )
    verbal_approved_at = models.DateTimeField(_("verbal approval given at"))
    note = models.TextField(_("note"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
        help_text=_("Who had submitted the item for review when it was published urgently"),
    )
    written_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written approval by"),
    )
    written_approved_at = models.DateTimeField(_("written approval at"), null=True, blank=True)

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("urgent publication")
        verbose_name_plural = _("urgent publications")

    def __str__(self):
        return f"{self.page.title} ({self.published_at:%Y-%m-%d})"

    @property
    def awaiting_written_approval(self):
        return self.written_approved_at is None


class Notification(models.Model):
    """A reminder or warning already sent, so the periodic jobs send each one only once."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notification sent")
        verbose_name_plural = _("notifications sent")

    def __str__(self):
        return self.key
