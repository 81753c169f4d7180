"""News and announcements (R1.8): general news, photo news, announcements, job postings and
procurement announcements, with a listing image, an optional photo gallery and an RSS feed."""

from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model, get_image_model_string
from wagtail.models import Orderable

from home.models import DataPeriodFields, ItemPage

from .common import DisclosureIndexPage, TypeChecksMixin, add_error

FEED_SIZE = 20


def _renditions():
    return get_image_model().get_rendition_model().objects.all()


class NewsPage(TypeChecksMixin, DataPeriodFields, ItemPage):
    """A news item or announcement. The data period is the news date, or for a job posting the
    application period (its closing date is required)."""

    class Category(models.TextChoices):
        NEWS = "news", _("General news")
        PHOTO = "photo", _("Photo news")
        ANNOUNCEMENT = "announcement", _("Announcement")
        JOB = "job", _("Job posting")
        PROCUREMENT = "procurement", _("Procurement announcement")

    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.NEWS)
    listing_image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown with the item in lists, on the home page and at the top of the item"),
    )

    extra_panels = [
        FieldPanel("category"),
        FieldPanel("listing_image"),
        InlinePanel("gallery_images", heading=_("Photo gallery"), label=_("Photo")),
    ]
    parent_page_types = ["disclosure.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def check_type(self, errors):
        if self.category == self.Category.JOB and not self.period_end:
            add_error(errors, "period_end", _("Enter the closing date of applications."))

    def gallery(self):
        """Gallery photos with their images and renditions in three queries."""
        return list(
            self.gallery_images.select_related("image").prefetch_related(
                Prefetch("image__renditions", queryset=_renditions())
            )
        )

    def feed_url(self):
        parent = self.get_parent().specific
        return parent.feed_url() if isinstance(parent, NewsIndexPage) else ""


class NewsGalleryImage(Orderable):
    """One photo of a news item's gallery, with its caption."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        get_image_model_string(), on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery photo")
        verbose_name_plural = _("gallery photos")


class NewsIndexPage(RoutablePageMixin, DisclosureIndexPage):
    """News and announcements, newest first, filterable by category and fiscal year, with an RSS feed
    of the newest items at ``rss/``."""

    listing_model = NewsPage
    parent_page_types = ["home.HomePage"]
    subpage_types = ["disclosure.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def listing_base(self):
        return super().listing_base().select_related("listing_image")

    def listing_ordering(self):
        # News is read newest-published first, as on the home page and in the feed.
        return ["-first_published_at", "-pk"]

    def get_listing(self, request):
        page, filters = super().get_listing(request)
        prefetch_related_objects(page.object_list, Prefetch("listing_image__renditions", queryset=_renditions()))
        return page, filters

    def feed_url(self):
        return self.url + self.reverse_subpage("rss")

    def feed_items(self):
        return list(
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("owner_unit")
            .order_by("-first_published_at", "-pk")[:FEED_SIZE]
        )

    @path("rss/", name="rss")
    def rss(self, request):
        """RSS 2.0 feed of the newest news items (R1.8), for readers and other agencies' sites."""
        feed = Rss201rev2Feed(
            title=self.title,
            link=self.get_full_url(request),
            description=self.intro or self.title,
            language="th",
            feed_url=request.build_absolute_uri(),
        )
        for item in self.feed_items():
            link = item.get_full_url(request)
            feed.add_item(
                title=item.title,
                link=link,
                description=item.intro or item.title,
                pubdate=item.first_published_at or timezone.now(),
                unique_id=link,
                categories=[str(item.get_category_display())],
                author_name=item.owner_unit.name if item.owner_unit_id else None,
            )
        response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
        feed.write(response, "utf-8")
        return response
