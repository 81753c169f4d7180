"""Tell the owner: when an item goes live (R2.5) and when changes are requested, with the reason (R2.4).

The e-mails leave after the database transaction commits (``transaction.on_commit``), never inside the
approval or publish click: a slow or unreachable mail server does not hold the reviewer's request (or
the database transaction) open, and a publish that is rolled back sends nothing.
"""

from functools import partial

from django.db import transaction
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
    context = {"page": page, "url": public_url(page)}
    transaction.on_commit(partial(send_templated, "publishing/email/published", context, recipients_for(page, users)))


@receiver(task_rejected)
def tell_owner_changes_requested(sender, instance, user=None, **kwargs):
    task_state = instance
    page = task_state.workflow_state.content_object
    page = page.specific if hasattr(page, "specific") else page
    submitter = task_state.workflow_state.requested_by
    context = {
        "page": page,
        "reason": task_state.comment,
        "reviewer": user,
        "task": task_state.task,
        "edit_url": admin_url(page),
    }
    transaction.on_commit(
        partial(send_templated, "publishing/email/changes_requested", context, recipients_for(page, [submitter]))
    )
