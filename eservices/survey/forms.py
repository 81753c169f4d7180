"""The public satisfaction-survey form: the website's score (required), one optional score per active
service topic, an optional comment, and the honeypot of ``home.abuse``."""

from django import forms
from django.utils.translation import gettext_lazy as _

from eservices.models.survey import COMMENT_MAX_LENGTH
from home.abuse import HoneypotFormMixin

SCORE_LABELS = {
    5: _("Very satisfied"),
    4: _("Satisfied"),
    3: _("Neutral"),
    2: _("Dissatisfied"),
    1: _("Very dissatisfied"),
}
SCORE_CHOICES = [(str(score), label) for score, label in SCORE_LABELS.items()]
TOPIC_PREFIX = "topic_"


class SurveyForm(HoneypotFormMixin, forms.Form):
    website_score = forms.TypedChoiceField(
        label=_("How satisfied are you with this website overall?"),
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose how satisfied you are with the website."),
            "invalid_choice": _("Please choose one of the five levels."),
        },
    )
    comment = forms.CharField(
        label=_("Comments or suggestions (optional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX_LENGTH}),
        help_text=_("Up to 1,000 characters. Please do not write your name, ID number or illness here."),
        error_messages={
            "max_length": _(
                "Please shorten your comment to at most %(limit_value)d characters (it has %(show_value)d)."
            )
        },
    )

    field_order = ["website_score", "comment"]

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics)
        for topic in self.topics:
            self.fields[f"{TOPIC_PREFIX}{topic.pk}"] = forms.TypedChoiceField(
                label=topic.name,
                choices=SCORE_CHOICES,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Please choose one of the five levels, or leave it empty.")},
            )
        self.order_fields(["website_score", *(f"{TOPIC_PREFIX}{t.pk}" for t in self.topics), "comment"])

    def clean_comment(self):
        return self.cleaned_data["comment"].strip()

    def topic_fields(self):
        return [self[f"{TOPIC_PREFIX}{topic.pk}"] for topic in self.topics]

    def topic_scores(self):
        """(topic, score) for the topics the visitor rated."""
        return [
            (topic, self.cleaned_data[f"{TOPIC_PREFIX}{topic.pk}"])
            for topic in self.topics
            if self.cleaned_data.get(f"{TOPIC_PREFIX}{topic.pk}")
        ]
