"""The record of every personal-data action (PDPA s.30–s.33, s.37(3)): a data-subject search, an export,
an erasure on request, and each run of the retention job that anonymised something.

Each record is also written to Wagtail's audit log (``wagtail.log_actions.log`` with an
``eservices.pdpa.*`` action, Thai labels registered in ``eservices.wagtail_hooks``). No group is given a
permission on this model, so its entries in *Reports › Site history* are shown to superusers only: the
service centre never learns of the corruption working group's requests. The entries carry the reason, the
search terms and counts, never a corruption complaint's code; which case was found, exported or erased is
written on the case itself (``ComplaintAccessLog``), where only those who may see the case read it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalDataRequest(models.Model):
    class Action(models.TextChoices):
        SEARCH = "search", _("Personal data: search")
        EXPORT = "export", _("Personal data: export")
        ERASE = "erase", _("Personal data: erased on request")
        RETENTION = "retention", _("Personal data: erased past retention")

    wagtail_reference_index_ignore = True
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.TextField(_("reason"), blank=True, max_length=1000)
    terms = models.JSONField(_("search terms"), default=dict, blank=True)
    complaint_count = models.PositiveIntegerField(_("complaints"), default=0)
    feedback_count = models.PositiveIntegerField(_("comments and questions"), default=0)

    class Meta:
        verbose_name = _("personal data request")
        verbose_name_plural = _("personal data requests")
        ordering = ["-at", "-pk"]
        default_permissions = ()  # nobody is granted it: the audit entries stay superuser-only

    def __str__(self):
        return f"{self.get_action_display()} #{self.pk}"

    def log_data(self):
        return {
            "reason": self.reason,
            "terms": self.terms,
            "complaints": self.complaint_count,
            "feedback": self.feedback_count,
        }
