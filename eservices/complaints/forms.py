"""Forms of the complaint service: the public form, the tracking lookup, and the staff's case form."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from eservices.complaints import codes, notify, rules
from eservices.forms import AccessibleErrorsMixin
from eservices.models import ComplaintEvent
from home.abuse import HoneypotFormMixin
from home.file_checks import LABELS, content_matches
from home.models import Department
from home.models.media import human_size

ATTACHMENT_EXTENSIONS = ["pdf", "jpg", "jpeg", "png", "docx"]
PHONE_RE = re.compile(r"^[0-9+\-() ]{6,30}$")


def check_attachment(file):
    """The attachment's type by name and by content, and its size; a Thai message otherwise."""
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = ", ".join(sorted({LABELS[e] for e in ATTACHMENT_EXTENSIONS}))
    if extension not in ATTACHMENT_EXTENSIONS:
        raise forms.ValidationError(
            _("Files of type “%(ext)s” cannot be attached. Allowed types: %(allowed)s."),
            code="file_type",
            params={"ext": extension or "?", "allowed": allowed},
        )
    limit = settings.COMPLAINTS_ATTACHMENT_MAX_SIZE
    if file.size > limit:
        raise forms.ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Attach a smaller file or send it by post."),
            code="file_size",
            params={"size": human_size(file.size), "limit": human_size(limit)},
        )
    if not content_matches(extension, file):
        raise forms.ValidationError(
            _("The content of this file is not a real %(type)s file, although its name ends in .%(ext)s."),
            code="file_content",
            params={"type": LABELS.get(extension, extension.upper()), "ext": extension},
        )
    return file


def clean_phone(value):
    value = (value or "").strip()
    if value and not PHONE_RE.match(value):
        raise forms.ValidationError(_("Enter a telephone number with digits only, e.g. 081-234-5678."))
    return value


class ComplaintForm(AccessibleErrorsMixin, HoneypotFormMixin, forms.Form):
    """The public's complaint. Service complaints need a name and a way to reply; corruption complaints
    may be anonymous, and then no name or contact is kept even if typed."""

    kind = forms.ChoiceField(
        label=_("What is the complaint about?"),
        choices=[
            ("service", _("Service or the conduct of staff")),
            ("corruption", _("Corruption or misconduct of staff (you may stay anonymous)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what the complaint is about.")},
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        error_messages={"required": _("Write the subject of the complaint in a few words.")},
    )
    details = forms.CharField(
        label=_("What happened"),
        max_length=5000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "What happened, who was involved if you know, and what you would like the hospital to do. Up to 5,000 characters."
        ),
        error_messages={"required": _("Tell us what happened.")},
    )
    incident_when = forms.CharField(
        label=_("When it happened (if you know)"),
        max_length=100,
        required=False,
        help_text=_("For example 12 พ.ย. 2569, in the afternoon"),
    )
    incident_where = forms.CharField(label=_("Where, or which service (if you know)"), max_length=200, required=False)
    is_anonymous = forms.BooleanField(
        label=_("I do not want to give my name (corruption complaints only)"),
        required=False,
        help_text=_(
            "Nothing that identifies you is kept. Keep the tracking code: it is the only way to follow the complaint."
        ),
    )
    name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=30, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("If you give it, we send you the tracking code and tell you when there is news."),
        error_messages={"invalid": _("Enter an e-mail address such as name@example.com.")},
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx"}),
    )
    health_data_consent = forms.BooleanField(
        label=_(
            "I agree that the hospital may use health information I include in this complaint to look into it (optional)"
        ),
        required=False,
        help_text=_(
            "Health information is sensitive data (PDPA s.26). Without this consent the hospital uses only what the law allows."
        ),
    )
    privacy_ack = forms.BooleanField(
        label=_("I have read the privacy notice above"),
        error_messages={"required": _("Read the privacy notice and tick the box to send the complaint.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = human_size(settings.COMPLAINTS_ATTACHMENT_MAX_SIZE)
        self.fields["attachment"].help_text = _("PDF, JPEG, PNG or Word (DOCX), up to %(limit)s.") % {"limit": limit}

    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone"))

    def clean_attachment(self):
        file = self.cleaned_data.get("attachment")
        return check_attachment(file) if file else None

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if data.get("is_anonymous"):
            if kind == "service":
                self.add_error(
                    "is_anonymous",
                    _(
                        "A complaint about service needs your name and a way to reach you, so that the hospital can reply. Only corruption complaints may be anonymous."
                    ),
                )
            else:
                data["name"] = data["phone"] = data["email"] = ""
        elif kind:
            if not data.get("name", "").strip() and "name" not in self.errors:
                self.add_error(
                    "name", _("Write your name, or tick “I do not want to give my name” for a corruption complaint.")
                )
            if (
                not data.get("phone")
                and not data.get("email")
                and "phone" not in self.errors
                and "email" not in self.errors
            ):
                self.add_error("phone", _("Give a telephone number or an e-mail address so that we can reply."))
        return data

    @property
    def had_file(self):
        """True when the form comes back with errors and a file had been chosen: it must be chosen again."""
        return self.is_bound and bool(self.files.get("attachment"))


class TrackingForm(AccessibleErrorsMixin, forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=40,
        help_text=_("The 12 characters you received, e.g. 7KQ4-M9XP-3RTA. Capital or small letters both work."),
        error_messages={"required": _("Type your tracking code.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )

    def clean_code(self):
        code = codes.normalise_code(self.cleaned_data["code"])
        if not code:
            raise forms.ValidationError(
                _("A tracking code has 12 letters and digits in three groups of four, e.g. 7KQ4-M9XP-3RTA.")
            )
        return code


class ComplaintAdminForm(WagtailAdminModelForm):
    """The staff's case form: state, unit, response and an internal note; every change is recorded."""

    note = forms.CharField(
        label=_("Add an internal note"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen only by the staff who handle this complaint, never by the complainant."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if "kind" in self.fields:
            allowed = rules.visible_kinds(user)
            self.fields["kind"].choices = [c for c in self.fields["kind"].choices if c[0] in allowed]
        if "department" in self.fields:
            self.fields["department"].queryset = Department.objects.filter(is_active=True)

    def clean(self):
        data = super().clean()
        if self.instance.pk and self.instance.anonymised_at:
            raise forms.ValidationError(
                _("The personal data of this complaint was erased (PDPA); the case can no longer be changed.")
            )
        status = data.get("status")
        if status in ("resolved", "closed", "forwarded") and not (data.get("response") or "").strip():
            self.add_error("response", _("Write the response to the complainant before finishing the complaint."))
        if status == "forwarded" and not (data.get("forwarded_to") or "").strip():
            self.add_error("forwarded_to", _("Name the agency the complaint was forwarded to."))
        if (
            self.instance.pk
            and status == "received"
            and self.instance.status != "received"
            and "status" in self.changed_data
        ):
            self.add_error("status", _("A complaint cannot go back to “received”; choose “in progress” to reopen it."))
        if "phone" in self.fields:
            try:
                data["phone"] = clean_phone(data.get("phone"))
            except forms.ValidationError as error:
                self.add_error("phone", error)
        return data

    def save(self, commit=True):
        complaint = self.instance
        user = self.for_user
        events = []
        is_new = complaint.pk is None
        if is_new:
            complaint.created_by = user
            events.append(ComplaintEvent(action=ComplaintEvent.Action.RECEIVED, user=user, to_status=complaint.status))
        else:
            if "status" in self.changed_data:
                previous = self.initial.get("status")
                complaint.status = previous
                events.append(complaint.change_status(self.cleaned_data["status"], user))
            if "department" in self.changed_data:
                unit = self.cleaned_data.get("department")
                events.append(
                    ComplaintEvent(action=ComplaintEvent.Action.ASSIGNED, user=user, note=unit.name if unit else "—")
                )
            if "response" in self.changed_data:
                events.append(
                    ComplaintEvent(action=ComplaintEvent.Action.RESPONSE, user=user, note=self.cleaned_data["response"])
                )
        note = (self.cleaned_data.get("note") or "").strip()
        if note:
            events.append(ComplaintEvent(action=ComplaintEvent.Action.NOTE, user=user, note=note))
        complaint = super().save(commit=commit)
        for event in events:
            event.complaint = complaint
            event.save()
        if not is_new and {"status", "response"} & set(self.changed_data):
            notify.notify_status(complaint)
        return complaint
