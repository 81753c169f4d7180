"""The site root and the shared models every category app builds on.

HomePage is the root of the hospital's tree; StandardPage carries sections and free-form pages;
ContactPage and SitemapPage serve the footer's fixed links. The image and document models are the
project's own (``WAGTAILIMAGES_IMAGE_MODEL`` / ``WAGTAILDOCS_DOCUMENT_MODEL``) so that alt text is
required and every file shows its type and size.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.documents.models import AbstractDocument
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, QuickLinksBlock
from .thai_dates import current_fiscal_year

# --- Media ------------------------------------------------------------------------------------


class HospitalImage(AbstractImage):
    """An image whose alternative text (``description``) is required, for WCAG 2.1 AA."""

    description = models.CharField(
        max_length=255,
        verbose_name=_("alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it (required)"),
    )
    admin_form_fields = ("title", "file", "description", "collection", "tags", "focal_point_x",
                         "focal_point_y", "focal_point_width", "focal_point_height")  # fmt: skip

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class HospitalRendition(AbstractRendition):
    image = models.ForeignKey(HospitalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def human_size(num_bytes):
    """ "1.2 MB", "340 KB" — decimal units, as file managers in Thai offices show them."""
    if num_bytes is None:
        return ""
    size = float(num_bytes)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit in ("B", "KB") else f"{size:.1f} {unit}"
        size /= 1000
    return ""


class HospitalDocument(AbstractDocument):
    """A published file; its type and size are derived by the system and shown beside every link."""

    description = models.TextField(
        blank=True, verbose_name=_("description"), help_text=_("What the file contains, in one or two sentences")
    )
    admin_form_fields = ("title", "file", "description", "collection", "tags")

    search_fields = AbstractDocument.search_fields + [index.SearchField("description")]

    @property
    def file_type_label(self):
        return (self.file_extension or "").upper()

    @property
    def file_size_label(self):
        if self.file_size is None and self.file:
            try:
                self.file_size = self.file.size
            except OSError:
                return ""
        return human_size(self.file_size)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("choose_document", "Can choose document")]


# --- Site settings ----------------------------------------------------------------------------


@register_setting(icon="site")
class ContactSettings(BaseSiteSetting):
    """The contact block: all five items are required by MOIT 2.1.7 (address, phone, fax, e-mail, map)."""

    hospital_name = models.CharField(_("hospital name"), max_length=200, default="โรงพยาบาลฮอด")
    parent_agency = models.CharField(
        _("parent agency"), max_length=200, blank=True,
        default="สำนักงานสาธารณสุขจังหวัดเชียงใหม่ สำนักงานปลัดกระทรวงสาธารณสุข",
    )  # fmt: skip
    address = models.TextField(_("address"))
    phone = models.CharField(_("telephone"), max_length=100)
    fax = models.CharField(_("fax"), max_length=100)
    email = models.EmailField(_("e-mail"))
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )  # fmt: skip
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )  # fmt: skip
    map_image = models.ForeignKey(
        "home.HospitalImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("map image"), help_text=_("A map of how to get to the hospital (optional; a link to an online map is always shown)"),
    )  # fmt: skip
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
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("website security policy"),
    )  # fmt: skip
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("accessibility statement"),
    )  # fmt: skip
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

    select_related = ["sitemap_page", "privacy_page", "website_policy_page", "security_policy_page",
                      "accessibility_page", "contact_page"]  # fmt: skip

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


# --- Pages ------------------------------------------------------------------------------------


class HomePage(Page):
    """The hospital's front page: hero, services, latest news, No Gift Policy and the director's message."""

    hero_title = models.CharField(_("hero title"), max_length=120, default="โรงพยาบาลฮอด")
    hero_message = models.TextField(_("hero message"), blank=True, max_length=400)
    hero_image = models.ForeignKey(
        "home.HospitalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    quick_links = StreamField(QuickLinksBlock(), blank=True, verbose_name=_("quick links to services"))
    news_index = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("news section"), help_text=_("The section whose newest items appear on the home page"),
    )  # fmt: skip
    news_count = models.PositiveSmallIntegerField(
        _("number of news items"), default=4, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    no_gift_title = models.CharField(
        _("No Gift Policy title"), max_length=200, blank=True,
        default="ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
    )  # fmt: skip
    no_gift_fiscal_year = models.PositiveIntegerField(
        _("No Gift Policy fiscal year (B.E.)"), null=True, blank=True,
        validators=[MinValueValidator(2550), MaxValueValidator(2700)],
        help_text=_("MOIT 12.1 asks for the announcement of the current fiscal year on the main page"),
    )  # fmt: skip
    no_gift_image = models.ForeignKey(
        "home.HospitalImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("No Gift Policy infographic"),
    )  # fmt: skip
    no_gift_document = models.ForeignKey(
        "home.HospitalDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("No Gift Policy announcement (file)"),
    )  # fmt: skip

    director_name = models.CharField(_("director's name"), max_length=200, blank=True)
    director_position = models.CharField(_("director's position"), max_length=200, blank=True)
    director_photo = models.ForeignKey(
        "home.HospitalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("director's photo"),
    )
    director_message = RichTextField(_("director's message"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_message"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("quick_links"),
        MultiFieldPanel([FieldPanel("news_index"), FieldPanel("news_count")], heading=_("Latest news")),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_("MOIT 12.1: the No Gift Policy of the current fiscal year must be on the main page.")
                ),
                FieldPanel("no_gift_title"),
                FieldPanel("no_gift_fiscal_year"),
                FieldPanel("no_gift_image"),
                FieldPanel("no_gift_document"),
            ],
            heading=_("No Gift Policy"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("director_name"),
                FieldPanel("director_position"),
                FieldPanel("director_photo"),
                FieldPanel("director_message"),
            ],
            heading=_("Director's message"),
        ),  # fmt: skip
    ]

    search_fields = Page.search_fields + [index.SearchField("hero_message"), index.SearchField("director_message")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def latest_news(self):
        if not self.news_index_id:
            return []
        return (
            Page.objects.live().public().descendant_of(self.news_index).exclude(pk=self.news_index_id)
            .filter(depth__gt=self.news_index.depth).order_by("-first_published_at")
            .specific()[: self.news_count]
        )  # fmt: skip

    @property
    def no_gift_is_current(self):
        return self.no_gift_fiscal_year == current_fiscal_year()


class StandardPage(Page):
    """A free-form page: organisation information, policies, and the sections of the site.

    A section lists its live child pages under its own text, so a section is useful on its own
    and fills up as the category apps add items.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    listing_image = models.ForeignKey(
        "home.HospitalImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("listing image"), help_text=_("Shown with this page in lists such as the latest news"),
    )  # fmt: skip
    list_children = models.BooleanField(
        _("list the pages in this section"), default=True,
        help_text=_("Show the live pages under this one as a list below the body"),
    )  # fmt: skip

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("listing_image"),
        FieldPanel("list_children"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    def child_pages(self):
        if not self.list_children:
            return []
        return self.get_children().live().public().specific().order_by("path")


class ContactPage(Page):
    """Contact us: the contact block (MOIT 2.1.7), map, and how to ask for information (OIA s.7(3))."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more information"))

    content_panels = Page.content_panels + [
        HelpPanel(content=_("Address, telephone, fax, e-mail and map come from Settings › Contact information.")),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")


class SitemapPage(Page):
    """The human-readable site map (ผังเว็บไซต์) of every live public page."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("site map page")

    def tree(self):
        """Nested (page, children) pairs below the site root, in menu order, with one query."""
        root = self.get_site().root_page
        pages = list(
            Page.objects.live().public().descendant_of(root).filter(depth__gt=root.depth, depth__lte=root.depth + 3)
            .exclude(pk=self.pk).order_by("path").only("id", "title", "path", "depth", "url_path")
        )  # fmt: skip
        nodes = {p.path: {"page": p, "children": []} for p in pages}
        top = []
        for p in pages:
            parent = nodes.get(p.path[: -Page.steplen])
            (parent["children"] if parent else top).append(nodes[p.path])
        return top


HomePage.subpage_types = ["home.StandardPage", "home.ContactPage", "home.SitemapPage"]
StandardPage.parent_page_types = ["home.HomePage", "home.StandardPage"]
StandardPage.subpage_types = ["home.StandardPage"]
