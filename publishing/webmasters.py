"""At least two active webmasters, kept by the admin (R3.2, announcement §3.1): one stands in for the other.

The dashboard and ``publishing.W001`` warn when there are fewer; here the admin refuses, with the reason in
Thai, every change that would take away one of the last two: deactivating or deleting the user (one by one
or in bulk), unticking the webmaster group on the user's form, and deleting or renaming the group itself.
``HospitalUsersConfig`` (``publishing.users_app``) puts these views in place of Wagtail's.

Two administrators removing two different webmasters at the same instant must not both succeed: each check
runs in the transaction of the change (the user edit and delete views run whole in ``transaction.atomic()``;
Wagtail's bulk actions run their ``before_bulk_action`` hook and the action in one already) and first locks
the webmasters' group row and its active members (``SELECT … FOR UPDATE``). The second administrator's check
waits for the first change to be committed and then counts what is left. PostgreSQL holds these locks; SQLite
has no row locks but lets one transaction write at a time.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.users.forms import GroupForm, UserCreationForm, UserEditForm
from wagtail.users.views import groups as group_views
from wagtail.users.views import users as user_views

from home.roles import WEBMASTERS

MINIMUM = 2


def active_webmaster_ids(lock=False):
    """The ids of the active webmasters. With ``lock`` (inside a transaction) the webmasters' group row and those
    users' rows are locked until it ends, so no other change of webmasters can be checked meanwhile."""
    users = get_user_model().objects.filter(is_active=True, groups__name=WEBMASTERS)
    if lock and connection.in_atomic_block:
        # The group row first, always: every check queues on the same row, in the same order (no deadlock).
        list(Group.objects.select_for_update().filter(name=WEBMASTERS).values_list("pk", flat=True))
        users = users.select_for_update(of=("self",))
    return set(users.values_list("pk", flat=True))


def would_leave_too_few(leaving_ids):
    """True when taking the users ``leaving_ids`` away leaves fewer than two active webmasters.

    Called inside the transaction that makes the change, it holds the lock of ``active_webmaster_ids`` until
    that change is committed."""
    current = active_webmaster_ids(lock=True)
    leaving = current & set(leaving_ids)
    return bool(leaving) and len(current - leaving) < MINIMUM


def refusal(user=None):
    if user is None:
        return _(
            "This would leave fewer than two active webmasters. The hospital's announcement (§3.1) requires at "
            "least two: add another webmaster first."
        )
    return _(
        "%(name)s is one of the last two active webmasters. The hospital's announcement (§3.1) requires at "
        "least two: add another webmaster first."
    ) % {"name": user.get_full_name() or user.get_username()}


class WebmasterGuardMixin:
    """The user form refuses to deactivate one of the last two webmasters or to take them out of the group."""

    def clean(self):
        cleaned = super().clean()
        user = self.instance
        if user.pk is None or not would_leave_too_few({user.pk}):
            return cleaned
        if "is_active" in self.fields and cleaned.get("is_active") is False:
            self.add_error("is_active", refusal(user))
        groups = cleaned.get("groups")
        if "groups" in self.fields and groups is not None and not any(g.name == WEBMASTERS for g in groups):
            self.add_error("groups", refusal(user))
        return cleaned


class HospitalUserEditForm(WebmasterGuardMixin, UserEditForm):
    pass


class UserEditView(user_views.EditView):
    def dispatch(self, request, *args, **kwargs):
        with transaction.atomic():  # the form's check (and its lock) and the save: one transaction
            return super().dispatch(request, *args, **kwargs)


class UserDeleteView(user_views.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        with transaction.atomic():  # the check (and its lock) and the deletion: one transaction
            user = self.get_object()
            if would_leave_too_few({user.pk}):
                messages.error(request, refusal(user))
                return redirect("wagtailusers_users:edit", user.pk)
            return super().dispatch(request, *args, **kwargs)


class UserViewSet(user_views.UserViewSet):
    edit_view_class = UserEditView
    delete_view_class = UserDeleteView

    def get_form_class(self, for_update=False):
        return HospitalUserEditForm if for_update else UserCreationForm


class HospitalGroupForm(GroupForm):
    def clean_name(self):
        name = super().clean_name()
        if self.instance.pk and self.instance.name == WEBMASTERS and name != WEBMASTERS:
            raise forms.ValidationError(
                _("The webmasters' group keeps its name: the publishing workflow and its checks find it by name.")
            )
        return name


class GroupDeleteView(group_views.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        group = self.get_object()
        if group.name == WEBMASTERS:
            messages.error(request, _("The webmasters' group cannot be deleted: at least two webmasters are required."))
            return redirect("wagtailusers_groups:edit", group.pk)
        return super().dispatch(request, *args, **kwargs)


class GroupViewSet(group_views.GroupViewSet):
    delete_view_class = GroupDeleteView

    def get_form_class(self, for_update=False):
        return HospitalGroupForm


@hooks.register("before_bulk_action")
def keep_two_webmasters_in_bulk(request, action_type, objects, action_class_instance):
    """The users listing's bulk *Delete* and *Set active state › Inactive* refuse the same way."""
    if not objects or not isinstance(objects[0], get_user_model()):
        return None
    if action_type == "set_active_state":
        if action_class_instance.cleaned_form.cleaned_data.get("mark_as_active"):
            return None
    elif action_type != "delete":
        return None
    if would_leave_too_few({user.pk for user in objects}):
        messages.error(request, refusal())
        return redirect(action_class_instance.next_url)
    return None
