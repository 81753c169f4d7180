"""The data-subject request screen's forms: the search (who, and why) and the erasure's confirmation."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from eservices.privacy.search import normalise_name, phone_digits

MIN_NAME = 2
MIN_EMAIL = 3
MIN_DIGITS = 4


class PersonSearchForm(forms.Form):
    name = forms.CharField(label=_("Name"), required=False, max_length=150)
    email = forms.CharField(label=_("E-mail"), required=False, max_length=254)
    phone = forms.CharField(label=_("Telephone"), required=False, max_length=30)
    match = forms.ChoiceField(
        label=_("Match"),
        choices=[
            ("partial", _("Part of the name, e-mail or number")),
            ("exact", _("The whole name, e-mail or number")),
        ],
        initial="partial",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The request and who made it, e.g. “Access request no. 12/2569 by the complainant in person”."),
        error_messages={"required": _("Write the reason for this search: the request it answers.")},
    )

    def clean_name(self):
        name = normalise_name(self.cleaned_data.get("name"))
        if name and len(name) < MIN_NAME:
            raise forms.ValidationError(_("Type at least %(count)d characters of the name.") % {"count": MIN_NAME})
        return name

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email and len(email) < MIN_EMAIL:
            raise forms.ValidationError(_("Type at least %(count)d characters of the e-mail.") % {"count": MIN_EMAIL})
        return email

    def clean_phone(self):
        phone = (self.cleaned_data.get("phone") or "").strip()
        if phone and not re.fullmatch(r"[0-9+\-(). ]+", phone):
            raise forms.ValidationError(_("Enter a telephone number with digits only, e.g. 081-234-5678."))
        if phone and len(phone_digits(phone)) < MIN_DIGITS:
            raise forms.ValidationError(
                _("Type at least %(count)d digits of the telephone number.") % {"count": MIN_DIGITS}
            )
        return phone

    def clean_reason(self):
        reason = (self.cleaned_data.get("reason") or "").strip()
        if not reason:
            raise forms.ValidationError(self.fields["reason"].error_messages["required"])
        return reason

    def clean(self):
        data = super().clean()
        asked = [data.get(f) for f in ("name", "email", "phone")]
        if not any(asked) and not any(self.has_error(f) for f in ("name", "email", "phone")):
            self.add_error("name", _("Enter a name, an e-mail or a telephone number to search for."))
        return data

    @property
    def terms(self):
        data = self.cleaned_data
        return {k: data[k] for k in ("name", "email", "phone") if data.get(k)} | {"match": data["match"]}


class EraseForm(forms.Form):
    erase_reason = forms.CharField(
        label=_("Reason for erasing"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. “Erasure request no. 13/2569 (PDPA s.33), approved by the data protection officer”."),
        error_messages={"required": _("Write the reason for erasing: the request and who approved it.")},
    )
    confirm = forms.BooleanField(
        label=_("I understand that the personal data of the records above will be erased and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm the erasure.")},
    )

    def clean_erase_reason(self):
        reason = (self.cleaned_data.get("erase_reason") or "").strip()
        if not reason:
            raise forms.ValidationError(self.fields["erase_reason"].error_messages["required"])
        return reason
