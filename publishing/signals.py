"""Tell the owner: when an item goes live (R2.5) and when changes are requested, with the reason (R2.4)."""

from django.dispatch import receiver

from wagtail.signals import page_published, task_rejected

from home.compliance import is_importing
from home.mail import send_templated

from .notifications import admin_url, public_url, recipients_for


@receiver(page_published)
def tell_owner_item_is_live(sender, instance, revision=None, **kwargs):
    if is_importing():
        return  # content of the former website, published there long ago: no news to its owner
    page = instance.specific
    submitter = None
    state = page.workflow_states.order_by("-created_at").first() if hasattr(page, "workflow_states") else None
    if state is not None:
        submitter = state.requested_by
    users = [submitter] if submitter else []
    if revision is not None and revision.user is not None and revision.user != submitter and not users:
        users.append(revision.user)
    send_templated("publishing/email/published", {"page": page, "url": public_url(page)}, recipients_for(page, users))


@receiver(task_rejected)
def tell_owner_changes_requested(sender, instance, user=None, **kwargs):
    task_state = instance
    page = task_state.workflow_state.content_object
    page = page.specific if hasattr(page, "specific") else page
    submitter = task_state.workflow_state.requested_by
    send_templated(
        "publishing/email/changes_requested",
        {
            "page": page,
            "reason": task_state.comment,
            "reviewer": user,
            "task": task_state.task,
            "edit_url": admin_url(page),
        },
        recipients_for(page, [submitter]),
    )
