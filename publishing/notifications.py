"""Addresses for the publishing process's e-mails, in Thai, to staff with accounts and to owners without one.

The e-mails themselves are sent through ``home.mail.send_templated`` with the templates under
``publishing/email/``.
"""

from home.mail import absolute_url


def public_url(page):
    """The public address of a page, on the site's configured base URL (WAGTAILADMIN_BASE_URL)."""
    return absolute_url(page.get_url() or "")


def admin_url(page):
    return absolute_url(f"/admin/pages/{page.pk}/edit/")


def recipients_for(page, users=()):
    """E-mail addresses of the given users and of the page's owner (owner e-mail and owner unit)."""
    addresses = []
    for user in users:
        if user is not None and user.email and user.is_active:
            addresses.append(user.email)
    owner_email = getattr(page, "owner_email", "")
    if owner_email:
        addresses.append(owner_email)
    owner = getattr(page, "owner_unit", None)
    if owner is not None and owner.email:
        addresses.append(owner.email)
    seen = set()
    return [a for a in addresses if not (a.lower() in seen or seen.add(a.lower()))]
