"""The Official Information Centre (R1.13): an index of the information the Official Information Act
B.E. 2540 requires, organised by section 7 (1)–(5) and section 9 (1)–(8), with gaps shown."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from home.models import DataPeriodFields, ItemPage

# The sections of the Act as data: (key, short label, what the law asks). The English texts are the
# msgids; the Thai catalog holds the words of the Act itself (shared/spec §5.1–5.2).
SECTION_7 = [
    ("7_1", _("Section 7 (1)"), _("The structure and organisation of its operation")),
    ("7_2", _("Section 7 (2)"), _("A summary of its important powers and duties and its methods of operation")),
    (
        "7_3",
        _("Section 7 (3)"),
        _("Its contact address for obtaining information or advice in dealing with the agency"),
    ),
    (
        "7_4",
        _("Section 7 (4)"),
        _(
            "By-laws, Cabinet resolutions, regulations, orders, circulars, rules, work patterns, policies or "
            "interpretations, only where made to have the force of a by-law of general application to the private "
            "individuals concerned"
        ),
    ),
    ("7_5", _("Section 7 (5)"), _("Other information as determined by the Board")),
]
SECTION_9 = [
    (
        "9_1",
        _("Section 9 (1)"),
        _("Decisions that directly affect private individuals, including dissenting opinions and related orders"),
    ),
    (
        "9_2",
        _("Section 9 (2)"),
        _("Policies or interpretations not required to be published in the Government Gazette under section 7 (4)"),
    ),
    ("9_3", _("Section 9 (3)"), _("Work plans, projects and annual expenditure estimates of the current year")),
    (
        "9_4",
        _("Section 9 (4)"),
        _("Manuals or orders on officials' work procedures that affect the rights and duties of private individuals"),
    ),
    ("9_5", _("Section 9 (5)"), _("Publications referred to under section 7 paragraph 2")),
    (
        "9_6",
        _("Section 9 (6)"),
        _(
            "Concession contracts, monopoly contracts or joint-venture contracts with private parties for public "
            "services"
        ),
    ),
    (
        "9_7",
        _("Section 9 (7)"),
        _(
            "Resolutions of the Cabinet or of boards established by law or by Cabinet resolution, naming the "
            "technical reports, factual reports or information they relied on"
        ),
    ),
    ("9_8", _("Section 9 (8)"), _("Other information as determined by the Board")),
]
SECTIONS = SECTION_7 + SECTION_9
SECTION_CHOICES = [(key, format_lazy("{} {}", label, text)) for key, label, text in SECTIONS]


class OIAIndexPage(DataPeriodFields, ItemPage):
    """The information centre (ศูนย์ข้อมูลข่าวสาร): for each item of sections 7 and 9, the pages and
    files that answer it, the right to inspect (s.9 paragraph 3) and how to ask for more (s.11)."""

    request_instructions = models.TextField(
        _("how to request other information"),
        blank=True,
        help_text=_("Where and how to submit a request under section 11: place, hours, post and e-mail"),
    )
    request_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page for requests"),
        help_text=_("Optional: the contact page or form for requests"),
    )

    extra_panels = [
        InlinePanel("entries", heading=_("Information by section of the Act"), label=_("Entry")),
        MultiFieldPanel(
            [FieldPanel("request_instructions"), PageChooserPanel("request_page")],
            heading=_("Requests for other information (section 11)"),
        ),
    ]
    parent_page_types = ["home.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("official information centre")
        verbose_name_plural = _("official information centres")

    def sections(self):
        """Groups for the template: [(heading, [section dict])], each section with its entries.

        A section without entries is marked ``empty`` so the gap is visible to the public and staff.
        """
        entries = list(self.entries.select_related("linked_page", "document"))
        by_section = {}
        for entry in entries:
            by_section.setdefault(entry.section, []).append(entry)

        def build(rows):
            return [
                {
                    "key": key,
                    "label": label,
                    "text": text,
                    "entries": by_section.get(key, []),
                    "empty": key not in by_section,
                }
                for key, label, text in rows
            ]

        return [
            (_("Section 7: information published in the Government Gazette"), build(SECTION_7)),
            (_("Section 9: information available for public inspection"), build(SECTION_9)),
        ]

    def coverage(self):
        """(sections with at least one entry, all sections)."""
        covered = set(self.entries.values_list("section", flat=True))
        return len(covered & {key for key, *_rest in SECTIONS}), len(SECTIONS)


class OIAEntry(Orderable):
    """One piece of information under a section of the Act, linking the page or file that holds it."""

    page = ParentalKey(OIAIndexPage, on_delete=models.CASCADE, related_name="entries")
    section = models.CharField(_("section of the Act"), max_length=5, choices=SECTION_CHOICES)
    title = models.CharField(_("title"), max_length=250)
    description = models.CharField(_("short description"), max_length=500, blank=True)
    linked_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )

    panels = [
        FieldPanel("section"),
        FieldPanel("title"),
        FieldPanel("description"),
        PageChooserPanel("linked_page"),
        FieldPanel("document"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("information entry")
        verbose_name_plural = _("information entries")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.linked_page_id and not self.document_id:
            raise ValidationError({"linked_page": _("Choose the page or the document that holds this information.")})
