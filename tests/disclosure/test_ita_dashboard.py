"""The ITA/MOIT dashboard (R3.4): statuses per due period, who may see it, the public ITA page, the
exports and the provider that publishing's reports read through home.compliance (website completeness:
``test_ita_completeness``)."""

import csv
import datetime as dt
import io

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest
from freezegun import freeze_time
from openpyxl import load_workbook

from disclosure.ita.completeness import (
    completeness_checks,
)
from disclosure.ita.provider import provider
from disclosure.ita.report import SECTION_FOR_ITEM, year_report
from disclosure.ita.statuses import NOT_DUE
from disclosure.models import (
    ComplaintReportIndexPage,
    ITAEvidence,
    NewsIndexPage,
)
from home import compliance
from home.models import StandardPage
from home.roles import DIRECTOR, WEBMASTERS
from tests.conftest import add_page
from tests.disclosure import factories
from tests.disclosure.ita_fixtures import FY, doc, ita_page, item, make_user, slot_statuses

pytestmark = pytest.mark.django_db
OIA_REF = "พ.ร.บ.ข้อมูลข่าวสารฯ มาตรา 7 และ 9"


# -- statuses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "q2_status", "overall"),
    [
        ("2026-01-10", compliance.STATUS_MISSING, compliance.STATUS_MISSING),  # Q2 running, due 31 Mar
        ("2026-03-10", compliance.STATUS_DUE_SOON, compliance.STATUS_DUE_SOON),  # 21 days before the end of Q2
        ("2026-04-05", compliance.STATUS_OVERDUE, compliance.STATUS_OVERDUE),  # Q2 over, nothing linked
    ],
)
def test_a_period_without_evidence_is_missing_then_due_soon_then_overdue(site_tree, today, q2_status, overall):
    with freeze_time(today):
        ita_page(site_tree, [])
        report = year_report(FY)
    complaints = item(report, 10)  # half-yearly: Q2 and Q4
    assert [slot.status for slot in complaints.slots] == [q2_status, NOT_DUE]
    assert complaints.status == overall


def test_due_soon_window_is_a_setting(site_tree, settings):
    settings.ITA_DUE_SOON_DAYS = 10
    with freeze_time("2026-03-10"):
        ita_page(site_tree, [])
        assert slot_statuses(year_report(FY), 10)[0] == compliance.STATUS_MISSING


def test_evidence_of_the_period_completes_it_and_old_evidence_is_out_of_date(site_tree):
    with freeze_time("2026-04-20"):
        current = doc("สรุปผลเรื่องร้องเรียน รอบ 6 เดือน 2569", dt.date(2025, 10, 1), dt.date(2026, 3, 31))
        old = doc("สรุปผลเรื่องร้องเรียน รอบ 6 เดือน 2567", dt.date(2023, 10, 1), dt.date(2024, 3, 31))
        ita_page(
            site_tree,
            [
                ITAEvidence(moit_number=10, label="10.1 รอบ 6 เดือน", fiscal_quarter=2, document=current),
                ITAEvidence(moit_number=22, label="22.1 แนวปฏิบัติ", fiscal_quarter=2, document=old),
            ],
        )
        report = year_report(FY)
    assert slot_statuses(report, 10) == [compliance.STATUS_COMPLETE, NOT_DUE]
    assert item(report, 10).status == compliance.STATUS_COMPLETE
    stale = item(report, 22).slots[0]
    assert stale.status == compliance.STATUS_OUT_OF_DATE
    assert "ไม่ครอบคลุม" in stale.evidence[0].note
    assert item(report, 10).sub_items[0][2] is True and item(report, 10).sub_items[1][2] is False


def test_monthly_items_need_evidence_for_each_month(site_tree):
    with freeze_time("2025-12-05"):
        october = doc("แบบ สขร.1 ตุลาคม 2568", dt.date(2025, 10, 1), dt.date(2025, 10, 31))
        ita_page(site_tree, [ITAEvidence(moit_number=5, label="5.2 สขร.1 ตุลาคม", fiscal_month=10, document=october)])
        statuses = slot_statuses(year_report(FY), 5)
    assert len(statuses) == 12
    assert statuses[:3] == [compliance.STATUS_COMPLETE, compliance.STATUS_OVERDUE, compliance.STATUS_DUE_SOON]
    assert statuses[-1] == NOT_DUE


def test_draft_private_and_expired_pages_do_not_count(site_tree):
    with freeze_time("2026-04-20"):
        reports = add_page(
            site_tree["transparency"], ComplaintReportIndexPage, title="รายงานเรื่องร้องเรียน", slug="complaint-reports"
        )
        draft = add_page(site_tree["about"], StandardPage, title="ร่างแนวปฏิบัติ", slug="draft", publish=False)
        private = add_page(site_tree["about"], StandardPage, title="ภายในเท่านั้น", slug="private")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        expired = add_page(site_tree["about"], StandardPage, title="หมดอายุแล้ว", slug="expired")
        Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - dt.timedelta(days=1))
        ita_page(
            site_tree,
            [
                ITAEvidence(moit_number=9, label="9.1 ร่าง", linked_page=draft),
                ITAEvidence(moit_number=14, label="14.2 ภายใน", linked_page=private),
                ITAEvidence(moit_number=6, label="6.1 นโยบาย", linked_page=expired),
            ],
        )
        report = year_report(FY)
    assert item(report, 9).status == compliance.STATUS_OVERDUE  # yearly item due in Q1
    assert item(report, 9).slots[0].evidence[0].state == "not_public"
    assert item(report, 14).slots[0].evidence[0].public is False
    assert item(report, 6).status == compliance.STATUS_OUT_OF_DATE
    assert ("disclosure", "complaintreportindexpage") == SECTION_FOR_ITEM[10]
    add_links = [url for _label, url in item(report, 10).fix_links]
    assert reverse("wagtailadmin_pages:add_subpage", args=[reports.pk]) in add_links
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in [url for _l, url in item(report, 9).fix_links]


def test_evidence_of_an_unpublished_ita_page_counts_for_nobody(site_tree):
    with freeze_time("2025-10-20"):
        october = doc("แบบ สขร.1 ตุลาคม 2568", dt.date(2025, 10, 1), dt.date(2025, 10, 31))
        ita_page(
            site_tree, [ITAEvidence(moit_number=5, label="สขร.1", fiscal_month=10, document=october)], publish=False
        )
        report = year_report(FY)
    assert report.ita_page is not None and not report.ita_page.live
    assert slot_statuses(report, 5)[0] == compliance.STATUS_DUE_SOON


# -- who may see the dashboard ------------------------------------------------------------------


@pytest.fixture
def roles(site_tree):
    from home.models import Department
    from publishing.setup import setup_roles

    site_tree["news"] = add_page(factories.home(), NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    setup_roles()  # the PR unit's editors and head may add news under /news/
    pr = Department.objects.get(name="งานประชาสัมพันธ์")
    return {
        "admin": make_user("admin", superuser=True),
        "director": make_user("director", Group.objects.get(name=DIRECTOR)),
        "webmaster": make_user("webmaster", Group.objects.get(name=WEBMASTERS)),
        "webmaster2": make_user("webmaster2", Group.objects.get(name=WEBMASTERS)),
        "head": make_user("head", pr.head_group),
        "editor": make_user("editor", pr.editor_group),
    }


@pytest.mark.parametrize(
    ("role", "code", "fix_links"),
    [
        ("admin", 200, True),
        ("director", 200, False),
        ("webmaster", 200, True),
        ("webmaster2", 200, True),
        ("head", 200, True),
        ("editor", 302, False),
    ],
)
def test_dashboard_access_by_role(client, roles, role, code, fix_links):
    """Director, webmasters, admin and heads see the dashboard; editors are refused (Wagtail turns
    PermissionDenied into a redirect to the admin home with a message). Fix links show only where the
    user may act: the director approves but edits nothing; the PR head's unit is responsible for the
    ITA section (R1.13 row of the responsibility table), so the head may add its year page."""
    with freeze_time("2026-04-20"):
        client.force_login(roles[role])
        response = client.get(reverse("disclosure_ita_dashboard"), {"fy": FY})
        assert response.status_code == code
        export = client.get(reverse("disclosure_ita_export", args=[FY, "xlsx"]))
        assert export.status_code == code
        home = client.get(reverse("wagtailadmin_home"))
    if code == 302:
        assert response["Location"] == export["Location"] == reverse("wagtailadmin_home")
        assert not export.get("Content-Disposition")
        assert reverse("disclosure_ita_dashboard") not in home.content.decode()
        return
    html = response.content.decode()
    assert "MOIT 22" in html and "ความครบถ้วนของเว็บไซต์" in html
    assert ("เพิ่มหน้า ITA ของปีงบประมาณนี้" in html) is fix_links
    assert ("/admin/settings/home/contactsettings/" in html) is (role == "admin")
    assert export["Content-Disposition"] == 'attachment; filename="ita-2569.xlsx"'
    assert reverse("disclosure_ita_dashboard") in home.content.decode()


def test_heads_see_fix_links_into_their_own_sections(client, roles, site_tree):
    add_news = reverse("wagtailadmin_pages:add", args=["disclosure", "newspage", site_tree["news"].pk])
    assert site_tree["news"].permissions_for_user(roles["head"]).can_add_subpage()
    client.force_login(roles["head"])
    assert add_news in client.get(reverse("disclosure_ita_dashboard"), {"fy": FY}).content.decode()
    client.force_login(roles["director"])
    assert add_news not in client.get(reverse("disclosure_ita_dashboard"), {"fy": FY}).content.decode()


def test_anonymous_users_are_sent_to_log_in(client, site_tree):
    response = client.get(reverse("disclosure_ita_dashboard"))
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get(reverse("disclosure_ita_export", args=[FY, "csv"])).status_code == 302


def test_dashboard_switches_year_and_refuses_bad_input_in_thai(client, roles):
    client.force_login(roles["director"])
    with freeze_time("2026-04-20"):
        response = client.get(reverse("disclosure_ita_dashboard"), {"fy": "2567"})
        assert response.context["fy"] == 2567
        assert "หน่วยงานมีการอบรมให้ความรู้ภายในหน่วยงานเรื่องผลประโยชน์ทับซ้อน" in response.content.decode()
        bad = client.get(reverse("disclosure_ita_dashboard"), {"fy": "abc"})
    assert bad.status_code == 200 and bad.context["fy"] == FY
    assert "ไม่ใช่ปีงบประมาณ" in bad.content.decode()


def test_dashboard_shows_whether_evidence_has_its_publication_form(client, roles, site_tree):
    with freeze_time("2026-04-20"):
        guide = add_page(site_tree["about"], StandardPage, title="คู่มือร้องเรียน", slug="guide")
        infographic = add_page(site_tree["about"], StandardPage, title="อินโฟกราฟิก", slug="infographic")
        ita_page(
            site_tree,
            [
                ITAEvidence(moit_number=9, label="9.1 คู่มือการร้องเรียน", linked_page=guide),
                ITAEvidence(moit_number=2, label="2.6 อินโฟกราฟิกคณะกรรมการจริยธรรม", linked_page=infographic),
            ],
        )
        client.force_login(roles["webmaster"])
        before = client.get(reverse("disclosure_ita_dashboard"), {"fy": FY}).content.decode()
        fake = lambda page: f"/admin/publishing/form/{page.pk}.pdf" if page.pk == guide.pk else ""  # noqa: E731
        compliance.register_request_form(fake)
        try:
            after = client.get(reverse("disclosure_ita_dashboard"), {"fy": FY}).content.decode()
        finally:
            compliance._request_form_sources.remove(fake)
    assert "ไม่มีแบบฟอร์มการขอเผยแพร่" in before and f"/admin/publishing/form/{guide.pk}.pdf" not in before
    assert f"/admin/publishing/form/{guide.pk}.pdf" in after
    assert "อินโฟกราฟิก ไม่ต้องมีแบบฟอร์ม" in after


# -- public page and exports --------------------------------------------------------------------


def test_public_page_shows_only_live_evidence_and_exports_absolute_urls(client, site_tree):
    with freeze_time("2026-04-20"):
        live = add_page(site_tree["about"], StandardPage, title="ช่องทางการร้องเรียน", slug="channels")
        draft = add_page(site_tree["about"], StandardPage, title="ร่างคู่มือลับ", slug="secret-draft", publish=False)
        page = ita_page(
            site_tree,
            [
                ITAEvidence(moit_number=9, label="9.3 ช่องทางการร้องเรียน", linked_page=live),
                ITAEvidence(moit_number=14, label="14.2 ร่างคู่มือลับ", linked_page=draft),
            ],
        )
        response = client.get(page.url)
        html = response.content.decode()
        assert response.status_code == 200
        assert "9.3 ช่องทางการร้องเรียน" in html and live.url in html
        assert "ร่างคู่มือลับ" not in html and "secret-draft" not in html
        assert "มีหลักฐาน 1 จาก 22 รายการ" in html  # the draft's item is not counted either
        assert "เลยกำหนด" in html  # MOIT 5 months with nothing linked
        xlsx = client.get(page.url + "export/xlsx/")
        csv_response = client.get(page.url + "export/csv/")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    header = rows.index(next(r for r in rows if r and r[0] == "MOIT"))
    body = rows[header + 1 :]
    assert {r[0] for r in body} == {f"MOIT {n}" for n in range(1, 23)}
    urls = [r[6] for r in body if r[6]]
    assert urls == ["http://testserver" + live.url]
    assert not any("ร่างคู่มือลับ" in str(cell) for r in rows for cell in r)
    assert len(rows[header]) == 7  # no status or notes columns for the public
    text = csv_response.content.decode("utf-8-sig")
    assert "http://testserver" + live.url in text and "ร่างคู่มือลับ" not in text
    assert next(csv.reader(io.StringIO(text)))[0] == "MOIT"


def test_admin_export_lists_status_and_notes(client, roles, site_tree):
    with freeze_time("2026-04-20"):
        draft = add_page(site_tree["about"], StandardPage, title="ร่าง", slug="draft-guide", publish=False)
        ita_page(site_tree, [ITAEvidence(moit_number=9, label="9.1 ร่างคู่มือ", linked_page=draft)])
        client.force_login(roles["director"])
        response = client.get(reverse("disclosure_ita_export", args=[FY, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "ปีงบประมาณ พ.ศ. 2569" in rows[0][0]
    moit9 = [r for r in rows if r[0] == "MOIT 9"]
    assert moit9[0][5] == "9.1 ร่างคู่มือ" and moit9[0][7] == "เลยกำหนด"
    assert "ไม่ได้เผยแพร่" in moit9[0][9]


# -- the provider publishing reads --------------------------------------------------------------


def test_provider_is_registered_and_lists_gaps_and_what_is_due(site_tree):
    assert provider in compliance._providers
    with freeze_time("2026-03-10"):
        ita_page(site_tree, [])
        today = timezone.localdate()
        gaps = compliance.gaps(FY, today)
        due = compliance.due_between(dt.date(2026, 3, 1), dt.date(2026, 3, 31), today)
    codes = {gap.code for gap in gaps}
    assert {
        "MOIT 5",
        "MOIT 10",
        "MOIT 2.1.1",
        "MOIT 12.1",
        "MOIT 2.1.6",
        OIA_REF,
        "นโยบายเว็บไซต์",
        "ประกาศโรงพยาบาล ข้อ 3.1",
    } <= codes
    assert "MOIT 2.1.7" not in codes  # the fixture's contact block is complete
    overdue = [g for g in gaps if g.code == "MOIT 5" and g.status == compliance.STATUS_OVERDUE]
    assert [g.period for g in overdue][:2] == ["ตุลาคม 2568", "พฤศจิกายน 2568"]
    assert all(g.status_label in ("เลยกำหนด", "ใกล้ครบกำหนด", "ยังไม่มี", "ไม่เป็นปัจจุบัน") for g in gaps)
    assert {g.code for g in due} >= {"MOIT 5", "MOIT 10", "MOIT 17", "MOIT 22"}
    assert all(dt.date(2026, 3, 1) <= g.due <= dt.date(2026, 3, 31) for g in due)
    assert all(g.status == compliance.STATUS_DUE_SOON for g in due)
    assert [g.due for g in due] == sorted(g.due for g in due)
    assert all(g.fix_url.startswith("/admin/") for g in due)


def test_past_years_report_slot_gaps_only(site_tree):
    with freeze_time("2026-03-10"):
        gaps = compliance.gaps(2567, timezone.localdate())
    assert gaps and all(g.code.startswith("MOIT") and g.status == compliance.STATUS_OVERDUE for g in gaps)


# -- the demo hospital --------------------------------------------------------------------------


def test_the_demo_shows_its_real_gaps(client):
    """The demo links evidence for a few items only; the dashboard must say so, not fake completeness."""
    from tests.demo.test_disclosure import build

    with freeze_time("2026-11-26"):  # FY2570, quarter 1
        build()
        report = year_report(2570)
        statuses = {status.item.number: status.status for status in report.items}
        checks = {check.key: check.passed for check in completeness_checks(2570)}
        last_year = {check.key: check.passed for check in completeness_checks(2569)}
        gaps = compliance.gaps(2570, timezone.localdate())
        public = client.get(report.ita_page.url)
    assert statuses[1] == statuses[9] == statuses[12] == compliance.STATUS_COMPLETE
    assert statuses[5] == compliance.STATUS_OVERDUE  # no แบบ สขร.1 for October 2569: procurement not loaded here
    assert statuses[15] == compliance.STATUS_DUE_SOON  # the anti-corruption plan is due 30 November
    assert checks["contact"] and checks["executives"] and checks["no_gift"] and checks["news"]
    assert checks["oia"]  # the demo's information centre answers every section of s.7 and s.9
    # FY2569's No Gift Policy was on the home page in FY2569; the page now rightly shows FY2570's.
    assert last_year["no_gift"]
    assert {"MOIT 5", "MOIT 15"} <= {gap.code for gap in gaps} and OIA_REF not in {gap.code for gap in gaps}
    assert public.status_code == 200 and "ครบถ้วน" in public.content.decode()


# -- MOIT items of a new fiscal year ------------------------------------------------------------


def test_fy2568_items_are_fy2567_moved_on_by_copy_year():
    """The migration's FY2568 is what ``copy_year(2567, 2568)`` makes, except the curriculum's edition year
    in MOIT 20 ("(ฉบับปรับปรุง) พ.ศ.2566"), a document date that must not move (spec §1.3)."""
    from disclosure.models import MoitItem

    fy68 = {i.number: i for i in MoitItem.objects.filter(fiscal_year=2568)}
    MoitItem.objects.filter(fiscal_year=2568).delete()
    assert MoitItem.copy_year(2567, 2568) == 22
    copied = {i.number: i for i in MoitItem.objects.filter(fiscal_year=2568)}
    for number, original in fy68.items():
        fields = ("frequency", "due_quarters", "due_date", "indicator", "indicator_title", "sub_items")
        assert [getattr(copied[number], f) for f in fields] == [getattr(original, f) for f in fields]
        if number != 20:
            assert copied[number].title == original.title, number
    assert copied[20].title.endswith("พ.ศ.2567") and fy68[20].title.endswith("พ.ศ.2566")


def test_a_year_without_items_can_be_created_from_the_last_one(client, roles):
    url = reverse("disclosure_ita_dashboard")
    client.force_login(roles["webmaster"])  # no permission to add MOIT items: no button, refused
    page = client.get(url, {"fy": 2571}).content.decode()
    assert reverse("disclosure_ita_copy_year") not in page
    refused = client.post(reverse("disclosure_ita_copy_year"), {"fy": 2571})
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    client.force_login(roles["admin"])
    assert client.get(reverse("disclosure_ita_copy_year")).status_code == 405
    page = client.get(url, {"fy": 2571}).content.decode()
    assert reverse("disclosure_ita_copy_year") in page and "2569" in page
    response = client.post(reverse("disclosure_ita_copy_year"), {"fy": 2571}, follow=True)
    from disclosure.models import MoitItem

    assert MoitItem.objects.filter(fiscal_year=2571).count() == 22
    assert "2571" in MoitItem.objects.get(fiscal_year=2571, number=4).title
    assert "สร้างรายการ MOIT 22 รายการ" in response.content.decode()
    again = client.post(reverse("disclosure_ita_copy_year"), {"fy": "abc"}, follow=True)
    assert "ไม่ใช่ปีงบประมาณ" in again.content.decode()


def test_the_preview_of_an_ita_page_shows_its_own_draft_evidence(client, site_tree, superuser):
    with freeze_time("2026-04-20"):
        guide = add_page(site_tree["about"], StandardPage, title="คู่มือการร้องเรียน", slug="guide")
        page = ita_page(site_tree, [])
        page.evidence.add(ITAEvidence(moit_number=9, label="9.1 คู่มือใหม่ในร่าง", linked_page=guide))
        page.save_revision()
        client.force_login(superuser)
        live = client.get(page.url).content.decode()
        preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])).content.decode()
    assert "9.1 คู่มือใหม่ในร่าง" not in live
    assert "9.1 คู่มือใหม่ในร่าง" in preview


def test_pages_of_live_system_data_are_never_out_of_date(site_tree, monkeypatch):
    """The online complaint form or the survey results published years ago still answer this year's
    item; an ordinary page published as long ago is out of date."""
    with freeze_time("2024-01-10"):
        old_page = add_page(site_tree["about"], StandardPage, title="ช่องทางร้องเรียนออนไลน์", slug="online")
    with freeze_time("2026-04-20"):
        ita_page(site_tree, [ITAEvidence(moit_number=6, label="6.1 นโยบาย", linked_page=old_page)])
        assert item(year_report(FY), 6).status == compliance.STATUS_OUT_OF_DATE
        monkeypatch.setattr(StandardPage, "live_data", True, raising=False)
        assert item(year_report(FY), 6).status == compliance.STATUS_COMPLETE


def test_eservice_pages_declare_live_data():
    from eservices.models import ComplaintFormPage, ComplaintStatisticsPage, FeedbackPage, StatisticsPage

    assert all(model.live_data for model in (ComplaintFormPage, ComplaintStatisticsPage, FeedbackPage, StatisticsPage))
