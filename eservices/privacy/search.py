"""Find a person's complaints and feedback by name, e-mail or telephone (PDPA s.30 access, s.33 erasure).

Any of the three may be given; a record matches when any given one matches. *Partial* matches a part of
the name or e-mail (Thai needs no word breaks: "สมใจ" finds "นางสมใจ ทองดี") and a run of digits of the
telephone, whatever the dashes, spaces or "+66" around them; *exact* matches the whole name, the whole e-mail (any case) or the whole number. Only records the user may see
come back: complaints of the kinds ``eservices.complaints.rules.visible_kinds`` allows, feedback only
with ``eservices.view_feedback``; records already anonymised hold nothing to find.
"""

import re

from django.db.models import Q, Value
from django.db.models.functions import Replace

from eservices.complaints import rules
from eservices.models import Complaint, Feedback

FEEDBACK_PERMISSION = "eservices.view_feedback"


def can_use(user):
    """Superusers and whoever handles complaints (the complaint centre, the corruption working group)."""
    return bool(user and user.is_authenticated and user.is_active and (user.is_superuser or rules.visible_kinds(user)))


def sees_feedback(user):
    return bool(user and user.is_active and user.has_perm(FEEDBACK_PERMISSION))


def normalise_name(value):
    return " ".join((value or "").split())


def phone_digits(value):
    """The number as a Thai number's digits: "+66 81-234 5678" → "0812345678"."""
    digits = re.sub(r"\D", "", value or "")
    if digits.startswith("66") and len(digits) >= 10:
        digits = "0" + digits[2:]
    return digits


def _digits_of(field):
    expression = field
    for character in ("-", " ", "(", ")", ".", "+"):
        expression = Replace(expression, Value(character), Value(""))
    return expression


def _phone_q(digits, exact):
    forms = {digits}
    if digits.startswith("0"):
        forms.add("66" + digits[1:])  # stored as "+66 81 …"
    condition = Q()
    for form in forms:
        condition |= Q(phone_digits=form) if exact else Q(phone_digits__contains=form)
    return condition


def find(user, name="", email="", phone="", exact=False):
    """(complaints, feedback) of the person, as lists, newest first; empty lists when nothing was given."""
    name = normalise_name(name)
    email = (email or "").strip()
    digits = phone_digits(phone)
    complaint_q = Q()
    feedback_q = Q()
    if name:
        lookup = "name__iexact" if exact else "name__icontains"
        complaint_q |= Q(**{lookup: name})
        feedback_q |= Q(**{lookup: name})
    if email:
        lookup = "email__iexact" if exact else "email__icontains"
        complaint_q |= Q(**{lookup: email})
        feedback_q |= Q(**{lookup: email})
    if digits:
        complaint_q |= _phone_q(digits, exact)
    complaints, feedback = [], []
    if complaint_q:
        queryset = rules.visible_complaints(user, Complaint.objects.filter(anonymised_at__isnull=True))
        queryset = queryset.annotate(phone_digits=_digits_of("phone")).filter(complaint_q)
        complaints = list(queryset.select_related("department").order_by("-received_at"))
    if feedback_q and sees_feedback(user):
        queryset = Feedback.objects.filter(anonymised_at__isnull=True).filter(feedback_q).order_by("-received_at")
        feedback = list(queryset)
    return complaints, feedback
