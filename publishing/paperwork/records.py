"""Publications read from the records the process leaves: completed workflows and urgent publications.

Nothing is copied into a table of our own, so the paperwork cannot disagree with the audit trail.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import Page, TaskState, WorkflowState

from home.roles import DIRECTOR, WEBMASTERS

from ..models import HeadReviewTask, UrgentPublication, WebmasterPublishTask

WORKFLOW = "workflow"


URGENT = "urgent"
# A submission still in the workflow: its request form prints as a draft (ฉบับร่าง) for the provider to
# take to the head, with the blocks not yet signed left empty.
DRAFT = "draft"


@dataclass
class PublicationRecord:
    """One publication of one page: a completed workflow, or an urgent publication."""

    kind: str
    pk: int
    page: object
    revision: object
    requested_at: object
    submitter: object = None
    approver: object = None
    approved_at: object = None
    publisher: object = None
    published_at: object = None
    go_live_at: object = None
    urgent: object = None

    @property
    def is_draft(self):
        return self.kind == DRAFT

    @property
    def url(self):
        if self.is_draft:
            return reverse("publishing_request_form_draft", args=[self.page.pk])
        return reverse("publishing_request_form_record", args=[self.page.pk, self.kind, self.pk])

    @property
    def people(self):
        users = [self.submitter, self.approver, self.publisher]
        if self.urgent is not None:
            users += [self.urgent.verbal_approver, self.urgent.written_approved_by]
        return [u for u in users if u is not None]


def task_types():
    return (
        ContentType.objects.get_for_model(HeadReviewTask),
        ContentType.objects.get_for_model(WebmasterPublishTask),
    )


def _latest_approved(states, content_type):
    approved = [
        s for s in states if s.task.content_type_id == content_type.pk and s.status == TaskState.STATUS_APPROVED
    ]
    return max(approved, key=lambda s: s.finished_at) if approved else None


def _workflow_record(state, page):
    head_ct, web_ct = task_types()
    states = list(state.task_states.all())
    head = _latest_approved(states, head_ct)
    web = _latest_approved(states, web_ct)
    if web is None:
        return None
    return PublicationRecord(
        kind=WORKFLOW,
        pk=state.pk,
        page=page,
        revision=web.revision,
        requested_at=state.created_at,
        submitter=state.requested_by,
        approver=head.finished_by if head else None,
        approved_at=head.finished_at if head else None,
        publisher=web.finished_by,
        published_at=web.finished_at,
        go_live_at=web.revision.approved_go_live_at if web.revision else None,
    )


def _urgent_record(urgent, page):
    revision = urgent.revision
    return PublicationRecord(
        kind=URGENT,
        pk=urgent.pk,
        page=page,
        revision=revision,
        # The item was in hand before anyone approved it, even when its last revision was saved afterwards.
        requested_at=min(revision.created_at, urgent.verbal_approved_at) if revision else urgent.verbal_approved_at,
        submitter=revision.user if revision and revision.user else None,
        approver=urgent.written_approved_by or urgent.verbal_approver,
        approved_at=urgent.written_approved_at or urgent.verbal_approved_at,
        publisher=urgent.published_by,
        published_at=urgent.published_at,
        urgent=urgent,
    )


def _page_states(page_ids):
    return (
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in page_ids],
            status=WorkflowState.STATUS_APPROVED,
        )
        .select_related("requested_by")
        .prefetch_related("task_states__task", "task_states__revision", "task_states__finished_by")
    )


def records_for_page(page):
    """Every publication of ``page``, newest first."""
    page = page.specific
    records = [r for r in (_workflow_record(s, page) for s in _page_states([page.pk])) if r is not None]
    urgents = UrgentPublication.objects.filter(page_id=page.pk).select_related(
        "revision__user", "published_by", "verbal_approver", "written_approved_by"
    )
    records += [_urgent_record(u, page) for u in urgents]
    records.sort(key=lambda r: r.published_at, reverse=True)
    return records


def _active_state(page):
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk))
        .select_related("requested_by")
        .prefetch_related("task_states__task", "task_states__finished_by")
        .first()
    )


def draft_record(page):
    """The submission now in the workflow (in review, or sent back for changes) as a draft record, or None.

    It shows the page as last saved, who submitted it and when, and the head's approval once given; the
    publisher's block stays empty.
    """
    page = page.specific
    state = _active_state(page)
    if state is None:
        return None
    head_ct, _web_ct = task_types()
    head = _latest_approved(list(state.task_states.all()), head_ct)
    return PublicationRecord(
        kind=DRAFT,
        pk=state.pk,
        page=page,
        revision=page.latest_revision,
        requested_at=state.created_at,
        submitter=state.requested_by,
        approver=head.finished_by if head else None,
        approved_at=head.finished_at if head else None,
    )


def has_draft(page):
    """Whether ``page`` is in the workflow now (cheap: for menus shown on every row)."""
    return (
        WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id=str(page.pk))
        .exists()
    )


def latest_record(page):
    records = records_for_page(page)
    return records[0] if records else None


def find_record(page, kind, pk):
    for record in records_for_page(page):
        if record.kind == kind and record.pk == pk:
            return record
    return None


def has_record(page):
    """Whether ``page`` has a publication (cheaper than ``latest_record``: for menus shown on every row)."""
    _head_ct, web_ct = task_types()
    return (
        UrgentPublication.objects.filter(page_id=page.pk).exists()
        or WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            status=WorkflowState.STATUS_APPROVED,
            task_states__task__content_type=web_ct,
            task_states__status=TaskState.STATUS_APPROVED,
        ).exists()
    )


def can_download_form(user, page, record=None):
    """Who may print a page's request form: whoever can see the page in the admin, and its people."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser or user.groups.filter(name__in=[WEBMASTERS, DIRECTOR]).exists():
        return True
    if record is not None and user in record.people:
        return True
    from wagtail.permission_policies.pages import PagePermissionPolicy

    # A permission on the page or a page above it; not Wagtail's "explorable" set, which also holds the
    # ancestors of the user's sections (the home page, for the staff of any section).
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, {"add", "change", "publish", "lock"}, page)


def request_form_url(page):
    """For ``home.compliance``: the admin URL of the page's latest request form, or ""."""
    if page is None or not getattr(page, "pk", None):
        return ""
    return reverse("publishing_request_form", args=[page.pk]) if has_record(page) else ""
