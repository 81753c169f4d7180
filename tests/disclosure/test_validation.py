"""Bad input is refused with a Thai message on the field: required facts, sources, MOIT 2.1.1 and type rules."""

import re

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from wagtail.test.utils.form_data import inline_formset

import pytest

from disclosure.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    BudgetIndexPage,
    BudgetPage,
    ComplaintReportIndexPage,
    ComplaintReportPage,
    ExecutivesPage,
    ITAIndexPage,
    ITAYearPage,
    KnowledgeIndexPage,
    KnowledgePage,
    LawIndexPage,
    LawPage,
    MoitItem,
    NewsIndexPage,
    NewsPage,
    OIAEntry,
    OIAIndexPage,
    OrganisationInfoPage,
)
from tests.conftest import add_page

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def tree(home_page):
    return f.sections()


def th(msgid):
    """The Thai message people see for ``msgid``; fails if it has no Thai translation."""
    with translation.override("th"):
        text = translation.gettext(msgid)
    assert re.search("[\u0e00-\u0e7f]", text), f"no Thai for {msgid!r}"
    return text


def post_add(client, parent, model, data):
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    data = {**data, "action-publish": "action-publish"}
    return client.post(url, data)


def form_errors(response):
    """Errors of the page form and of its inline forms, as {field: [messages]}."""
    assert response.status_code == 200, "the form should be shown again with its errors"
    form = response.context["form"]
    errors = {field: [str(m) for m in messages] for field, messages in form.errors.items()}
    for name, formset in form.formsets.items():
        for child in formset.forms:
            for field, messages in child.errors.items():
                errors.setdefault(f"{name}.{field}", []).extend(str(m) for m in messages)
        for message in formset.non_form_errors():
            errors.setdefault(f"{name}.__all__", []).append(str(message))
    return errors


# -- R2.1 facts: owner unit, data period ---------------------------------------------------------


def test_a_missing_owner_unit_is_refused_on_its_field(admin_client, tree):
    laws = add_page(tree["transparency"], LawIndexPage, title="กฎหมาย", slug="laws")
    data = f.item_form(
        "พ.ร.บ.ข้อมูลข่าวสารของราชการ",
        "oia",
        None,
        category="act",
        period_start="09/12/2540",
        period_end="",
        source="ราชกิจจานุเบกษา",
        source_url="",
    )
    errors = form_errors(post_add(admin_client, laws, LawPage, data))
    assert "owner_unit" in errors
    assert not LawPage.objects.exists()


def test_a_data_period_that_ends_before_it_starts_is_refused(admin_client, tree):
    news = add_page(f.home(), NewsIndexPage, title="ข่าว", slug="news")
    data = f.item_form(
        "ข่าว",
        "n1",
        f.department(),
        category="news",
        listing_image="",
        period_start="10/10/2569",
        period_end="01/10/2569",
        gallery_images=inline_formset([]),
    )
    errors = form_errors(post_add(admin_client, news, NewsPage, data))
    # home's message (its Thai lives in the project catalog)
    assert errors["period_end"] == [translation.gettext("The end of the data period cannot be before its start.")]


# -- R1.10 / R1.11: sources ----------------------------------------------------------------------


def test_a_law_without_its_source_is_refused(admin_client, tree):
    laws = add_page(tree["transparency"], LawIndexPage, title="กฎหมาย", slug="laws")
    data = f.item_form(
        "พ.ร.บ.ข้อมูลข่าวสารของราชการ",
        "oia",
        f.department(),
        category="act",
        period_start="09/12/2540",
        period_end="",
        source="  ",
        source_url="",
    )
    errors = form_errors(post_add(admin_client, laws, LawPage, data))
    assert "source" in errors
    assert not LawPage.objects.exists()


def test_knowledge_without_source_or_date_is_refused(admin_client, home_page):
    knowledge = add_page(home_page, KnowledgeIndexPage, title="คลังความรู้", slug="knowledge")
    data = f.item_form(
        "ฝุ่น PM2.5",
        "pm25",
        f.department(),
        category="article",
        image="",
        video_url="",
        source="",
        period_start="",
        period_end="",
    )
    errors = form_errors(post_add(admin_client, knowledge, KnowledgePage, data))
    assert "source" in errors and "period_start" in errors


def test_an_infographic_needs_its_image_and_a_video_its_address(admin_client, home_page):
    knowledge = add_page(home_page, KnowledgeIndexPage, title="คลังความรู้", slug="knowledge")
    common = {"source": "กรมอนามัย", "period_start": "01/10/2569", "period_end": ""}
    errors = form_errors(
        post_add(
            admin_client,
            knowledge,
            KnowledgePage,
            f.item_form("อินโฟกราฟิก", "info", f.department(), category="infographic", image="", video_url="", **common),
        )
    )
    assert errors["image"] == ["เพิ่มรูปภาพอินโฟกราฟิก"]
    errors = form_errors(
        post_add(
            admin_client,
            knowledge,
            KnowledgePage,
            f.item_form("วิดีโอ", "video", f.department(), category="video", image="", video_url="", **common),
        )
    )
    assert errors["video_url"] == ["ระบุที่อยู่ของวิดีโอ"]


# -- MOIT 2.1.1: all four facts of every executive -----------------------------------------------

EXECUTIVE = {"full_name": "นายแพทย์ธนกร วงศ์ศรีสุข", "position": "ผู้อำนวยการโรงพยาบาลฮอด", "phone": "053-461-037 ต่อ 101"}
MESSAGES = {
    "photo": "เพิ่มรูปถ่ายผู้บริหาร: MOIT 2.1.1 กำหนดให้มีรูปถ่ายของผู้บริหารทุกคน",
    "full_name": "ระบุชื่อ-นามสกุลของผู้บริหาร: MOIT 2.1.1 กำหนดให้ต้องมี",
    "position": "ระบุตำแหน่งของผู้บริหาร: MOIT 2.1.1 กำหนดให้ต้องมี",
    "phone": "ระบุหมายเลขโทรศัพท์ของผู้บริหาร: MOIT 2.1.1 กำหนดให้ต้องมี",
}


@pytest.mark.parametrize("missing", ["photo", "full_name", "position", "phone"])
def test_each_of_the_four_executive_facts_is_required_with_its_own_thai_message(admin_client, tree, missing):
    row = {**EXECUTIVE, "photo": f.image().pk, missing: ""}
    data = f.item_form(
        "ทำเนียบผู้บริหาร",
        "executives",
        f.department(),
        period_start="01/10/2569",
        period_end="",
        executives=inline_formset([row], min=1),
    )
    errors = form_errors(post_add(admin_client, tree["about"], ExecutivesPage, data))
    assert errors[f"executives.{missing}"] == [MESSAGES[missing]]
    assert not ExecutivesPage.objects.exists()


def test_an_executives_directory_needs_at_least_one_executive(admin_client, tree):
    data = f.item_form(
        "ทำเนียบผู้บริหาร",
        "executives",
        f.department(),
        period_start="01/10/2569",
        period_end="",
        executives=inline_formset([], min=1),
    )
    errors = form_errors(post_add(admin_client, tree["about"], ExecutivesPage, data))
    assert "executives.__all__" in errors


# -- type rules ----------------------------------------------------------------------------------


def test_the_structure_page_needs_its_organisation_chart(admin_client, tree):
    data = f.item_form(
        "โครงสร้าง",
        "structure",
        f.department(),
        topic="structure",
        org_chart="",
        period_start="01/10/2569",
        period_end="",
    )
    errors = form_errors(post_add(admin_client, tree["about"], OrganisationInfoPage, data))
    assert errors["org_chart"] == ["เพิ่มแผนภูมิโครงสร้าง: หน้าโครงสร้างหน่วยงานต้องแสดงแผนภูมิเป็นรูปภาพ"]


def test_a_quarterly_report_needs_its_quarter_and_a_plan_has_none(admin_client, tree):
    index = add_page(tree["plans"], ActionPlanIndexPage, title="แผนปฏิบัติการ", slug="action-plan")
    common = {"fiscal_year": 2569, "fiscal_month": ""}
    errors = form_errors(
        post_add(
            admin_client,
            index,
            ActionPlanPage,
            f.item_form("รายงาน", "r", f.department(), category="report", fiscal_quarter="", **common),
        )
    )
    assert errors["fiscal_quarter"] == [th("Choose the quarter this report covers.")]
    errors = form_errors(
        post_add(
            admin_client,
            index,
            ActionPlanPage,
            f.item_form("แผน", "p", f.department(), category="plan", fiscal_quarter=2, **common),
        )
    )
    assert errors["fiscal_quarter"] == ["แผนประจำปีครอบคลุมทั้งปีงบประมาณ: ไม่ต้องระบุไตรมาสและเดือน"]


def test_a_spending_report_needs_the_amount_spent_and_amounts_are_not_negative(admin_client, tree):
    index = add_page(tree["plans"], BudgetIndexPage, title="งบประมาณ", slug="budget")
    data = f.item_form(
        "รายงานผลการใช้จ่าย",
        "r",
        f.department(),
        category="report",
        fiscal_year=2569,
        fiscal_quarter=1,
        fiscal_month="",
        allocated_amount="-5",
        spent_amount="",
    )
    errors = form_errors(post_add(admin_client, index, BudgetPage, data))
    assert "allocated_amount" in errors
    assert errors["spent_amount"] == ["ระบุจำนวนเงินที่ใช้จ่าย: รายงานผลการใช้จ่ายต้องแสดงจำนวนนี้"]
    assert not BudgetPage.objects.exists()


def test_complaint_counts_must_add_up(admin_client, tree):
    index = add_page(tree["transparency"], ComplaintReportIndexPage, title="รายงาน", slug="reports")
    data = f.item_form(
        "สรุปผล",
        "s",
        f.department(),
        round="6",
        category="service",
        fiscal_year=2569,
        received_count=5,
        resolved_count=4,
        in_progress_count=3,
        analysis="",
    )
    errors = form_errors(post_add(admin_client, index, ComplaintReportPage, data))
    assert errors["resolved_count"] == ["จำนวนเรื่องที่ดำเนินการแล้วเสร็จรวมกับที่อยู่ระหว่างดำเนินการต้องไม่เกินจำนวนเรื่องที่รับ"]


def test_a_job_posting_needs_its_closing_date(admin_client, home_page):
    news = add_page(home_page, NewsIndexPage, title="ข่าว", slug="news")
    data = f.item_form(
        "รับสมัครพยาบาล",
        "job",
        f.department(),
        category="job",
        listing_image="",
        period_start="01/12/2569",
        period_end="",
        gallery_images=inline_formset([]),
    )
    errors = form_errors(post_add(admin_client, news, NewsPage, data))
    assert errors["period_end"] == ["ระบุวันปิดรับสมัคร"]


def test_an_information_centre_entry_must_link_a_page_or_a_document(admin_client, tree):
    data = f.item_form(
        "ศูนย์ข้อมูลข่าวสาร",
        "oia",
        f.department(),
        period_start="01/10/2569",
        period_end="",
        request_instructions="",
        request_page="",
        entries=inline_formset(
            [{"section": "7_1", "title": "โครงสร้าง", "description": "", "linked_page": "", "document": ""}]
        ),
    )
    errors = form_errors(post_add(admin_client, tree["transparency"], OIAIndexPage, data))
    assert errors["entries.linked_page"] == ["เลือกหน้าหรือเอกสารที่มีข้อมูลข่าวสารนี้"]
    with pytest.raises(ValidationError):
        OIAEntry(section="9_1", title="ไม่มีลิงก์").clean()


# -- ITA -----------------------------------------------------------------------------------------


def test_an_ita_year_without_moit_items_is_refused(admin_client, tree):
    index = add_page(tree["transparency"], ITAIndexPage, title="ITA", slug="ita")
    data = f.item_form("ITA 2560", "ita-2560", f.department(), fiscal_year=2560, evidence=inline_formset([]))
    errors = form_errors(post_add(admin_client, index, ITAYearPage, data))
    assert errors["fiscal_year"] == ["ยังไม่มีรายการ MOIT ของปีงบประมาณนี้ โปรดเพิ่มที่เมนูรายการ MOIT ก่อน"]


def test_only_one_ita_page_per_fiscal_year(admin_client, tree):
    index = add_page(tree["transparency"], ITAIndexPage, title="ITA", slug="ita")
    add_page(index, ITAYearPage, title="ITA 2569", slug="ita-2569", fiscal_year=2569, owner_unit=f.department())
    data = f.item_form("ITA 2569 ซ้ำ", "ita-2569-again", f.department(), fiscal_year=2569, evidence=inline_formset([]))
    errors = form_errors(post_add(admin_client, index, ITAYearPage, data))
    assert errors["fiscal_year"] == ["มีหน้า ITA ของปีงบประมาณนี้อยู่แล้ว"]


def test_evidence_must_link_something(admin_client, tree):
    index = add_page(tree["transparency"], ITAIndexPage, title="ITA", slug="ita")
    data = f.item_form(
        "ITA 2569",
        "ita-2569",
        f.department(),
        fiscal_year=2569,
        evidence=inline_formset(
            [
                {
                    "moit_number": 5,
                    "label": "สขร.1 ตุลาคม",
                    "linked_page": "",
                    "document": "",
                    "url": "",
                    "fiscal_quarter": 1,
                    "fiscal_month": 11,
                }
            ]
        ),
    )
    errors = form_errors(post_add(admin_client, index, ITAYearPage, data))
    assert errors["evidence.linked_page"] == ["เลือกหน้าหรือเอกสาร หรือระบุที่อยู่เว็บภายนอก"]


def test_moit_item_rules(db):
    item = MoitItem(fiscal_year=2569, number=23, title="x", indicator=1, indicator_title="x", frequency="yearly")
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert {"number", "due_quarters"} <= set(error.value.message_dict)
    item = MoitItem(
        fiscal_year=2569,
        number=15,
        title="x",
        indicator=7,
        indicator_title="x",
        frequency="fixed_date",
        due_date=f.aware(2026, 11, 30).date(),
    )
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert error.value.message_dict["due_date"] == ["วันที่ต้องส่งต้องอยู่ในปีงบประมาณของรายการ"]
    duplicate = MoitItem(
        fiscal_year=2569, number=1, title="ซ้ำ", indicator=1, indicator_title="x", frequency="yearly", due_quarters="1"
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert error.value.message_dict["number"] == ["ปีงบประมาณนี้มีรายการ MOIT ข้อนี้อยู่แล้ว"]


def test_moit_items_are_edited_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_disclosure_moititem:list") + "?fiscal_year=2569")
    assert response.status_code == 200
    item = MoitItem.objects.get(fiscal_year=2569, number=20)
    response = admin_client.get(reverse("wagtailsnippets_disclosure_moititem:edit", args=[item.pk]))
    assert response.status_code == 200
    assert "วันต่อต้านคอรัปชั่นสากล" in response.content.decode()
