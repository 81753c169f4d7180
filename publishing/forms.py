"""Forms of the publishing process."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RequestChangesForm(forms.Form):
    """Requesting changes needs a reason, which reaches the submitter and the owner (R2.4)."""

    comment = forms.CharField(
        label=_("Reason for requesting changes"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: not related to the hospital's mission, or the file is not in the requested format"),
        error_messages={"required": _("Give the reason why changes are needed: the owner will receive it.")},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(_("Give the reason why changes are needed: the owner will receive it."))
        return comment
