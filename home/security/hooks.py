"""Admin hooks of home.security (imported by home/wagtail_hooks.py)."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import ListingButton
from wagtail.models import Collection, CollectionViewRestriction, GroupCollectionPermission

from . import views


@hooks.register("register_admin_urls")
def security_urls():
    return [
        path("2fa/verify/", views.verify, name="hod_2fa_verify"),
        path("2fa/enrol/", views.enrol, name="hod_2fa_enrol"),
        path("2fa/codes/", views.codes, name="hod_2fa_codes"),
        path("2fa/reset/<int:user_id>/", views.reset_user, name="hod_2fa_reset"),
        path("security/locked/", views.locked_signins, name="hod_locked_signins"),
        path("security/locked/<int:attempt_id>/unlock/", views.unlock, name="hod_unlock_signin"),
    ]


@hooks.register("register_log_actions")
def security_log_actions(actions):
    actions.register_action("hodsite.otp_enrolled", _("Two-factor app set up"), _("Set up two-factor sign-in"))
    actions.register_action("hodsite.otp_codes", _("New recovery codes made"), _("Made new recovery codes"))
    actions.register_action("hodsite.otp_reset", _("Two-factor sign-in reset"), _("Reset two-factor sign-in"))
    actions.register_action("hodsite.signin_unlocked", _("Locked sign-in unlocked"), _("Unlocked sign-in"))


@hooks.register("register_account_menu_item")
def recovery_codes_menu_item(request):
    return {
        "url": reverse("hod_2fa_codes"),
        "label": _("Two-factor recovery codes"),
        "help_text": _("Make new one-time recovery codes for when your phone is not at hand."),
    }


class UserManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm("auth.change_user")


@hooks.register("register_settings_menu_item")
def locked_signins_menu_item():
    return UserManagerMenuItem(_("Locked sign-ins"), reverse("hod_locked_signins"), icon_name="lock", order=610)


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if request_user.is_superuser or (request_user.has_perm("auth.change_user") and not user.is_superuser):
        yield ListingButton(
            _("Reset two-factor sign-in"), reverse("hod_2fa_reset", args=[user.pk]), icon_name="key", priority=60
        )


def private_collections_hidden_from(user):
    """Collections under a view restriction that ``user`` neither passes nor holds a permission on.

    Everyone with "choose" on the root collection could otherwise pick a private collection's document and
    link it from a public page. A permission counts when granted on the private collection or on a
    collection between it and the root (not one inherited from the root); a group restriction is passed
    by membership.
    """
    if user.is_superuser:
        return []
    hidden = []
    group_ids = set(user.groups.values_list("pk", flat=True))
    granted = set(
        GroupCollectionPermission.objects.filter(group_id__in=group_ids).values_list("collection_id", flat=True)
    )
    root = Collection.get_first_root_node()
    for restriction in CollectionViewRestriction.objects.select_related("collection").prefetch_related("groups"):
        collection = restriction.collection
        if restriction.restriction_type == CollectionViewRestriction.GROUPS and group_ids & {
            g.pk for g in restriction.groups.all()
        }:
            continue
        line = [c.pk for c in collection.get_ancestors(inclusive=True) if c.pk != root.pk]
        if granted & set(line):
            continue
        hidden.append(collection)
    return hidden


@hooks.register("construct_document_chooser_queryset")
def hide_private_documents(documents, request):
    hidden = private_collections_hidden_from(request.user)
    if not hidden:
        return documents
    condition = Q()
    for collection in hidden:
        condition |= Q(collection__path__startswith=collection.path)
    return documents.exclude(condition)
