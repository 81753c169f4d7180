"""Site settings: the contact block (MOIT 2.1.7) and the footer's fixed links."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class ContactSettings(BaseSiteSetting):
    """The contact block: all five items are required by MOIT 2.1.7 (address, phone, fax, e-mail, map)."""

    hospital_name = models.CharField(_("hospital name"), max_length=200, default="โรงพยาบาลฮอด")
    parent_agency = models.CharField(
        _("parent agency"),
        max_length=200,
        blank=True,
        default="สำนักงานสาธารณสุขจังหวัดเชียงใหม่ สำนักงานปลัดกระทรวงสาธารณสุข",
    )
    address = models.TextField(_("address"))
    phone = models.CharField(_("telephone"), max_length=100)
    fax = models.CharField(_("fax"), max_length=100)
    email = models.EmailField(_("e-mail"))
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    map_image = models.ForeignKey(
        "home.HospitalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("map image"),
        help_text=_("A map of how to get to the hospital (optional; a link to an online map is always shown)"),
    )
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    facebook_url = models.URLField(_("Facebook page"), blank=True)

    panels = [
        FieldPanel("hospital_name"),
        FieldPanel("parent_agency"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
        FieldPanel("email"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]), FieldPanel("map_image")],
            heading=_("Map"),
        ),
        FieldPanel("office_hours"),
        FieldPanel("facebook_url"),
    ]

    class Meta:
        verbose_name = _("contact information")

    @property
    def map_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"

    @property
    def is_complete(self):
        """All five MOIT 2.1.7 items present."""
        return all(
            [self.address, self.phone, self.fax, self.email, self.latitude is not None, self.longitude is not None]
        )


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    """The fixed links every page's footer shows (Government Website Standard policies)."""

    sitemap_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("site map"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
    )
    website_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("website policy"),
    )
    security_policy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("website security policy"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact"),
    )

    panels = [
        FieldPanel("sitemap_page"),
        FieldPanel("privacy_page"),
        FieldPanel("website_policy_page"),
        FieldPanel("security_policy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
    ]

    select_related = [
        "sitemap_page",
        "privacy_page",
        "website_policy_page",
        "security_policy_page",
        "accessibility_page",
        "contact_page",
    ]

    class Meta:
        verbose_name = _("footer links")

    def links(self):
        """(label, page) pairs for the footer, in a fixed order, skipping unset or unpublished pages."""
        pairs = [
            (_("Site map"), self.sitemap_page),
            (_("Privacy notice"), self.privacy_page),
            (_("Website policy"), self.website_policy_page),
            (_("Website security policy"), self.security_policy_page),
            (_("Accessibility"), self.accessibility_page),
            (_("Contact us"), self.contact_page),
        ]
        return [(label, page) for label, page in pairs if page is not None and page.live]
