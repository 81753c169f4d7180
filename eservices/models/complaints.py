"""Complaints filed by the public or recorded by staff, their handling, and the public pages that take
them, track them and count them (R1.5–R1.6; MOIT 9.3, MOIT 10; PDPA s.23).

The complaint *procedures* and the signed 6/12-month *reports* are disclosure pages; what lives here is
the system: the form, the case file and its history, and the counts the system makes itself.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from eservices.complaints import codes, rules
from home import storage as home_storage
from home.search.fields import ThaiSearchMixin

from .routing import RegisteredViewsMixin


def private_storage():
    """Attachments never sit under MEDIA_ROOT or in the media bucket: staff download them through a logged,
    checked view (``home.storage``: a local private folder, or the private bucket of the S3 profile)."""
    return home_storage.private_storage()


class ComplaintKind(models.TextChoices):
    SERVICE = "service", _("Service or staff conduct")
    CORRUPTION = "corruption", _("Corruption or misconduct")


class Complaint(models.Model):
    """One complaint: what the person told us, and how the hospital handled it."""

    class Channel(models.TextChoices):
        WEBSITE = "website", _("Website")
        PHONE = "phone", _("Telephone")
        IN_PERSON = "in_person", _("In person")
        POST = "post", _("Post")
        EMAIL = "email", _("E-mail")
        BOX = "box", _("Suggestion box")
        SOCIAL = "social", _("Social media or application")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        ACKNOWLEDGED = "acknowledged", _("Acknowledged")
        IN_PROGRESS = "in_progress", _("In progress")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed")
        FORWARDED = "forwarded", _("Forwarded to another agency")

    FINISHED = (Status.RESOLVED, Status.CLOSED, Status.FORWARDED)
    # Not in Wagtail's reference index: a unit's or a user's "usage" list would show complaint codes.
    wagtail_reference_index_ignore = True

    tracking_code = models.CharField(_("tracking code"), max_length=14, unique=True, editable=False)
    kind = models.CharField(_("type of complaint"), max_length=12, choices=ComplaintKind.choices)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices, default=Channel.WEBSITE)
    subject = models.CharField(_("subject"), max_length=200)
    details = models.TextField(_("details"), max_length=5000)
    incident_when = models.CharField(_("when it happened"), max_length=100, blank=True)
    incident_where = models.CharField(_("where, or which service"), max_length=200, blank=True)
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("name"), max_length=150, blank=True)
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    attachment = models.FileField(
        _("attachment"), upload_to="complaints/%Y/%m/", storage=private_storage, blank=True, max_length=200
    )
    health_data_consent = models.BooleanField(_("consent to use health information"), default=False)
    privacy_notice_version = models.CharField(_("privacy notice acknowledged (version)"), max_length=16, blank=True)
    privacy_acknowledged_at = models.DateTimeField(_("privacy notice acknowledged at"), null=True, blank=True)

    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=14, choices=Status.choices, default=Status.RECEIVED)
    department = models.ForeignKey(
        "home.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned unit"),
    )
    forwarded_to = models.CharField(_("forwarded to (agency)"), max_length=200, blank=True)
    response = models.TextField(
        _("response to the complainant"),
        blank=True,
        max_length=3000,
        help_text=_("Shown to the complainant when they check the status with their code."),
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    # PDPA: set when the personal data was erased (past retention, or on the person's request); the
    # type, channel, status, unit and dates stay, so the statistics do not change.
    anonymised_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-received_at"]
        permissions = [("handle_service_complaints", _("Can handle complaints about service or staff conduct"))]

    def __str__(self):
        # Only the code: log entries and messages never carry what the complaint says.
        return self.tracking_code

    def save(self, *args, **kwargs):
        if not self.tracking_code:
            code = codes.new_tracking_code()
            while Complaint.objects.filter(tracking_code=code).exists():
                code = codes.new_tracking_code()
            self.tracking_code = code
        if self.is_anonymous:
            self.name = self.phone = self.email = ""
        super().save(*args, **kwargs)

    @property
    def is_finished(self):
        return self.status in self.FINISHED

    @cached_property
    def acknowledge_due(self):
        return rules.acknowledge_due(self.received_at)

    @cached_property
    def resolve_due(self):
        return rules.resolve_due(self.received_at)

    def acknowledge_overdue(self, now=None):
        now = now or timezone.now()
        done = self.acknowledged_at or self.finished_at
        return (done or now) > self.acknowledge_due

    def resolve_overdue(self, now=None):
        now = now or timezone.now()
        return (self.finished_at or now) > self.resolve_due

    def change_status(self, status, user, note=""):
        """Move to ``status`` and record who and when; sets the acknowledged and finished times."""
        now = timezone.now()
        previous = self.status
        self.status = status
        if status != self.Status.RECEIVED and self.acknowledged_at is None:
            self.acknowledged_at = now
        if status in self.FINISHED:
            self.finished_at = self.finished_at or now
        else:
            self.finished_at = None
        return ComplaintEvent(
            complaint=self,
            user=user,
            action=ComplaintEvent.Action.STATUS,
            from_status=previous,
            to_status=status,
            note=note,
        )


class ComplaintEvent(models.Model):
    """One step of a complaint's handling: a change of state, an assignment, a note or a response."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned to a unit")
        NOTE = "note", _("Internal note")
        RESPONSE = "response", _("Response to the complainant")

    wagtail_reference_index_ignore = True
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    from_status = models.CharField(_("from"), max_length=14, choices=Complaint.Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=14, choices=Complaint.Status.choices, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("complaint event")
        verbose_name_plural = _("complaint events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.complaint_id}: {self.get_action_display()}"


class ComplaintAccessLog(models.Model):
    """Who looked at or exported which complaint, and when (PDPA s.37(1) security; the integrity group's
    own check that nobody else reads corruption complaints)."""

    class Action(models.TextChoices):
        VIEW = "view", _("Viewed")
        EXPORT = "export", _("Exported")
        ATTACHMENT = "attachment", _("Downloaded the attachment")
        FOUND = "found", _("Found by a personal-data search")
        ERASE = "erase", _("Personal data erased")

    wagtail_reference_index_ignore = True
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="access_log")
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("user")
    )
    username = models.CharField(_("username"), max_length=150)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("complaint access record")
        verbose_name_plural = _("complaint access records")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.username}: {self.get_action_display()}"

    @classmethod
    def record(cls, user, complaints, action, detail=""):
        cls.objects.bulk_create(
            [
                cls(complaint=c, user=user, username=user.get_username(), action=action, detail=detail[:300])
                for c in complaints
            ]
        )


DEFAULT_PRIVACY_NOTICE = (
    "<p><b>ผู้ควบคุมข้อมูลส่วนบุคคล:</b> โรงพยาบาลฮอด สำนักงานปลัดกระทรวงสาธารณสุข</p>"
    "<p><b>วัตถุประสงค์และฐานทางกฎหมาย:</b> ใช้ข้อมูลที่ท่านให้เพื่อตรวจสอบข้อเท็จจริง ดำเนินการตามเรื่องร้องเรียน "
    "และแจ้งผลให้ท่านทราบ ตามอำนาจหน้าที่ของหน่วยงานรัฐ (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 24 (4)) "
    "และหน้าที่ตามกฎหมาย (มาตรา 24 (6)) สถิติที่เผยแพร่เป็นจำนวนรวมเท่านั้น ไม่มีข้อมูลส่วนบุคคล</p>"
    "<p><b>ข้อมูลที่เก็บ:</b> เรื่องที่ร้องเรียน และชื่อกับช่องทางติดต่อเมื่อท่านระบุ "
    "เรื่องร้องเรียนการทุจริตไม่ต้องระบุชื่อได้ หากไม่ให้ช่องทางติดต่อ โรงพยาบาลจะแจ้งผลได้ทางรหัสติดตามเรื่องเท่านั้น</p>"
    "<p><b>ผู้รับข้อมูล:</b> ศูนย์รับเรื่องร้องเรียน คณะทำงานรับเรื่องร้องเรียนการทุจริต หน่วยงานในโรงพยาบาลที่ได้รับมอบหมาย "
    "และหน่วยงานของรัฐที่มีอำนาจเมื่อจำเป็นต้องส่งต่อเรื่อง</p>"
    "<p><b>ระยะเวลาเก็บรักษา:</b> 10 ปีนับแต่ยุติเรื่อง ตามระเบียบงานสารบรรณ แล้วทำลาย</p>"
    "<p><b>สิทธิของท่าน:</b> ขอเข้าถึง ขอสำเนา ขอแก้ไข ขอลบ ขอระงับ หรือคัดค้านการใช้ข้อมูล "
    "และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล</p>"
    "<p><b>ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล:</b> โรงพยาบาลฮอด โทร 053-461-037 อีเมล dpo@hodhospital.go.th</p>"
)


# The feedback and Q&A form's own notice: what is asked there, who reads it and what is published differ
# from a complaint's (a question may be published with its answer, without the asker's name or contact).
DEFAULT_FEEDBACK_PRIVACY_NOTICE = (
    "<p><b>ผู้ควบคุมข้อมูลส่วนบุคคล:</b> โรงพยาบาลฮอด สำนักงานปลัดกระทรวงสาธารณสุข</p>"
    "<p><b>วัตถุประสงค์และฐานทางกฎหมาย:</b> ใช้ข้อมูลที่ท่านให้เพื่อพิจารณาความคิดเห็นและข้อเสนอแนะ และตอบคำถามของท่าน "
    "ตามอำนาจหน้าที่ของหน่วยงานรัฐ (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 24 (4)) "
    "คำถามที่เป็นประโยชน์ต่อส่วนรวมอาจเผยแพร่พร้อมคำตอบบนเว็บไซต์ โดยไม่แสดงชื่อและช่องทางติดต่อของผู้ถาม</p>"
    "<p><b>ข้อมูลที่เก็บ:</b> ข้อความที่ท่านส่ง และชื่อกับช่องทางติดต่อเมื่อท่านระบุ (ไม่บังคับ) "
    "หากไม่ให้ช่องทางติดต่อ ท่านจะได้รับคำตอบเฉพาะที่เผยแพร่บนเว็บไซต์</p>"
    "<p><b>ผู้รับข้อมูล:</b> เจ้าหน้าที่ผู้ตอบความคิดเห็นและคำถาม และหน่วยงานในโรงพยาบาลที่เกี่ยวข้องกับคำถาม "
    "ไม่เปิดเผยแก่บุคคลภายนอก</p>"
    "<p><b>ระยะเวลาเก็บรักษา:</b> เท่าที่จำเป็นต่อการตอบและติดตามเรื่อง ไม่เกิน 10 ปีตามระเบียบงานสารบรรณ แล้วทำลาย "
    "คำถามและคำตอบที่เผยแพร่ไม่มีข้อมูลส่วนบุคคล</p>"
    "<p><b>สิทธิของท่าน:</b> ขอเข้าถึง ขอสำเนา ขอแก้ไข ขอลบ ขอระงับ หรือคัดค้านการใช้ข้อมูล "
    "และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล</p>"
    "<p><b>ติดต่อเจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล:</b> โรงพยาบาลฮอด โทร 053-461-037 อีเมล dpo@hodhospital.go.th</p>"
)


class PrivacyNoticeMixin(models.Model):
    """The PDPA s.23 notice shown above a public form; people acknowledge the version they saw."""

    privacy_notice = RichTextField(
        _("privacy notice"),
        default=DEFAULT_PRIVACY_NOTICE,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("PDPA s.23: purpose and legal basis, data collected, recipients, retention, rights, contact."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def privacy_notice_version(self):
        return codes.notice_version(self.privacy_notice)


class EservicePageMixin(ThaiSearchMixin):
    """Service pages live in a section of the tree, never as the home page's own children only; their
    title and introduction are found by the Thai site search."""

    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = []
    live_data = True  # the ITA dashboard counts them current in every period (disclosure.ita.evidence)
    search_fields = Page.search_fields + [index.SearchField("intro")]


class ComplaintFormPage(RegisteredViewsMixin, RoutablePageMixin, PrivacyNoticeMixin, EservicePageMixin, Page):
    """The public complaint form: service or staff conduct, or corruption (which may be anonymous)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    thank_you = models.TextField(
        _("after sending"),
        blank=True,
        max_length=800,
        help_text=_("Shown with the tracking code once the complaint is received."),
    )
    thank_you_corruption = models.TextField(
        _("after sending a corruption complaint"),
        blank=True,
        max_length=800,
        help_text=_(
            "Shown instead of the text above after a corruption complaint, which the corruption complaints "
            "working group handles, not the complaints centre."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you"),
        FieldPanel("thank_you_corruption"),
    ]

    class Meta:
        verbose_name = _("complaint form page")

    @path("")
    def form_view(self, request):
        return self.call_view("complaint_form", request)

    @path("sent/")
    def sent_view(self, request):
        return self.call_view("complaint_sent", request)


class ComplaintTrackingPage(RegisteredViewsMixin, EservicePageMixin, Page):
    """Where a complainant types their tracking code and sees the status, without logging in."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = _("complaint tracking page")

    def serve(self, request, *args, **kwargs):
        return self.call_view("serve_tracking", request)


class ComplaintStatisticsPage(RegisteredViewsMixin, RoutablePageMixin, EservicePageMixin, Page):
    """Counts of complaints by type, channel, status and month for the 6- and 12-month rounds of a fiscal
    year (MOIT 10), counted by the system, with the same table as XLSX. No personal data."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        HelpPanel(content=_("The counts come from the complaint records; there is nothing else to enter.")),
    ]

    class Meta:
        verbose_name = _("complaint statistics page")

    @path("")
    def statistics_view(self, request):
        return self.call_view("statistics", request)

    @path("xlsx/")
    def xlsx_view(self, request):
        return self.call_view("statistics_xlsx", request)
