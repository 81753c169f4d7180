"""Sending the site's e-mails: one template pair per message, the subject prefix, absolute links.

Every app sends through ``send_templated`` so subjects, sender and link base are the same
everywhere, and a mail-server outage is handled in one way: callers that must not fail (a complaint
is saved even when the mail server is down) pass ``fail_silently_logged=True``.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from home.slugs import readable_url

logger = logging.getLogger(__name__)


# Host names that only mean "this machine": never printed on paper or mailed as the site's address.
LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"}  # noqa: S104 — names compared, not bound


def site_base_url():
    """The site's public address, e.g. "https://www.hodhospital.go.th", for every e-mail and PDF.

    The default Wagtail site's root URL (Settings › Sites, what the hospital's webmaster sets) when its host
    is a real name; otherwise ``WAGTAILADMIN_BASE_URL`` (the environment's setting, 127.0.0.1 in development).
    One function, so a PDF, an e-mail and the admin links never name different hosts.
    """
    from wagtail.models import Site  # noqa: PLC0415 — home.mail is imported while apps load

    site = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    if site is not None and site.hostname.strip().lower() not in LOCAL_HOSTS:
        return site.root_url.rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path_or_url):
    """An address on the site's public address (``site_base_url``) for e-mails and PDFs, readable: a Thai
    slug prints as Thai letters, not as lines of %E0%B8… (mail programs and browsers accept it as it is)."""
    url = path_or_url or ""
    if url.startswith("/"):
        url = site_base_url() + url
    return readable_url(url)


def render_subject(template, context):
    """A subject line from a template: one line, with the site's prefix."""
    text = render_to_string(template, context).strip().replace("\n", " ")
    return settings.EMAIL_SUBJECT_PREFIX + text


def send_templated(prefix, context, recipients, *, fail_silently_logged=False):
    """Render ``<prefix>_subject.txt`` and ``<prefix>_body.txt`` and send one e-mail to ``recipients``.

    Returns the number of messages sent (0 when there is nobody to send to). With
    ``fail_silently_logged`` an ``OSError`` from the mail server is logged instead of raised.
    """
    recipients = [r for r in recipients if r]
    if not recipients:
        return 0
    subject = render_subject(f"{prefix}_subject.txt", context)
    body = render_to_string(f"{prefix}_body.txt", context)
    try:
        return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except OSError:
        if not fail_silently_logged:
            raise
        logger.exception("Could not send the e-mail %s to %d recipient(s)", prefix, len(recipients))
        return 0
