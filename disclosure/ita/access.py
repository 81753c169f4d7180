"""Who may see the ITA/MOIT dashboard, and who may follow each of its fix links."""

from dataclasses import dataclass

from home.roles import DIRECTOR, WEBMASTERS


def dashboard_access(user):
    """ "full" (director, webmasters, superuser), "read" (heads of groups) or None (refused: editors, others).

    Everyone admitted sees the same statuses; each fix link is shown only to users who may act on its
    target (``FixLink.allowed``), so a head sees links into their own sections and the director, who
    approves but does not edit, sees none.
    """
    if not (user and user.is_authenticated and user.is_active):
        return None
    if user.is_superuser or user.groups.filter(name__in=[WEBMASTERS, DIRECTOR]).exists():
        return "full"
    if user.groups.filter(head_of__isnull=False).exists():
        return "read"
    return None


@dataclass
class FixLink:
    """A link to where a gap is fixed; ``allowed(user)`` says whether that user may act there."""

    label: str
    url: str
    allowed: object

    def __iter__(self):  # (label, url) for templates and the provider
        return iter((self.label, self.url))


def page_can(page, action):
    def allowed(user):
        perms = page.permissions_for_user(user)
        return perms.can_edit() if action == "edit" else perms.can_add_subpage()

    return allowed


def has_perm(codename):
    return lambda user: user.has_perm(codename)
