"""Website completeness (R3.4): the checks of the site itself that the ITA assessors look at."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Page, PageLogEntry, Site

from home import thai_dates
from home.models import ContactSettings, FooterSettings, HomePage
from home.roles import WEBMASTERS

from ..models import ExecutivesPage, NewsIndexPage, NewsPage, OIAIndexPage
from ..models.oia import SECTIONS
from .access import has_perm, page_can


@dataclass
class Check:
    key: str
    title: str
    passed: bool
    explanation: str
    fix_url: str = ""
    fix_label: str = ""
    allowed: object = None  # allowed(user): may this user act at fix_url

    @property
    def reference(self):
        """What the check stands for, as printed in the report's "item" column (not the internal key)."""
        return str(REFERENCES.get(self.key, self.key))

    def user_may_fix(self, user):
        return bool(self.fix_url) and (user.is_superuser or (self.allowed is not None and self.allowed(user)))


# The rule each check stands for, shown where staff read the gaps (the monthly report), instead of its key.
REFERENCES = {
    "contact": "MOIT 2.1.7",
    "executives": "MOIT 2.1.1",
    "no_gift": "MOIT 12.1",
    "news": "MOIT 2.1.6",
    "oia": gettext_lazy("OIA s.7 and s.9"),
    "policies": gettext_lazy("Website policies"),
    "webmasters": gettext_lazy("Announcement 3.1"),
}


def _site():
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def _settings_url(model_name, site):
    if site is None:
        return ""
    return reverse("wagtailsettings:edit", args=["home", model_name, site.pk])


def _first_page(model):
    return model.objects.order_by("path").first()


def check_contact(site):
    contact = ContactSettings.for_site(site) if site else None
    names = [
        (_("address"), bool(contact and contact.address)),
        (_("telephone"), bool(contact and contact.phone)),
        (_("fax"), bool(contact and contact.fax)),
        (_("e-mail"), bool(contact and contact.email)),
        (
            _("map"),
            bool(
                contact and ((contact.latitude is not None and contact.longitude is not None) or contact.map_image_id)
            ),
        ),
    ]
    missing = [name for name, ok in names if not ok]
    if missing:
        text = _("The contact block lacks: %(missing)s. MOIT 2.1.7 requires all five items.") % {
            "missing": ", ".join(str(m) for m in missing)
        }
    else:
        text = _("Address, telephone, fax, e-mail and map are all filled in (MOIT 2.1.7).")
    return Check(
        "contact",
        _("Contact block complete (5 items)"),
        not missing,
        text,
        _settings_url("contactsettings", site),
        _("Edit the contact information"),
        has_perm("home.change_contactsettings"),
    )


def check_executives():
    page = ExecutivesPage.objects.live().public().order_by("path").first()
    title = _("Executives complete (photo, name, position, telephone)")
    if page is None:
        draft = _first_page(ExecutivesPage)
        about = Page.objects.filter(slug="about", depth=3).first()
        if draft:
            url, allowed = reverse("wagtailadmin_pages:edit", args=[draft.pk]), page_can(draft, "edit")
        elif about:
            url = reverse("wagtailadmin_pages:add", args=["disclosure", "executivespage", about.pk])
            allowed = page_can(about, "add")
        else:
            url, allowed = "", None
        return Check(
            "executives",
            title,
            False,
            _("There is no published executives directory (MOIT 2.1.1)."),
            url,
            _("Publish the executives directory"),
            allowed,
        )
    executives = list(page.executives.all())
    incomplete = [
        ex.full_name or "?"
        for ex in executives
        if not (
            ex.photo_id and (ex.full_name or "").strip() and (ex.position or "").strip() and (ex.phone or "").strip()
        )
    ]
    url, allowed = reverse("wagtailadmin_pages:edit", args=[page.pk]), page_can(page, "edit")
    if not executives:
        text = _("The executives directory lists nobody.")
        return Check("executives", title, False, text, url, _("Edit the executives"), allowed)
    if incomplete:
        text = _("Missing photo, name, position or telephone for: %(names)s.") % {"names": ", ".join(incomplete)}
        return Check("executives", title, False, text, url, _("Edit the executives"), allowed)
    text = _("All %(count)d executives have a photo, full name, position and telephone (MOIT 2.1.1).") % {
        "count": len(executives)
    }
    return Check("executives", title, True, text, url, _("Edit the executives"), allowed)


def _no_gift_shown_in_its_year(home, fiscal_year):
    """Whether a published revision of the home page carried the No Gift Policy of ``fiscal_year`` with its
    infographic or announcement, published within that fiscal year or before it began (MOIT 12.1)."""
    start, end = thai_dates.fiscal_year_range(fiscal_year)
    entries = (
        PageLogEntry.objects.filter(page=home, action="wagtail.publish", revision__isnull=False)
        .filter(timestamp__date__lte=end)
        .select_related("revision")
    )
    for entry in entries:
        content = entry.revision.content or {}
        if content.get("no_gift_fiscal_year") == fiscal_year and (
            content.get("no_gift_image") or content.get("no_gift_document")
        ):
            return True
    return False


def check_no_gift(site, fiscal_year, today=None):
    """The No Gift Policy of ``fiscal_year`` on the home page (MOIT 12.1).

    For the current or a coming year the home page must show it now. A past year's policy was on the home
    page in its own year and has since been replaced by the next year's, as it should be: that year passes
    when the home page's publishing history shows its policy published by the end of that year.
    """
    today = today or timezone.localdate()
    home = HomePage.objects.filter(pk=site.root_page_id).first() if site else None
    home = home or HomePage.objects.first()
    title = _("No Gift Policy of fiscal year %(fy)s on the home page") % {"fy": fiscal_year}
    if home is None:
        return Check("no_gift", title, False, _("The site has no home page."))
    url, allowed = reverse("wagtailadmin_pages:edit", args=[home.pk]), page_can(home, "edit")
    has_file = bool(home.no_gift_image_id or home.no_gift_document_id)
    if home.live and home.no_gift_fiscal_year == fiscal_year and has_file:
        text = _("The home page shows the No Gift Policy announcement of %(fy)s (MOIT 12.1).") % {"fy": fiscal_year}
        return Check("no_gift", title, True, text, url, _("Edit the home page"), allowed)
    past = fiscal_year < thai_dates.fiscal_year(today)
    if past and _no_gift_shown_in_its_year(home, fiscal_year):
        text = _(
            "The No Gift Policy of %(fy)s was published on the home page in its year; the home page now shows "
            "that of %(shown)s (MOIT 12.1)."
        ) % {"fy": fiscal_year, "shown": home.no_gift_fiscal_year}
        return Check("no_gift", title, True, text, url, _("Edit the home page"), allowed)
    if past:
        text = _("The home page's history shows no No Gift Policy of %(fy)s published in that year (MOIT 12.1).") % {
            "fy": fiscal_year
        }
    elif home.no_gift_fiscal_year and home.no_gift_fiscal_year != fiscal_year:
        text = _("The home page shows the No Gift Policy of %(shown)s, not of %(fy)s (MOIT 12.1).") % {
            "shown": home.no_gift_fiscal_year,
            "fy": fiscal_year,
        }
    else:
        text = _("Add the No Gift Policy infographic or announcement of %(fy)s to the home page (MOIT 12.1).") % {
            "fy": fiscal_year
        }
    return Check("no_gift", title, False, text, url, _("Edit the home page"), allowed)


def check_news(fiscal_year):
    start, end = thai_dates.fiscal_year_range(fiscal_year)
    count = (
        NewsPage.objects.live()
        .public()
        .filter(Q(period_start__range=(start, end)) | Q(first_published_at__date__range=(start, end)))
        .count()
    )
    index = NewsIndexPage.objects.order_by("path").first()
    url = reverse("wagtailadmin_pages:add", args=["disclosure", "newspage", index.pk]) if index else ""
    allowed = page_can(index, "add") if index else None
    title = _("News in fiscal year %(fy)s") % {"fy": fiscal_year}
    if count:
        text = _("%(count)d news items are dated in fiscal year %(fy)s (MOIT 2.1.6).") % {
            "count": count,
            "fy": fiscal_year,
        }
        return Check("news", title, True, text, url, _("Add a news item"), allowed)
    text = _("No published news item is dated in fiscal year %(fy)s (MOIT 2.1.6).") % {"fy": fiscal_year}
    return Check("news", title, False, text, url, _("Add a news item"), allowed)


def check_oia():
    page = OIAIndexPage.objects.live().public().order_by("path").first()
    title = _("Official information centre: every section of s.7 and s.9 has an entry")
    if page is None:
        draft = _first_page(OIAIndexPage)
        url = reverse("wagtailadmin_pages:edit", args=[draft.pk]) if draft else ""
        return Check(
            "oia",
            title,
            False,
            _("There is no published official information centre (OIA s.7, s.9)."),
            url,
            _("Edit the information centre"),
            page_can(draft, "edit") if draft else None,
        )
    covered = set(page.entries.values_list("section", flat=True))
    empty = [str(label) for key, label, _text in SECTIONS if key not in covered]
    url, allowed = reverse("wagtailadmin_pages:edit", args=[page.pk]), page_can(page, "edit")
    if empty:
        text = _("No entry yet under: %(sections)s.") % {"sections": ", ".join(empty)}
        return Check("oia", title, False, text, url, _("Edit the information centre"), allowed)
    text = _("All %(count)d sections have at least one entry.") % {"count": len(SECTIONS)}
    return Check("oia", title, True, text, url, _("Edit the information centre"), allowed)


def check_policies(site):
    footer = FooterSettings.for_site(site) if site else None
    wanted = [
        (_("privacy notice"), "privacy_page"),
        (_("website policy"), "website_policy_page"),
        (_("website security policy"), "security_policy_page"),
    ]
    missing = []
    for label, attr in wanted:
        page = getattr(footer, attr, None) if footer else None
        if page is None or not page.live:
            missing.append(str(label))
    title = _("Policy pages: privacy, website, website security")
    url, allowed = _settings_url("footersettings", site), has_perm("home.change_footersettings")
    if missing:
        text = _("Not linked from the footer or not published: %(pages)s.") % {"pages": ", ".join(missing)}
        return Check("policies", title, False, text, url, _("Edit the footer links"), allowed)
    return Check(
        "policies",
        title,
        True,
        _("The three policy pages are published and linked from every page."),
        url,
        _("Edit the footer links"),
        allowed,
    )


def check_webmasters():
    count = get_user_model().objects.filter(is_active=True, groups__name=WEBMASTERS).distinct().count()
    title = _("At least two webmasters")
    url, allowed = reverse("wagtailusers_users:index"), has_perm("auth.change_user")
    if count >= 2:
        text = _("%(count)d active users are webmasters (announcement §3.1).") % {"count": count}
        return Check("webmasters", title, True, text, url, _("Manage users"), allowed)
    text = _("Only %(count)d active user is a webmaster; the announcement (§3.1) requires at least two.") % {
        "count": count
    }
    return Check("webmasters", title, False, text, url, _("Manage users"), allowed)


def completeness_checks(fiscal_year):
    site = _site()
    return [
        check_contact(site),
        check_executives(),
        check_no_gift(site, fiscal_year),
        check_news(fiscal_year),
        check_oia(),
        check_policies(site),
        check_webmasters(),
    ]
