"""Erase the personal data of complaints and feedback, keeping each record for the statistics.

What goes: the name, telephone, e-mail, subject, details, when and where, the attachment file (deleted from
the private storage), the response and the notes of a complaint's events (any of them may name someone;
an assignment's note, the unit's name, stays); of feedback the name, e-mail, subject and message, and an answer not published. What stays:
the tracking code, type, channel, status, unit, the agency a case went to and every date — the counts by
type, channel, status and month (``eservices.complaints.stats``) do not change — and a published
question and answer, which were written without personal data for the public.

Safe to run twice at once: each record is claimed by one conditional ``UPDATE … WHERE anonymised_at IS
NULL``; only the run that changed the row deletes the file and writes the access record, the other skips
it. The file is deleted inside the same transaction, so when the storage fails the row is left as it was
and the next run tries again.
"""

import logging

from django.db import transaction
from django.utils import timezone

from eservices.models import Complaint, ComplaintAccessLog, ComplaintEvent, Feedback

logger = logging.getLogger("hodsite.pdpa")

COMPLAINT_BLANKS = {
    "name": "",
    "phone": "",
    "email": "",
    "subject": "",
    "details": "",
    "incident_when": "",
    "incident_where": "",
    "response": "",
    "attachment": "",
    "health_data_consent": False,
}
FEEDBACK_BLANKS = {"name": "", "email": "", "subject": "", "message": ""}


def erase_complaint(complaint_id, user=None, detail=""):
    """Anonymise one complaint; True when this call did it (False: already done, or done by a racing run)."""
    row = Complaint.objects.filter(pk=complaint_id).values("attachment", "anonymised_at").first()
    if row is None or row["anonymised_at"] is not None:
        return False
    with transaction.atomic():
        changed = Complaint.objects.filter(pk=complaint_id, anonymised_at__isnull=True).update(
            anonymised_at=timezone.now(), **COMPLAINT_BLANKS
        )
        if not changed:
            return False
        # notes and responses may name people; an assignment's note is only the unit's name
        events = ComplaintEvent.objects.filter(complaint_id=complaint_id).exclude(action=ComplaintEvent.Action.ASSIGNED)
        events.exclude(note="").update(note="")
        if row["attachment"]:
            storage = Complaint._meta.get_field("attachment").storage
            storage.delete(row["attachment"])  # raises on a storage failure: the UPDATE is rolled back
        if user is not None:
            complaint = Complaint(pk=complaint_id)
            ComplaintAccessLog.record(user, [complaint], ComplaintAccessLog.Action.ERASE, detail)
    return True


def erase_feedback(feedback_id):
    """Anonymise one comment or question; True when this call did it."""
    item = Feedback.objects.filter(pk=feedback_id, anonymised_at__isnull=True).only("is_published").first()
    if item is None:
        return False
    blanks = dict(FEEDBACK_BLANKS)
    if not item.is_published:
        blanks.update(public_question="", answer="")
    changed = Feedback.objects.filter(pk=feedback_id, anonymised_at__isnull=True).update(
        anonymised_at=timezone.now(), **blanks
    )
    return bool(changed)


def erase(complaint_ids=(), feedback_ids=(), user=None, detail=""):
    """Anonymise the given records; returns (complaints erased, feedback erased) by this call."""
    complaints = feedback = 0
    for pk in complaint_ids:
        try:
            complaints += erase_complaint(pk, user=user, detail=detail)
        except Exception:  # the storage (disk or bucket) refused: the case keeps its data, tried again next run
            logger.exception("Complaint %s: the attachment could not be deleted; not anonymised", pk)
    for pk in feedback_ids:
        feedback += erase_feedback(pk)
    return complaints, feedback
