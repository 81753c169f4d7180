"""At least two active webmasters, kept by the admin (R3.2, announcement §3.1): one stands in for the other.

The dashboard and ``publishing.W001`` warn when there are fewer; here the admin refuses, with the reason in
Thai, every change that would take away one of the last two: deactivating or deleting the user (one by one
or in bulk), unticking the webmaster group on the user's form, and deleting or renaming the group itself.
``HospitalUsersConfig`` (``publishing.users_app``) puts these views in place of Wagtail's.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.users.forms import GroupForm, UserCreationForm, UserEditForm
from wagtail.users.views import groups as group_views
from wagtail.users.views import users as user_views

from home.roles import WEBMASTERS

MINIMUM = 2


def active_webmaster_ids():
    return set(get_user_model().objects.filter(is_active=True, groups__name=WEBMASTERS).values_list("pk", flat=True))


def would_leave_too_few(leaving_ids):
    """True when taking the users ``leaving_ids`` away leaves fewer than two active webmasters."""
    current = active_webmaster_ids()
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
        if user.pk is None or user.pk not in active_webmaster_ids() or not would_leave_too_few({user.pk}):
            return cleaned
        if "is_active" in self.fields and cleaned.get("is_active") is False:
            self.add_error("is_active", refusal(user))
        groups = cleaned.get("groups")
        if "groups" in self.fields and groups is not None and not any(g.name == WEBMASTERS for g in groups):
            self.add_error("groups", refusal(user))
        return cleaned


class HospitalUserEditForm(WebmasterGuardMixin, UserEditForm):
    pass


class UserDeleteView(user_views.DeleteView):
    def dispatch(self, request, *args, **kwargs):
        user = self.get_object()
        if would_leave_too_few({user.pk}):
            messages.error(request, refusal(user))
            return redirect("wagtailusers_users:edit", user.pk)
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(user_views.UserViewSet):
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
