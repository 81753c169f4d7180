"""The public's comments and questions to the hospital (MOIT 2.1.8), answered by staff and published as
questions and answers without the asker's personal data."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from .complaints import DEFAULT_FEEDBACK_PRIVACY_NOTICE, EservicePageMixin, PrivacyNoticeMixin
from .routing import RegisteredViewsMixin


class Feedback(models.Model):
    """A comment, suggestion or question sent through the website."""

    class Kind(models.TextChoices):
        QUESTION = "question", _("Question")
        COMMENT = "comment", _("Comment")
        SUGGESTION = "suggestion", _("Suggestion")

    # Not in Wagtail's reference index: a user's "usage" list (answered_by) would show people's questions.
    wagtail_reference_index_ignore = True

    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.QUESTION)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=3000)
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    privacy_notice_version = models.CharField(_("privacy notice acknowledged (version)"), max_length=16, blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    public_question = models.TextField(
        _("question as published"),
        blank=True,
        max_length=3000,
        help_text=_(
            "What the public Q&A shows. Remove names, telephone numbers and anything else that identifies a person."
        ),
    )
    answer = models.TextField(_("answer"), blank=True, max_length=5000)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )
    is_published = models.BooleanField(
        _("publish as Q&A"), default=False, help_text=_("Show the question as published and the answer on the website.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # PDPA: set when the asker's personal data was erased (past retention, or on request).
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind", read_only=True),
                FieldPanel("subject", read_only=True),
                FieldPanel("message", read_only=True),
                FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("email", read_only=True)]),
            ],
            heading=_("As sent"),
        ),
        MultiFieldPanel(
            [FieldPanel("public_question"), FieldPanel("answer"), FieldPanel("is_published")],
            heading=_("Answer"),
        ),
    ]

    class Meta:
        verbose_name = _("comment or question")
        verbose_name_plural = _("comments and questions")
        ordering = ["-received_at"]

    def __str__(self):
        return self.subject or str(_("(personal data erased)"))

    def clean(self):
        errors = {}
        if self.is_published:
            if not self.answer.strip():
                errors["answer"] = _("Write the answer before publishing.")
            if not self.public_question.strip():
                errors["public_question"] = _(
                    "Write the question as it should be published, without names, telephone numbers or anything "
                    "else that identifies the asker: the message as sent is never published."
                )
        if errors:
            raise ValidationError(errors)

    def record_answer(self, user, previous=None):
        """Set who answered and when, and when it went public, from the values before the edit."""
        now = timezone.now()
        if self.answer.strip() and (previous is None or previous.answer != self.answer):
            self.answered_at = now
            self.answered_by = user
        if self.is_published and (previous is None or not previous.is_published):
            self.published_at = now
        if not self.is_published:
            self.published_at = None


class FeedbackPage(RegisteredViewsMixin, RoutablePageMixin, PrivacyNoticeMixin, EservicePageMixin, Page):
    """Comments and questions to the hospital: the form, then the published questions and answers."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    privacy_notice = RichTextField(
        _("privacy notice"),
        default=DEFAULT_FEEDBACK_PRIVACY_NOTICE,  # not the complaint form's: other data, readers and publication
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("PDPA s.23: purpose and legal basis, data collected, recipients, retention, rights, contact."),
    )
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("privacy_notice")]

    class Meta:
        verbose_name = _("feedback and Q&A page")

    @path("")
    def form_view(self, request):
        return self.call_view("feedback_form", request)

    @path("sent/")
    def sent_view(self, request):
        return self.call_view("feedback_sent", request)
