"""HomePage (the site root), StandardPage (sections and free-form pages), ContactPage and SitemapPage."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, QuickLinksBlock
from home.search.fields import ThaiSearchMixin
from home.thai_dates import current_fiscal_year


class HomePage(ThaiSearchMixin, Page):
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
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("news section"),
        help_text=_("The section whose newest items appear on the home page"),
    )
    news_count = models.PositiveSmallIntegerField(
        _("number of news items"), default=4, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    no_gift_title = models.CharField(
        _("No Gift Policy title"),
        max_length=200,
        blank=True,
        default="ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)",
    )
    no_gift_fiscal_year = models.PositiveIntegerField(
        _("No Gift Policy fiscal year (B.E.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2550), MaxValueValidator(2700)],
        help_text=_("MOIT 12.1 asks for the announcement of the current fiscal year on the main page"),
    )
    no_gift_image = models.ForeignKey(
        "home.HospitalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("No Gift Policy infographic"),
    )
    no_gift_document = models.ForeignKey(
        "home.HospitalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("No Gift Policy announcement (file)"),
    )

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
        ),
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
            Page.objects.live()
            .public()
            .descendant_of(self.news_index)
            .exclude(pk=self.news_index_id)
            .filter(depth__gt=self.news_index.depth)
            .order_by("-first_published_at")
            .specific()[: self.news_count]
        )

    @property
    def no_gift_is_current(self):
        return self.no_gift_fiscal_year == current_fiscal_year()


class StandardPage(ThaiSearchMixin, Page):
    """A free-form page: organisation information, policies, and the sections of the site.

    A section lists its live child pages under its own text, so a section is useful on its own
    and fills up as the category apps add items.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    listing_image = models.ForeignKey(
        "home.HospitalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown with this page in lists such as the latest news"),
    )
    list_children = models.BooleanField(
        _("list the pages in this section"),
        default=True,
        help_text=_("Show the live pages under this one as a list below the body"),
    )

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


class ContactPage(ThaiSearchMixin, Page):
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


class SitemapPage(ThaiSearchMixin, Page):
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
            Page.objects.live()
            .public()
            .descendant_of(root)
            .filter(depth__gt=root.depth, depth__lte=root.depth + 3)
            .exclude(pk=self.pk)
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path")
        )
        nodes = {p.path: {"page": p, "children": []} for p in pages}
        top = []
        for p in pages:
            parent = nodes.get(p.path[: -Page.steplen])
            (parent["children"] if parent else top).append(nodes[p.path])
        return top


# HomePage and StandardPage accept any page type whose own ``parent_page_types`` names them: the
# category apps declare where their pages go, so home never needs to know about them.
StandardPage.parent_page_types = ["home.HomePage", "home.StandardPage"]
