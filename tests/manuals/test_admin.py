"""Editors create every manuals page type through the Wagtail admin; required facts and files are enforced."""

from decimal import Decimal

from django.urls import reverse

from wagtail.models import Page, Workflow
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import Department, StandardPage
from manuals.models import CitizenGuideIndexPage, CitizenGuidePage, OperationsManualIndexPage, OperationsManualPage
from tests.conftest import add_page
from tests.manuals.conftest import make_document

NO_FILE = "แนบไฟล์คู่มืออย่างน้อยหนึ่งไฟล์ก่อนเผยแพร่"
NO_STEPS = "เพิ่มขั้นตอนอย่างน้อยหนึ่งขั้นตอน"
NO_FEES = "ระบุค่าธรรมเนียมของบริการนี้เป็นบาท หรือเลือก 'ไม่มีค่าธรรมเนียม'"
FEES_AND_FREE = "เลือก 'ไม่มีค่าธรรมเนียม' ไว้ แต่มีรายการค่าธรรมเนียม"


def step_form(title="รับคำขอ", duration=30, unit="minutes", responsible="งานเวชระเบียน"):
    return (
        "step",
        {"title": title, "description": "", "duration": duration, "duration_unit": unit, "responsible": responsible},
    )


def error_text(form, field):
    """Every message of a field's errors, including those of StreamField blocks."""
    messages = []
    for error in form.errors.as_data().get(field, []):
        messages.extend(str(m) for m in getattr(error, "non_block_errors", []))
        messages.extend(error.messages)
    return " ".join(messages)


class ManualsAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        home = Page.objects.get(depth=2).specific
        self.transparency = add_page(home, StandardPage, title="ข้อมูลข่าวสารและความโปร่งใส", slug="transparency")
        self.services = add_page(home, StandardPage, title="บริการประชาชน", slug="services")
        self.department = Department.objects.create(name="กลุ่มงานทันตสาธารณสุข")
        self.document = make_document()

    # -- the tree --------------------------------------------------------------------------------

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(OperationsManualIndexPage, {StandardPage})
        self.assertAllowedParentPageTypes(CitizenGuideIndexPage, {StandardPage})
        self.assertAllowedSubpageTypes(OperationsManualIndexPage, {OperationsManualPage})
        self.assertAllowedSubpageTypes(CitizenGuideIndexPage, {CitizenGuidePage})
        self.assertAllowedParentPageTypes(OperationsManualPage, {OperationsManualIndexPage})
        self.assertAllowedParentPageTypes(CitizenGuidePage, {CitizenGuideIndexPage})
        self.assertAllowedSubpageTypes(OperationsManualPage, set())
        self.assertAllowedSubpageTypes(CitizenGuidePage, set())
        self.assertCanNotCreateAt(StandardPage, OperationsManualPage)

    # -- creating each type ----------------------------------------------------------------------

    def index_data(self, title, slug):
        return nested_form_data(
            {
                "title": title,
                "slug": slug,
                "intro": "ข้อความนำ",
                "body": streamfield([("paragraph", rich_text("<p>คำอธิบาย</p>"))]),
            }
        )

    def manual_data(self, **overrides):
        data = {
            "title": "คู่มือการปฏิบัติงานการจ่ายยาผู้ป่วยนอก",
            "slug": "dispensing",
            "intro": "ขั้นตอนการจ่ายยา",
            "category": "main",
            "steps": streamfield([step_form(), step_form("ตรวจสอบยา", 2, "hours")]),
            "body": streamfield([]),
            "attachments": streamfield([("document", {"document": self.document.pk, "title": "คู่มือฉบับเต็ม"})]),
            "owner_unit": self.department.pk,
            "owner_email": "",
            "period_start": "2026-10-01",
            "period_end": "",
            "source": "",
        }
        data.update(overrides)
        return nested_form_data(data)

    def guide_data(self, **overrides):
        data = {
            "title": "การนัดหมายรับบริการทันตกรรม",
            "slug": "dental-appointment",
            "intro": "นัดหมายล่วงหน้า",
            "service_place": "ห้องทันตกรรม ชั้น 2",
            "office_hours": "วันจันทร์–วันศุกร์ เวลา 08.30–16.30 น.",
            "legal_basis": "",
            "conditions": rich_text("<p>ผู้ป่วยทุกสิทธิ</p>"),
            "steps": streamfield([step_form("ติดต่อขอนัดหมาย", 10)]),
            "free_of_charge": True,
            "fees": streamfield([]),
            "required_documents": streamfield(
                [
                    (
                        "document",
                        {
                            "name": "บัตรประจำตัวประชาชน",
                            "originals": 1,
                            "copies": 0,
                            "issuer": "กรมการปกครอง",
                            "note": "",
                        },
                    )
                ]
            ),
            "complaint_channels": "โทรศัพท์ 053-461-037",
            "body": streamfield([]),
            "attachments": streamfield([("document", {"document": self.document.pk, "title": "แบบคำขอ"})]),
            "owner_unit": self.department.pk,
            "owner_email": "",
            "period_start": "2026-10-01",
            "period_end": "",
            "source": "",
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_editor_can_create_both_index_pages(self):
        self.assertCanCreate(
            self.transparency, OperationsManualIndexPage, self.index_data("คู่มือมาตรฐานการปฏิบัติงาน", "operations-manuals")
        )
        self.assertCanCreate(self.services, CitizenGuideIndexPage, self.index_data("คู่มือสำหรับประชาชน", "citizen-guides"))

    def test_editor_can_create_an_operations_manual_with_steps_and_its_file(self):
        index = add_page(
            self.transparency, OperationsManualIndexPage, title="คู่มือมาตรฐานการปฏิบัติงาน", slug="operations-manuals"
        )
        self.assertCanCreate(index, OperationsManualPage, self.manual_data())
        manual = OperationsManualPage.objects.get(slug="dispensing")
        assert manual.live and manual.owner_unit == self.department
        assert [block.value["title"] for block in manual.steps] == ["รับคำขอ", "ตรวจสอบยา"]
        assert manual.total_minutes == 30 + 120
        assert manual.documents() == [self.document]

    def test_editor_can_create_a_citizen_guide_with_fees_documents_and_forms(self):
        index = add_page(self.services, CitizenGuideIndexPage, title="คู่มือสำหรับประชาชน", slug="citizen-guides")
        self.assertCanCreate(index, CitizenGuidePage, self.guide_data())
        guide = CitizenGuidePage.objects.get(slug="dental-appointment")
        assert guide.free_of_charge and len(guide.fees) == 0
        assert guide.required_documents[0].value["name"] == "บัตรประจำตัวประชาชน"

    def test_editor_can_create_a_guide_with_fee_items(self):
        index = add_page(self.services, CitizenGuideIndexPage, title="คู่มือสำหรับประชาชน", slug="citizen-guides")
        fees = streamfield([("fee", {"item": "ใบรับรองแพทย์ทั่วไป", "amount": "50", "note": "ต่อฉบับ"})])
        self.assertCanCreate(index, CitizenGuidePage, self.guide_data(free_of_charge=False, fees=fees))
        guide = CitizenGuidePage.objects.get(slug="dental-appointment")
        assert guide.fees[0].value["amount"] == Decimal("50")
        assert not guide.free_of_charge

    # -- refusals: a clear Thai message on the field ---------------------------------------------

    def post(self, model, parent, data, action="action-publish"):
        url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
        if action:
            data[action] = action
        return self.client.post(url, data)

    def manual_index(self):
        return add_page(
            self.transparency, OperationsManualIndexPage, title="คู่มือมาตรฐานการปฏิบัติงาน", slug="operations-manuals"
        )

    def guide_index(self):
        return add_page(self.services, CitizenGuideIndexPage, title="คู่มือสำหรับประชาชน", slug="citizen-guides")

    def test_publishing_a_manual_without_its_file_is_refused(self):
        response = self.post(OperationsManualPage, self.manual_index(), self.manual_data(attachments=streamfield([])))
        assert response.status_code == 200
        assert not OperationsManualPage.objects.filter(slug="dispensing").exists()
        assert NO_FILE in error_text(response.context["form"], "attachments")

    def test_submitting_a_manual_without_its_file_for_approval_is_refused_too(self):
        index = self.manual_index()
        workflow = Workflow.objects.create(name="ตรวจสอบคู่มือ", active=True)
        workflow.workflow_pages.create(page=index)
        response = self.post(
            OperationsManualPage, index, self.manual_data(attachments=streamfield([])), "action-submit"
        )
        assert response.status_code == 200
        assert NO_FILE in error_text(response.context["form"], "attachments")

    def test_a_draft_manual_may_wait_for_its_file_but_cannot_be_published_without_it(self):
        index = self.manual_index()
        response = self.post(OperationsManualPage, index, self.manual_data(attachments=streamfield([])), action=None)
        assert response.status_code == 302
        manual = OperationsManualPage.objects.get(slug="dispensing")
        assert not manual.live
        edit_url = reverse("wagtailadmin_pages:edit", args=[manual.pk])
        data = self.manual_data(attachments=streamfield([]))
        data["action-publish"] = "action-publish"
        response = self.client.post(edit_url, data)
        assert response.status_code == 200
        assert NO_FILE in error_text(response.context["form"], "attachments")
        manual.refresh_from_db()
        assert not manual.live

    def test_publishing_a_manual_without_steps_is_refused(self):
        response = self.post(OperationsManualPage, self.manual_index(), self.manual_data(steps=streamfield([])))
        assert response.status_code == 200
        assert NO_STEPS in error_text(response.context["form"], "steps")

    def test_a_manual_without_owner_unit_is_refused_with_the_field_error(self):
        response = self.post(OperationsManualPage, self.manual_index(), self.manual_data(owner_unit=""))
        assert response.status_code == 200
        assert "owner_unit" in response.context["form"].errors
        assert not OperationsManualPage.objects.exists()

    def test_a_manual_without_data_period_or_kind_is_refused(self):
        response = self.post(OperationsManualPage, self.manual_index(), self.manual_data(period_start="", category=""))
        assert response.status_code == 200
        assert {"period_start", "category"} <= set(response.context["form"].errors)

    def test_period_end_before_start_is_refused_on_the_field(self):
        response = self.post(OperationsManualPage, self.manual_index(), self.manual_data(period_end="2026-09-30"))
        assert response.status_code == 200
        assert "period_end" in response.context["form"].errors
        assert not OperationsManualPage.objects.exists()

    def test_source_is_optional_for_manuals_and_guides(self):
        assert not OperationsManualPage.source_required and not CitizenGuidePage.source_required

    def test_a_guide_without_owner_place_hours_or_complaint_channels_is_refused(self):
        data = self.guide_data(owner_unit="", service_place="", office_hours="", complaint_channels="")
        response = self.post(CitizenGuidePage, self.guide_index(), data)
        assert response.status_code == 200
        assert {"owner_unit", "service_place", "office_hours", "complaint_channels"} <= set(
            response.context["form"].errors
        )
        assert not CitizenGuidePage.objects.exists()

    def test_a_guide_must_list_its_fees_or_say_no_fee(self):
        response = self.post(
            CitizenGuidePage, self.guide_index(), self.guide_data(free_of_charge=False, fees=streamfield([]))
        )
        assert response.status_code == 200
        assert NO_FEES in error_text(response.context["form"], "fees")
        assert not CitizenGuidePage.objects.exists()

    def test_a_guide_cannot_be_free_and_list_fees(self):
        fees = streamfield([("fee", {"item": "ค่าถ่ายสำเนา", "amount": "1", "note": ""})])
        response = self.post(CitizenGuidePage, self.guide_index(), self.guide_data(free_of_charge=True, fees=fees))
        assert response.status_code == 200
        assert FEES_AND_FREE in error_text(response.context["form"], "fees")

    def test_a_negative_fee_is_refused(self):
        fees = streamfield([("fee", {"item": "ค่าถ่ายสำเนา", "amount": "-5", "note": ""})])
        response = self.post(CitizenGuidePage, self.guide_index(), self.guide_data(free_of_charge=False, fees=fees))
        assert response.status_code == 200
        assert "fees" in response.context["form"].errors

    def test_a_document_to_bring_needs_at_least_one_original_or_copy(self):
        documents = streamfield(
            [("document", {"name": "ทะเบียนบ้าน", "originals": 0, "copies": 0, "issuer": "", "note": ""})]
        )
        response = self.post(CitizenGuidePage, self.guide_index(), self.guide_data(required_documents=documents))
        assert response.status_code == 200
        assert "required_documents" in response.context["form"].errors
        assert not CitizenGuidePage.objects.exists()

    def test_a_step_needs_a_time_and_a_responsible_unit(self):
        steps = streamfield([step_form(duration="", responsible="")])
        response = self.post(OperationsManualPage, self.manual_index(), self.manual_data(steps=steps))
        assert response.status_code == 200
        assert "steps" in response.context["form"].errors


class BulkPublishTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        home = Page.objects.get(depth=2).specific
        transparency = add_page(home, StandardPage, title="ข้อมูลข่าวสารและความโปร่งใส", slug="transparency")
        self.index = add_page(
            transparency, OperationsManualIndexPage, title="คู่มือมาตรฐานการปฏิบัติงาน", slug="operations-manuals"
        )
        self.department = Department.objects.create(name="งานพัสดุ", kind=Department.Kind.UNIT)

    def draft(self, slug, **fields):
        from tests.manuals.conftest import manual_fields

        return add_page(
            self.index, OperationsManualPage, publish=False, **manual_fields(self.department, slug=slug, **fields)
        )

    def bulk_publish(self, *pages, include_descendants=False):
        url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        query = "&".join(f"id={page.pk}" for page in pages)
        data = {"include_descendants": "on"} if include_descendants else {}
        return self.client.post(f"{url}?{query}", data, follow=True)

    def test_bulk_publish_refuses_a_manual_without_its_file(self):
        manual = self.draft("no-file")
        response = self.bulk_publish(manual)
        manual.refresh_from_db()
        assert not manual.live
        assert "แนบไฟล์คู่มือก่อนเผยแพร่" in response.content.decode()

    def test_bulk_publish_with_descendants_refuses_too(self):
        manual = self.draft("no-file")
        self.index.unpublish()
        self.bulk_publish(self.index, include_descendants=True)
        manual.refresh_from_db()
        assert not manual.live

    def test_bulk_publish_publishes_a_manual_with_its_file(self):
        manual = self.draft("with-file", attachments=[("document", {"document": make_document(), "title": ""})])
        self.bulk_publish(manual)
        manual.refresh_from_db()
        assert manual.live
