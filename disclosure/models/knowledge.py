"""The knowledge base (R1.11): infographics, articles, research, statistics and videos, each with its
source and date so the public can reuse them."""

import re
from urllib.parse import parse_qs, urlparse

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string

from home.models import DataPeriodFields, ItemPage

from .common import DisclosureIndexPage, TypeChecksMixin, add_error

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


class KnowledgePage(TypeChecksMixin, DataPeriodFields, ItemPage):
    """A piece of health knowledge. Source and date are required (R1.11); an infographic needs its image
    with alternative text, a video its address."""

    class Category(models.TextChoices):
        INFOGRAPHIC = "infographic", _("Infographic")
        ARTICLE = "article", _("Article")
        RESEARCH = "research", _("Research")
        STATISTICS = "statistics", _("Statistics")
        VIDEO = "video", _("Video")

    source_required = True
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Required for an infographic: the image, with alternative text that gives its message"),
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("Required for a video: its address, e.g. https://www.youtube.com/watch?v=…"),
    )

    extra_panels = [FieldPanel("category"), FieldPanel("image"), FieldPanel("video_url")]
    parent_page_types = ["disclosure.KnowledgeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("knowledge item")
        verbose_name_plural = _("knowledge items")

    def check_type(self, errors):
        if self.category == self.Category.INFOGRAPHIC:
            if not self.image_id:
                add_error(errors, "image", _("Add the infographic image."))
            elif not (self.image.description or "").strip():
                add_error(errors, "image", _("The image has no alternative text: add it to the image first."))
        if self.category == self.Category.VIDEO and not self.video_url:
            add_error(errors, "video_url", _("Enter the address of the video."))

    @property
    def video_embed_url(self):
        """A privacy-friendly YouTube player address (no cookies until played); "" for other sites.

        Built here rather than through oEmbed, so showing the page never calls an outside service.
        """
        if not self.video_url:
            return ""
        url = urlparse(self.video_url)
        host = (url.hostname or "").lower().removeprefix("www.").removeprefix("m.")
        video_id = ""
        if host == "youtu.be":
            video_id = url.path.strip("/")
        elif host in ("youtube.com", "youtube-nocookie.com"):
            if url.path == "/watch":
                video_id = parse_qs(url.query).get("v", [""])[0]
            elif url.path.startswith(("/embed/", "/shorts/", "/live/")):
                video_id = url.path.split("/")[2]
        return f"https://www.youtube-nocookie.com/embed/{video_id}" if YOUTUBE_ID.match(video_id or "") else ""


class KnowledgeIndexPage(DisclosureIndexPage):
    """The knowledge base, filterable by kind and by the fiscal year of the item's date."""

    listing_model = KnowledgePage
    parent_page_types = ["home.HomePage"]
    subpage_types = ["disclosure.KnowledgePage"]

    class Meta:
        verbose_name = _("knowledge index")
