"""Links to related agencies and other useful sites (R1.12), grouped by kind of agency."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from home.models import DataPeriodFields, ItemPage


class WeblinkIndexPage(DataPeriodFields, ItemPage):
    """The list of links to related agencies, kept by the IT unit; the data period says since when
    the list has been checked."""

    extra_panels = [InlinePanel("links", heading=_("Links"), label=_("Link"), min_num=1)]
    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("links to related agencies")
        verbose_name_plural = _("links to related agencies")

    def grouped_links(self):
        """(category label, [links]) in the order of the categories, skipping empty ones."""
        links = list(self.links.all())
        groups = []
        for value, label in Weblink.Category.choices:
            members = [link for link in links if link.category == value]
            if members:
                groups.append((label, members))
        return groups


class Weblink(Orderable):
    """A link to another agency's website."""

    class Category(models.TextChoices):
        MOPH = "moph", _("Units of the Ministry of Public Health")
        PROVINCIAL = "provincial", _("Provincial and local agencies")
        OTHER = "other", _("Other agencies and useful sites")

    page = ParentalKey(WeblinkIndexPage, on_delete=models.CASCADE, related_name="links")
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("web address"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.MOPH)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("description"), FieldPanel("category")]

    class Meta(Orderable.Meta):
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.name
