"""Old addresses of the former site -> their new page or file, in Wagtail's redirects (301)."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site


def default_site():
    return Site.objects.filter(is_default_site=True).first()


def add_redirect(old_path, page=None, link="", site=None):
    """A permanent redirect from ``old_path``; returns the normalised path, or "" when none is needed."""
    path = Redirect.normalise_path(old_path)
    if path in ("", "/"):
        return ""
    if page is not None and Redirect.normalise_path(page.url or "") == path:
        return ""  # the new page answers at the same address
    Redirect.objects.update_or_create(
        old_path=path,
        site=site or default_site(),
        defaults={"redirect_page": page, "redirect_link": "" if page is not None else link, "is_permanent": True},
    )
    return path
