"""A page edit form older than the page's latest revision is refused, not saved over it.

Two people open the same page; one saves; the other then saves the older form. Wagtail 8 warns through
its editing sessions and refuses only its autosave; a plain "save" or "submit" would silently replace the
first person's work. ``ConflictRefusingEditView`` replaces Wagtail's page edit view (``hodsite/urls.py``
routes ``/admin/pages/<id>/edit/`` to it first): it refuses such a post with a Thai message naming who
saved and when, shows the form again with everything the user typed, and links the latest version (in a
new tab, to copy the changes across). The form keeps the revision it was opened on, so saving it again is
refused again: nothing is overwritten without the latest version having been opened.
"""

from django.contrib import messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.edit import EditView

from home.thai_dates import thai_datetime


class ConflictRefusingEditView(EditView):
    def post(self, request, *args, **kwargs):
        if self.page.alias_of_id or self.expects_json_response or not self.is_out_of_date:
            return super().post(request, *args, **kwargs)
        if self.is_cancelling_workflow:
            return super().post(request, *args, **kwargs)
        return self.refuse_stale_form()

    def refuse_stale_form(self):
        self.form = self.form_class(
            self.request.POST,
            self.request.FILES,
            instance=self.page,
            subscription=self.subscription,
            parent_page=self.parent,
            for_user=self.request.user,
        )
        self.form.is_valid()  # bound and cleaned: the page shows exactly what was typed, with any field errors
        latest = self.latest_revision
        who = (latest.user.get_full_name() or latest.user.get_username()) if latest.user else _("someone")
        messages.error(
            self.request,
            format_html(
                '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
                _(
                    "Not saved: %(who)s saved a newer version of this page on %(when)s, after you opened it. "
                    "Your changes are still in the form below."
                )
                % {"who": who, "when": thai_datetime(latest.created_at)},
                reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                _("Open the latest version in a new tab and copy your changes into it"),
            ),
        )
        # The form goes back with the revision it was opened on, so saving it again is refused again.
        self.page.latest_revision_id = self.request.POST.get("loaded_revision_id")
        self.__dict__["latest_revision_created_at"] = self.request.POST.get("loaded_revision_created_at", "")
        self.has_unsaved_changes = True
        response = self.render_to_response(self.get_context_data())
        response.status_code = 409
        return response


edit_page = require_admin_access(ConflictRefusingEditView.as_view())
