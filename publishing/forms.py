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


def _month_choices():
    from home.thai_dates import thai_month

    return [(m, thai_month(m)) for m in range(1, 13)]


class MonthlyReportForm(forms.Form):
    """Which month the publication report covers; the year in the Buddhist Era (พ.ศ.)."""

    month = forms.TypedChoiceField(
        label=_("Month"),
        choices=_month_choices,
        coerce=int,
        error_messages={"required": _("Choose a month."), "invalid_choice": _("Choose a month.")},
    )
    year = forms.IntegerField(
        label=_("Year (B.E.)"),
        min_value=2500,
        max_value=2700,
        error_messages={
            "required": _("Enter the year in the Buddhist Era, e.g. 2569."),
            "invalid": _("Enter the year in the Buddhist Era, e.g. 2569."),
            "min_value": _("Enter the year in the Buddhist Era, e.g. 2569."),
            "max_value": _("Enter the year in the Buddhist Era, e.g. 2569."),
        },
    )


class AnnualReportForm(forms.Form):
    """Which fiscal year (October–September, named by its B.E. year) the annual report covers."""

    fiscal_year = forms.IntegerField(
        label=_("Fiscal year (B.E.)"),
        min_value=2500,
        max_value=2700,
        error_messages={
            "required": _("Enter the fiscal year in the Buddhist Era, e.g. 2569."),
            "invalid": _("Enter the fiscal year in the Buddhist Era, e.g. 2569."),
            "min_value": _("Enter the fiscal year in the Buddhist Era, e.g. 2569."),
            "max_value": _("Enter the fiscal year in the Buddhist Era, e.g. 2569."),
        },
    )
