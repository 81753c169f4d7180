"""Admin hooks: bulk publishing must not bypass the rule that a manual is published with its file."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.utils import get_valid_next_url_from_request

from manuals.models import OperationsManualPage


def _latest_content(page):
    """The content a publish would make live: the latest revision, or the page itself."""
    revision = page.get_latest_revision()
    return revision.as_object() if revision else page.specific


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_a_manual_without_its_file(request, action_type, objects, action_class_instance):
    """The page form refuses to publish a manual without its file; the bulk "Publish" action must too."""
    if action_type != "publish":
        return None
    pages = list(objects)
    if request.POST.get("include_descendants"):
        pages += [page for parent in list(pages) for page in parent.get_descendants().not_live()]
    missing = [
        page.title
        for page in pages
        if page.specific_class is OperationsManualPage and not _latest_content(page).documents()
    ]
    if not missing:
        return None
    messages.error(
        request,
        _("Not published: attach the manual file before publishing %(titles)s.") % {"titles": ", ".join(missing)},
    )
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_explore_root")
