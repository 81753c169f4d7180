"""The public form for comments and questions (MOIT 2.1.8)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from eservices.forms import AccessibleErrorsMixin
from eservices.models import Feedback
from home.abuse import HoneypotFormMixin


class FeedbackForm(AccessibleErrorsMixin, HoneypotFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=Feedback.Kind.choices,
        initial=Feedback.Kind.QUESTION,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose question, comment or suggestion.")},
    )
    subject = forms.CharField(
        label=_("Subject"), max_length=200, error_messages={"required": _("Write the subject in a few words.")}
    )
    message = forms.CharField(
        label=_("Your question or comment"),
        max_length=3000,
        min_length=5,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Please do not write personal or health information here. Up to 3,000 characters."),
        error_messages={"required": _("Write your question or comment.")},
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        help_text=_("Only if you would like the answer by e-mail. It is never published."),
        error_messages={"invalid": _("Enter an e-mail address such as name@example.com.")},
    )
    privacy_ack = forms.BooleanField(
        label=_("I have read the privacy notice above"),
        error_messages={"required": _("Read the privacy notice and tick the box to send your message.")},
    )
