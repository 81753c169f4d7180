"""E-mails of the publishing process, in Thai, to staff with accounts and to owners without one."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string


def public_url(page):
    """The public address of a page, on the site's configured base URL (WAGTAILADMIN_BASE_URL)."""
    url = page.get_url() or ""
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def admin_url(page):
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/pages/{page.pk}/edit/"


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


def send(template, context, recipients):
    """Render ``publishing/email/<template>_subject.txt`` and ``_body.txt`` and send one e-mail."""
    if not recipients:
        return 0
    subject = render_to_string(f"publishing/email/{template}_subject.txt", context).strip().replace("\n", " ")
    body = render_to_string(f"publishing/email/{template}_body.txt", context)
    return send_mail(settings.EMAIL_SUBJECT_PREFIX + subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
