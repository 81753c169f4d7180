"""Why an item was sent back: the reason a head (or a webmaster) gave when requesting changes (R2.4).

The reason is the comment of the rejected task state of the page's workflow, kept by Wagtail. It reached
the editor only by e-mail; here it is shown where the editor works: a banner on the page's edit screen
and a dashboard panel "ต้องแก้ไข" listing the editor's items sent back, each with the reason, who and when.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from home import thai_dates

from .paperwork.people import user_name

PANEL_LIMIT = 20


@dataclass
class ChangesRequested:
    page: object
    reason: str
    by: str
    at: object
    task: str

    @property
    def at_label(self):
        return thai_dates.thai_datetime(self.at) if self.at else ""


def _states():
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_NEEDS_CHANGES, base_content_type=ContentType.objects.get_for_model(Page)
    ).select_related("current_task_state__finished_by", "current_task_state__task")


def _entry(state, page):
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return ChangesRequested(
        page=page,
        reason=(task_state.comment or "").strip(),
        by=user_name(task_state.finished_by),
        at=task_state.finished_at,
        task=task_state.task.name if task_state.task_id else "",
    )


def changes_requested(page):
    """The reason ``page`` was sent back, with who and when, or None when it is not waiting for changes."""
    state = _states().filter(object_id=str(page.pk)).first()
    return _entry(state, page) if state is not None else None


def changes_requested_for(user):
    """Items sent back that ``user`` submitted or may edit, newest request first (at most PANEL_LIMIT)."""
    if not (user.is_active and user.is_authenticated):
        return []
    states = list(_states().select_related("requested_by").order_by("-current_task_state__finished_at")[:500])
    pages = Page.objects.in_bulk([int(s.object_id) for s in states])
    policy = PagePermissionPolicy()
    entries = []
    for state in states:
        page = pages.get(int(state.object_id))
        if page is None:
            continue
        if state.requested_by_id != user.pk and not policy.user_has_permission_for_instance(user, "change", page):
            continue
        entry = _entry(state, page)
        if entry is not None:
            entries.append(entry)
        if len(entries) == PANEL_LIMIT:
            break
    return entries
