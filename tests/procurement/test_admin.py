"""Editors create every procurement page type through the Wagtail admin; bad input is refused in Thai."""

import datetime as dt

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home import thai_dates
from home.models import Department, HomePage, StandardPage
from procurement.models import (
    IntegrityStatementIndexPage,
    IntegrityStatementPage,
    MonthlySummaryIndexPage,
    MonthlySummaryPage,
    ProcurementAnalysisIndexPage,
    ProcurementAnalysisPage,
    ProcurementAnnouncementIndexPage,
    ProcurementAnnouncementPage,
    ProcurementIndexPage,
    ProcurementPlanIndexPage,
    ProcurementPlanPage,
)
from tests.conftest import add_page
from tests.procurement.conftest import add_month, make_document, make_row

LISTINGS = [
    (ProcurementPlanIndexPage, ProcurementPlanPage),
    (ProcurementAnnouncementIndexPage, ProcurementAnnouncementPage),
    (MonthlySummaryIndexPage, MonthlySummaryPage),
    (ProcurementAnalysisIndexPage, ProcurementAnalysisPage),
    (IntegrityStatementIndexPage, IntegrityStatementPage),
]


def item_data(owner, **fields):
    """Form data every item page shares: summary, body, attachments, the facts."""
    data = {
        "intro": "",
        "body": streamfield([]),
        "attachments": streamfield([]),
        "owner_unit": owner.pk if owner else "",
        "owner_email": "",
        "source": "",
    }
    data.update(fields)
    return data


def row_data(**fields):
    data = {
        "work": "ซื้อยา Paracetamol 500 mg จำนวน 200,000 เม็ด",
        "budget_amount": "64000.00",
        "reference_price": "62080.00",
        "method": "specific",
        "bidders": "บริษัท ล้านนาฟาร์มา จำกัด 60,000.00",
        "supplier_name": "บริษัท ล้านนาฟาร์มา จำกัด",
        "agreed_price": "60000.00",
        "reason": "เสนอราคาไม่เกินวงเงินงบประมาณ",
        "contract_number": "ใบสั่งซื้อ 045/2569",
        "contract_date": "2025-10-13",
        "egp_project_number": "",
    }
    data.update(fields)
    return data


def month_data(owner, rows=(), no_procurement=False, fiscal_year=2569, fiscal_month=10, **fields):
    data = {
        "title": "สรุปผลการจัดซื้อจัดจ้าง เดือนตุลาคม 2568",
        "slug": f"{fiscal_year}-{fiscal_month}",
        "fiscal_year": fiscal_year,
        "fiscal_month": fiscal_month,
        "no_procurement": "on" if no_procurement else "",
        "rows": inline_formset(list(rows)),
        **item_data(owner),
    }
    if not no_procurement:
        data.pop("no_procurement")
    data.update(fields)
    return nested_form_data(data)


class ProcurementAdminTestCase(WagtailPageTestCase):
    def setUp(self):
        self.user = self.login()
        self.home = HomePage.objects.get(depth=2)
        self.owner = Department.objects.create(name="งานพัสดุ", kind=Department.Kind.UNIT)
        self.document = make_document("แผนการจัดซื้อจัดจ้าง งบดำเนินงาน", "plan.pdf", self.owner)

    def add_url(self, model, parent):
        return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])

    def post(self, model, parent, data, publish=True):
        if publish:
            data["action-publish"] = "action-publish"
        return self.client.post(self.add_url(model, parent), data)

    def errors(self, response):
        assert response.status_code == 200, response.status_code  # the form again, not a redirect or a 500
        return {name: " ".join(errors) for name, errors in response.context["form"].errors.items()}


class TreeRulesTests(ProcurementAdminTestCase):
    def test_section_sits_on_the_home_page_and_holds_the_five_listings(self):
        self.assertAllowedParentPageTypes(ProcurementIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProcurementIndexPage, {index for index, _item in LISTINGS})
        self.assertCanNotCreateAt(StandardPage, ProcurementIndexPage)

    def test_each_listing_holds_only_its_own_items(self):
        for index, item in LISTINGS:
            self.assertAllowedParentPageTypes(index, {ProcurementIndexPage})
            self.assertAllowedSubpageTypes(index, {item})
            self.assertAllowedParentPageTypes(item, {index})
            self.assertAllowedSubpageTypes(item, set())
            self.assertCanNotCreateAt(HomePage, item)

    def test_items_cannot_go_under_another_listing(self):
        self.assertCanNotCreateAt(ProcurementPlanIndexPage, MonthlySummaryPage)
        self.assertCanNotCreateAt(MonthlySummaryIndexPage, ProcurementAnnouncementPage)


class CreateThroughTheAdminTests(ProcurementAdminTestCase):
    def listing(self, model, slug):
        section = add_page(self.home, ProcurementIndexPage, title="จัดซื้อจัดจ้าง", slug="procurement")
        return add_page(section, model, title=slug, slug=slug)

    def test_editor_can_create_the_section_and_its_listings(self):
        self.assertCanCreate(
            self.home,
            ProcurementIndexPage,
            nested_form_data(
                {"title": "จัดซื้อจัดจ้าง", "slug": "procurement", "intro": "แผนและผล", "body": streamfield([])}
            ),
        )
        section = ProcurementIndexPage.objects.get(slug="procurement")
        for number, (index, _item) in enumerate(LISTINGS):
            self.assertCanCreate(
                section,
                index,
                nested_form_data(
                    {"title": f"รายการ {number}", "slug": f"listing-{number}", "intro": "", "body": streamfield([])}
                ),
            )
        section.refresh_from_db()
        assert section.get_children().count() == 5

    def test_editor_can_create_a_procurement_plan(self):
        parent = self.listing(ProcurementPlanIndexPage, "plan")
        data = item_data(
            self.owner,
            title="แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2569",
            slug="plan-2569",
            category="plan",
            budget_allocation_date="2025-10-15",
            announcement_date="2025-11-05",
            operating_budget_document=self.document.pk,
            operating_budget_amount="8450000.00",
            fiscal_year=2569,
        )
        self.assertCanCreate(parent, ProcurementPlanPage, nested_form_data(data))
        page = ProcurementPlanPage.objects.get(slug="plan-2569")
        assert page.live and page.budget_allocation_date == dt.date(2025, 10, 15)
        assert page.operating_budget_document == self.document

    def test_editor_can_create_an_announcement(self):
        parent = self.listing(ProcurementAnnouncementIndexPage, "announcements")
        data = item_data(
            self.owner,
            title="ประกาศผู้ชนะการเสนอราคา ซื้อเครื่องกระตุกหัวใจไฟฟ้า",
            slug="aed-winner",
            category="winner",
            project_name="ซื้อเครื่องกระตุกหัวใจไฟฟ้า จำนวน 2 เครื่อง",
            method="e_market",
            budget_amount="240000.00",
            reference_price="238000.00",
            winner_name="ห้างหุ้นส่วนจำกัด เชียงใหม่เวชภัณฑ์",
            contract_amount="229500.00",
            egp_project_number="69109088342",
            period_start="2026-10-29",
        )
        self.assertCanCreate(parent, ProcurementAnnouncementPage, nested_form_data(data))
        assert ProcurementAnnouncementPage.objects.get(slug="aed-winner").winner_name.startswith("ห้างหุ้นส่วนจำกัด")

    def test_editor_can_create_an_analysis(self):
        parent = self.listing(ProcurementAnalysisIndexPage, "analysis")
        data = item_data(
            self.owner,
            title="รายงานการวิเคราะห์ผลการจัดซื้อจัดจ้าง ปีงบประมาณ พ.ศ. 2568",
            slug="analysis-2568",
            fiscal_year=2568,
            report_document=self.document.pk,
            risk_analysis="ความเสี่ยงการแบ่งซื้อแบ่งจ้าง",
            problems_analysis="ผู้ค้าส่งของล่าช้า",
            savings_analysis="ประหยัดได้ร้อยละ 3.8",
            improvement_plan="วางแผนจัดซื้อรายไตรมาส",
        )
        self.assertCanCreate(parent, ProcurementAnalysisPage, nested_form_data(data))

    def test_editor_can_create_an_integrity_statement(self):
        parent = self.listing(IntegrityStatementIndexPage, "integrity")
        data = item_data(
            self.owner,
            title="แบบแสดงความบริสุทธิ์ใจ วงเงินไม่เกิน 100,000 บาท ปีงบประมาณ พ.ศ. 2569",
            slug="up-to-100k-2569",
            fiscal_year=2569,
            category="up_to_100k",
            document=self.document.pk,
            declarants="นางสาวพิมพ์ชนก ใจคำ – หัวหน้าเจ้าหน้าที่พัสดุ",
        )
        self.assertCanCreate(parent, IntegrityStatementPage, nested_form_data(data))

    def test_editor_can_create_a_monthly_summary_with_rows(self):
        parent = self.listing(MonthlySummaryIndexPage, "monthly-summary")
        data = month_data(self.owner, rows=[row_data(), row_data(work="จ้างซ่อมเครื่องปรับอากาศ", agreed_price="18000.00")])
        self.assertCanCreate(parent, MonthlySummaryPage, data)
        page = MonthlySummaryPage.objects.get(fiscal_year=2569, fiscal_month=10)
        assert [row.work for row in page.rows.all()] == [
            "ซื้อยา Paracetamol 500 mg จำนวน 200,000 เม็ด",
            "จ้างซ่อมเครื่องปรับอากาศ",
        ]
        assert page.fiscal_quarter == 1  # October is quarter 1, set from the month
        assert page.totals["agreed_price"] == 78000

    def test_editor_can_create_a_month_without_procurement(self):
        parent = self.listing(MonthlySummaryIndexPage, "monthly-summary")
        self.assertCanCreate(parent, MonthlySummaryPage, month_data(self.owner, no_procurement=True))
        page = MonthlySummaryPage.objects.get(fiscal_year=2569, fiscal_month=10)
        assert page.no_procurement and not page.rows.exists()


class RefusedInputTests(ProcurementAdminTestCase):
    def setUp(self):
        super().setUp()
        section = add_page(self.home, ProcurementIndexPage, title="จัดซื้อจัดจ้าง", slug="procurement")
        self.months = add_page(section, MonthlySummaryIndexPage, title="สขร.1", slug="monthly-summary")
        self.plans = add_page(section, ProcurementPlanIndexPage, title="แผน", slug="plan")
        self.integrity = add_page(section, IntegrityStatementIndexPage, title="บริสุทธิ์ใจ", slug="integrity")
        self.analyses = add_page(section, ProcurementAnalysisIndexPage, title="วิเคราะห์", slug="analysis")
        self.announcements = add_page(section, ProcurementAnnouncementIndexPage, title="ประกาศ", slug="announcements")

    def test_month_with_rows_and_no_procurement_both_is_refused(self):
        response = self.post(
            MonthlySummaryPage, self.months, month_data(self.owner, rows=[row_data()], no_procurement=True)
        )
        errors = self.errors(response)
        assert "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้" in errors["no_procurement"] and "ลบรายการ" in errors["no_procurement"]
        assert not MonthlySummaryPage.objects.exists()

    def test_month_with_neither_rows_nor_no_procurement_is_refused(self):
        errors = self.errors(self.post(MonthlySummaryPage, self.months, month_data(self.owner)))
        assert "กรอกรายการจัดซื้อจัดจ้างของเดือนนี้" in errors["no_procurement"]
        assert not MonthlySummaryPage.objects.exists()

    def test_a_deleted_row_does_not_count(self):
        data = month_data(self.owner, rows=[row_data(DELETE="1")])
        errors = self.errors(self.post(MonthlySummaryPage, self.months, data))
        assert "no_procurement" in errors

    def test_a_draft_may_be_saved_before_the_rows_are_entered(self):
        response = self.post(MonthlySummaryPage, self.months, month_data(self.owner), publish=False)
        assert response.status_code == 302
        page = MonthlySummaryPage.objects.get()
        assert not page.live

    def test_second_summary_for_the_same_month_is_refused(self):
        first = month_data(self.owner, no_procurement=True)
        assert self.post(MonthlySummaryPage, self.months, first).status_code == 302
        second = month_data(self.owner, rows=[row_data()], slug="again")
        errors = self.errors(self.post(MonthlySummaryPage, self.months, second))
        assert "มีสรุปผลของเดือนตุลาคม 2568" in errors["fiscal_month"]
        assert MonthlySummaryPage.objects.count() == 1

    def test_the_same_month_of_another_year_is_allowed(self):
        assert (
            self.post(MonthlySummaryPage, self.months, month_data(self.owner, no_procurement=True)).status_code == 302
        )
        other = month_data(self.owner, no_procurement=True, fiscal_year=2568, slug="2568-10")
        assert self.post(MonthlySummaryPage, self.months, other).status_code == 302

    def test_month_that_has_not_begun_is_refused(self):
        data = month_data(self.owner, no_procurement=True, fiscal_year=thai_dates.current_fiscal_year() + 1)
        errors = self.errors(self.post(MonthlySummaryPage, self.months, data))
        assert "ยังไม่ถึงเดือนนี้" in errors["fiscal_month"]

    def test_month_is_required(self):
        errors = self.errors(
            self.post(MonthlySummaryPage, self.months, month_data(self.owner, no_procurement=True, fiscal_month=""))
        )
        assert "fiscal_month" in errors

    def test_negative_amount_in_a_row_is_refused_on_the_row(self):
        response = self.post(
            MonthlySummaryPage, self.months, month_data(self.owner, rows=[row_data(agreed_price="-5.00")])
        )
        assert response.status_code == 200
        row_errors = response.context["form"].formsets["rows"].forms[0].errors
        assert "จำนวนเงินต้องไม่ติดลบ" in " ".join(row_errors["agreed_price"])
        assert not MonthlySummaryPage.objects.exists()

    def test_row_without_supplier_is_refused(self):
        response = self.post(MonthlySummaryPage, self.months, month_data(self.owner, rows=[row_data(supplier_name="")]))
        assert response.status_code == 200
        assert "supplier_name" in response.context["form"].formsets["rows"].forms[0].errors

    def test_missing_owner_unit_is_refused(self):
        errors = self.errors(self.post(MonthlySummaryPage, self.months, month_data(None, no_procurement=True)))
        assert "owner_unit" in errors

    def test_plan_without_dates_or_documents_is_refused(self):
        data = item_data(self.owner, title="แผน 2569", slug="plan-2569", category="plan", fiscal_year=2569)
        errors = self.errors(self.post(ProcurementPlanPage, self.plans, nested_form_data(data)))
        assert "วันที่ได้รับการจัดสรรงบประมาณ" in errors["budget_allocation_date"]
        assert "วันที่ประกาศเผยแพร่แผน" in errors["announcement_date"]
        assert "อย่างน้อยหนึ่งไฟล์" in errors["operating_budget_document"]

    def test_plan_announced_before_the_allocation_is_refused(self):
        data = item_data(
            self.owner,
            title="แผน 2569",
            slug="plan-2569",
            category="plan",
            fiscal_year=2569,
            budget_allocation_date="2025-11-05",
            announcement_date="2025-10-15",
            operating_budget_document=self.document.pk,
        )
        errors = self.errors(self.post(ProcurementPlanPage, self.plans, nested_form_data(data)))
        assert "ต้องไม่ก่อนวันที่ได้รับการจัดสรรงบประมาณ" in errors["announcement_date"]

    def test_quarterly_report_needs_its_quarter(self):
        data = item_data(
            self.owner,
            title="รายงานไตรมาส",
            slug="q",
            category="progress",
            fiscal_year=2569,
            investment_budget_document=self.document.pk,
        )
        errors = self.errors(self.post(ProcurementPlanPage, self.plans, nested_form_data(data)))
        assert "fiscal_quarter" in errors

    def test_moph_announcement_without_its_source_is_refused(self):
        data = item_data(
            self.owner,
            title="ประกาศ สป.สธ. 2560",
            slug="announcement",
            category="announcement",
            fiscal_year=2569,
            document=self.document.pk,
        )
        errors = self.errors(self.post(IntegrityStatementPage, self.integrity, nested_form_data(data)))
        assert "แหล่งที่มาของประกาศ" in errors["source"]

    def test_statement_without_signers_or_document_is_refused(self):
        data = item_data(self.owner, title="แบบแสดงความบริสุทธิ์ใจ", slug="s", category="over_100k", fiscal_year=2569)
        errors = self.errors(self.post(IntegrityStatementPage, self.integrity, nested_form_data(data)))
        assert "รายชื่อผู้ลงนาม" in errors["declarants"]
        assert "document" in errors

    def test_analysis_of_the_current_year_and_missing_components_are_refused(self):
        data = item_data(
            self.owner,
            title="วิเคราะห์",
            slug="a",
            fiscal_year=thai_dates.current_fiscal_year(),
            report_document=self.document.pk,
            risk_analysis="ความเสี่ยง",
            problems_analysis="",
            savings_analysis="",
            improvement_plan="",
        )
        errors = self.errors(self.post(ProcurementAnalysisPage, self.analyses, nested_form_data(data)))
        assert "ปีงบประมาณที่สิ้นสุดแล้ว" in errors["fiscal_year"]
        assert {"problems_analysis", "savings_analysis", "improvement_plan"} <= set(errors)

    def test_winner_announcement_without_winner_is_refused(self):
        data = item_data(
            self.owner,
            title="ประกาศผู้ชนะ",
            slug="w",
            category="winner",
            project_name="ซื้อเครื่องเอกซเรย์",
            method="e_bidding",
            period_start="2026-02-16",
            egp_project_number="69-0123",
        )
        errors = self.errors(self.post(ProcurementAnnouncementPage, self.announcements, nested_form_data(data)))
        assert "ผู้ชนะการเสนอราคา" in errors["winner_name"]
        assert "ราคาที่ตกลงซื้อหรือจ้าง" in errors["contract_amount"]
        assert "ตัวเลขเท่านั้น" in errors["egp_project_number"]

    def test_nothing_was_created_by_the_refused_posts(self):
        self.post(MonthlySummaryPage, self.months, month_data(self.owner))
        assert Page.objects.type(MonthlySummaryPage).count() == 0


class EditMonthTests(ProcurementAdminTestCase):
    def setUp(self):
        super().setUp()
        section = add_page(self.home, ProcurementIndexPage, title="จัดซื้อจัดจ้าง", slug="procurement")
        self.months = add_page(section, MonthlySummaryIndexPage, title="สขร.1", slug="monthly-summary")
        self.page = add_month(self.months, self.owner, 2569, 10, rows=[make_row(1)])
        self.row = self.page.rows.get()
        self.edit_url = reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def edit_data(self, delete_row, no_procurement):
        row = row_data(id=self.row.pk, **({"DELETE": "1"} if delete_row else {}))
        data = month_data(self.owner, no_procurement=no_procurement, slug=self.page.slug, title=self.page.title)
        data.update(nested_form_data({"rows": inline_formset([row], initial=1)}))
        data["action-publish"] = "action-publish"
        return data

    def test_add_and_edit_forms_show_the_month_the_flag_and_the_rows(self):
        response = self.client.get(self.add_url(MonthlySummaryPage, self.months))
        self.assertContains(response, "ไม่มีการจัดซื้อจัดจ้างในเดือนนี้")
        self.assertContains(response, "รายการจัดซื้อจัดจ้างของเดือน (แบบ สขร.1)")
        response = self.client.get(self.edit_url)
        self.assertContains(response, self.row.work)

    def test_keeping_the_saved_row_and_ticking_no_procurement_is_refused(self):
        response = self.client.post(self.edit_url, self.edit_data(delete_row=False, no_procurement=True))
        assert "ลบรายการ" in self.errors(response)["no_procurement"]
        assert self.page.rows.count() == 1

    def test_deleting_the_last_row_and_ticking_no_procurement_is_accepted(self):
        response = self.client.post(self.edit_url, self.edit_data(delete_row=True, no_procurement=True))
        assert response.status_code == 302
        page = MonthlySummaryPage.objects.get(pk=self.page.pk)
        assert page.no_procurement and page.rows.count() == 0

    def test_deleting_the_last_row_without_ticking_is_refused(self):
        response = self.client.post(self.edit_url, self.edit_data(delete_row=True, no_procurement=False))
        assert "กรอกรายการจัดซื้อจัดจ้างของเดือนนี้" in self.errors(response)["no_procurement"]

    def test_editing_a_month_does_not_clash_with_itself(self):
        response = self.client.post(self.edit_url, self.edit_data(delete_row=False, no_procurement=False))
        assert response.status_code == 302


class PreviewTests(ProcurementAdminTestCase):
    def test_preview_of_a_new_month_shows_its_rows_and_totals(self):
        section = add_page(self.home, ProcurementIndexPage, title="จัดซื้อจัดจ้าง", slug="procurement")
        months = add_page(section, MonthlySummaryIndexPage, title="สขร.1", slug="monthly-summary")
        url = reverse("wagtailadmin_pages:preview_on_add", args=["procurement", "monthlysummarypage", months.pk])
        data = month_data(self.owner, rows=[row_data(), row_data(work="จ้างซ่อมรถพยาบาล", agreed_price="5000.00")])
        assert self.client.post(url, data).json()["is_valid"]
        response = self.client.get(url)
        self.assertContains(response, "แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2568")
        self.assertContains(response, "จ้างซ่อมรถพยาบาล")
        self.assertContains(response, "65,000.00")  # total agreed price of the two rows
