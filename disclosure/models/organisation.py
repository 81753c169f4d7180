"""Organisation information (R1.1; MOIT 2.1.2–2.1.4, 2.2–2.5) and the executives directory (MOIT 2.1.1)."""

import re

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Orderable

from home.models import DataPeriodFields, ItemPage

from .common import MessagesInlinePanel, TypeChecksMixin, add_error


class OrganisationInfoPage(TypeChecksMixin, DataPeriodFields, ItemPage):
    """One topic of the hospital's basic information: history, vision and mission, structure, powers
    and duties, executive policy or the ethics code — what the public and ITA assessors read first."""

    class Topic(models.TextChoices):
        HISTORY = "history", pgettext_lazy("organisation topic", "History")
        VISION_MISSION = "vision_mission", _("Vision, mission and MOPH values")
        STRUCTURE = "structure", _("Organisation structure")
        POWERS_DUTIES = "powers_duties", _("Powers and duties")
        EXECUTIVE_POLICY = "executive_policy", _("Executive policy")
        ETHICS = "ethics", _("Code of ethics")

    topic = models.CharField(
        _("topic"),
        max_length=30,
        choices=Topic.choices,
        help_text=_("Which part of the organisation information this page gives (MOIT 2.1–2.5)"),
    )
    org_chart = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation chart"),
        help_text=_(
            "Required for the organisation structure: the chart as an image whose alternative text names the groups"
        ),
    )

    extra_panels = [FieldPanel("topic"), FieldPanel("org_chart")]
    parent_page_types = ["home.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("organisation information page")
        verbose_name_plural = _("organisation information pages")

    def check_type(self, errors):
        if self.topic == self.Topic.STRUCTURE and not self.org_chart_id:
            add_error(
                errors, "org_chart", _("Add the organisation chart: the structure page must show it as an image.")
            )


class ExecutivesPage(DataPeriodFields, ItemPage):
    """The executives directory (ทำเนียบผู้บริหาร): photo, full name, position and telephone of each
    executive, all four required by MOIT 2.1.1."""

    extra_panels = [MessagesInlinePanel("executives", heading=_("Executives"), label=_("Executive"), min_num=1)]
    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("executives directory")
        verbose_name_plural = _("executives directories")

    def executive_list(self):
        """The executives in order, with their photos' renditions fetched in the same few queries."""
        from wagtail.images import get_image_model

        renditions = get_image_model().get_rendition_model().objects.all()
        return list(
            self.executives.select_related("photo").prefetch_related(Prefetch("photo__renditions", queryset=renditions))
        )


class Executive(Orderable):
    """One executive in the directory. Every field is required (MOIT 2.1.1 "มีครบ 4 รายการ")."""

    page = ParentalKey(ExecutivesPage, on_delete=models.CASCADE, related_name="executives")
    photo = models.ForeignKey(
        get_image_model_string(),
        null=True,  # the image may be deleted later; the form still requires one
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("photo"),
        error_messages={"required": _("Add the executive's photo: MOIT 2.1.1 requires a photo of every executive.")},
    )
    full_name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("Title, first name and surname, e.g. นายแพทย์ธนกร วงศ์ศรีสุข"),
        error_messages={"required": _("Enter the executive's full name: MOIT 2.1.1 requires it.")},
    )
    position = models.CharField(
        _("position"),
        max_length=300,
        error_messages={"required": _("Enter the executive's position: MOIT 2.1.1 requires it.")},
    )
    phone = models.CharField(
        _("telephone"),
        max_length=100,
        help_text=_("A number the public can call, e.g. 053-461-037 ต่อ 101"),
        error_messages={"required": _("Enter the executive's telephone number: MOIT 2.1.1 requires it.")},
    )

    panels = [FieldPanel("photo"), FieldPanel("full_name"), FieldPanel("position"), FieldPanel("phone")]

    class Meta(Orderable.Meta):
        verbose_name = _("executive")
        verbose_name_plural = _("executives")

    def __str__(self):
        return self.full_name

    @property
    def phone_link(self):
        """The number to dial for a ``tel:`` link: digits of the main number, without the extension."""
        main = re.split(r"ต่อ|ext|#|,", self.phone or "", maxsplit=1)[0]
        return re.sub(r"[^\d+]", "", main)
