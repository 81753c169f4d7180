"""What was imported from where: the key that makes a second run update instead of duplicate.

One ``ImportedItem`` per WordPress post, page or attachment (keyed by its post id) and per spreadsheet row
(keyed by section and file), pointing at the page, document or image it became. ``fingerprint`` is a hash of
what was read, so an unchanged item is left alone and a changed one is updated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    class Source(models.TextChoices):
        WORDPRESS = "wordpress", _("WordPress export")
        SHEET = "sheet", _("document spreadsheet")

    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    key = models.CharField(_("key"), max_length=300, help_text=_("The post id in WordPress, or section and file"))
    kind = models.CharField(_("kind"), max_length=20)
    old_url = models.CharField(_("old address"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("page")
    )
    document = models.ForeignKey(
        "home.HospitalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("document"),
    )
    image = models.ForeignKey(
        "home.HospitalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    fingerprint = models.CharField(max_length=64, editable=False)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "key"], name="importer_item_unique_key")]
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")

    def __str__(self):
        return f"{self.source}:{self.key}"

    @property
    def target(self):
        return self.page or self.document or self.image
