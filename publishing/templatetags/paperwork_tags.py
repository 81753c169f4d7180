"""Template tags for the process's paperwork in Wagtail's own admin screens."""

from django import template

from wagtail.models import Page

from publishing.paperwork.records import WORKFLOW, can_download_form, draft_record, find_record

register = template.Library()


@register.simple_tag(takes_context=True)
def request_form_url_for_state(context, workflow_state):
    """The request form of a completed workflow, or the draft of the one in progress, for the
    workflow-history screen; "" if there is none."""
    request = context.get("request")
    if request is None or workflow_state is None or not isinstance(workflow_state.content_object, Page):
        return ""
    page = workflow_state.content_object.specific
    record = find_record(page, WORKFLOW, workflow_state.pk)
    if record is None and workflow_state.is_active:
        draft = draft_record(page)
        record = draft if draft is not None and draft.pk == workflow_state.pk else None
    if record is None or not can_download_form(request.user, page, record):
        return ""
    return record.url
