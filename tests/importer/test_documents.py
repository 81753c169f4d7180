"""import_documents: a folder and a sheet -> item pages with their files and facts, all rows or none."""

import io

from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

import pytest
from openpyxl import load_workbook

from home.compliance import IMPORTED_ACTION
from home.models import HospitalDocument
from importer.models import ImportedItem

from .conftest import FIXTURES

FOLDER = FIXTURES / "documents"
GOOD = FIXTURES / "documents.xlsx"
BAD = FIXTURES / "documents-bad.csv"


def run(sheet, tmp_path, *extra):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_documents", str(FOLDER), str(sheet), "--xlsx", str(tmp_path / "r.xlsx"), *extra, stdout=out, stderr=err
    )
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_rows_become_item_pages_with_their_facts_and_file(documents_site, tmp_path):
    from disclosure.models import ActionPlanPage, NewsPage

    output, _err = run(GOOD, tmp_path)
    plan = ActionPlanPage.objects.get(title="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567")
    assert plan.live and plan.get_parent().pk == documents_site["action_plans"].pk
    assert plan.owner_unit == documents_site["strategy"] and plan.fiscal_year == 2567 and plan.category == "plan"
    assert plan.intro == "แผนปฏิบัติการของโรงพยาบาลฮอด"
    assert timezone.localtime(plan.first_published_at).date().isoformat() == "2023-10-16"  # 16/10/2566 before
    [document] = plan.documents()
    assert document.file.read(5) == b"%PDF-" and document.owner_unit == documents_site["strategy"]
    report = ActionPlanPage.objects.get(title__contains="ไตรมาสที่ 1/2567")
    assert report.category == "report" and report.fiscal_quarter == 1
    news = NewsPage.objects.get(title__contains="ทอดกฐิน")
    assert (news.period_start.isoformat(), news.period_end.isoformat()) == ("2023-10-01", "2023-10-31")
    assert PageLogEntry.objects.filter(page=news, action=IMPORTED_ACTION, data__source="sheet").exists()
    assert "XLSX" in output and (tmp_path / "r.xlsx").exists()


@pytest.mark.django_db
def test_moit_rows_become_evidence_of_that_years_ita_page(documents_site, tmp_path):
    from disclosure.models import ActionPlanPage, ITAYearPage

    run(GOOD, tmp_path)
    year = ITAYearPage.objects.get(fiscal_year=2567)
    assert year.live and year.get_parent().pk == documents_site["ita"].pk
    evidence = {(e.moit_number, e.label, e.linked_page_id, e.fiscal_quarter) for e in year.evidence.all()}
    plan = ActionPlanPage.objects.get(title="แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. 2567")
    report = ActionPlanPage.objects.get(title__contains="ไตรมาสที่ 1/2567")
    assert evidence == {
        (9, plan.title, plan.pk, None),
        (10, f"10.1 {report.title}", report.pk, 1),
    }
    # The evidence is in the page's latest revision too, so the next edit in the admin keeps it.
    assert year.get_latest_revision_as_object().evidence.count() == 2


@pytest.mark.django_db
def test_a_second_run_adds_nothing(documents_site, tmp_path):
    from disclosure.models import ITAYearPage

    run(GOOD, tmp_path)
    counts = (Page.objects.count(), HospitalDocument.objects.count(), ImportedItem.objects.count())
    output, _err = run(GOOD, tmp_path)
    assert (Page.objects.count(), HospitalDocument.objects.count(), ImportedItem.objects.count()) == counts
    assert ITAYearPage.objects.get(fiscal_year=2567).evidence.count() == 2
    assert "[ไม่เปลี่ยนแปลง] แถวที่ 2" in output


@pytest.mark.django_db
def test_one_bad_row_and_nothing_is_imported_every_problem_named(documents_site, tmp_path):
    pages_before = Page.objects.count()
    with pytest.raises(CommandError, match="ไม่ได้นำเข้าสิ่งใด"):
        run(BAD, tmp_path)
    assert Page.objects.count() == pages_before
    assert not HospitalDocument.objects.exists() and not ImportedItem.objects.exists()
    # The XLSX lists the refused rows with their problems, for whoever corrects the sheet.
    rows = list(load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows(values_only=True))
    refused = {r[0]: r[5] for r in rows if r[3] == "ไม่นำเข้า (ปฏิเสธ)"}
    assert "แถวที่ 2" not in refused and "missing-file.pdf" in refused["แถวที่ 3"]


@pytest.mark.django_db
def test_each_bad_row_is_refused_by_row_and_column(documents_site, tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_documents",
            str(FOLDER),
            str(BAD),
            "--xlsx",
            str(tmp_path / "r.xlsx"),
            stdout=io.StringIO(),
            stderr=err,
        )
    lines = err.getvalue().splitlines()

    def problems(row):
        return " | ".join(line for line in lines if line.startswith(f"แถวที่ {row},"))

    assert problems(2) == ""  # the good row has nothing to correct
    assert "คอลัมน์ “ไฟล์”" in problems(3) and "missing-file.pdf" in problems(3)
    assert "คอลัมน์ “ปีงบประมาณ”" in problems(4)
    assert "คอลัมน์ “หมวด”" in problems(5) and "/no-such-section/" in problems(5)
    assert "คอลัมน์ “หน่วยงานเจ้าของข้อมูล”" in problems(6)
    assert "มาโคร" in problems(7)
    assert "ไม่ใช่ไฟล์ PDF จริง" in problems(8)
    assert "คอลัมน์ “ไตรมาส”" in problems(9)
    assert "คอลัมน์ “ข้อ MOIT”" in problems(10)
    assert "คอลัมน์ “ข้อ MOIT”" in problems(11) and "2560" in problems(11)
    assert "คอลัมน์ “ข้อมูลตั้งแต่วันที่”" in problems(12)
    assert "แถวที่ 2" in problems(13)  # the same file in the same section again
    assert "คอลัมน์ “ไตรมาส”" in problems(14) and "ทั้งปีงบประมาณ" in problems(14)
    assert "คอลัมน์ “ชื่อเรื่อง”" in problems(15)


@pytest.mark.django_db
def test_a_dry_run_checks_and_saves_nothing(documents_site, tmp_path):
    pages_before = Page.objects.count()
    output, _err = run(GOOD, tmp_path, "--dry-run")
    assert "3" in output and Page.objects.count() == pages_before and not HospitalDocument.objects.exists()


@pytest.mark.django_db
def test_a_sheet_without_the_required_columns_is_refused(documents_site, tmp_path):
    sheet = tmp_path / "short.csv"
    sheet.write_text("ไฟล์,ชื่อเรื่อง\na.pdf,เรื่อง\n", encoding="utf-8")
    with pytest.raises(CommandError, match="หมวด"):
        run(sheet, tmp_path)
    other = tmp_path / "sheet.ods"
    other.write_bytes(b"x")
    with pytest.raises(CommandError, match=".xlsx"):
        run(other, tmp_path)


@pytest.mark.django_db
def test_the_xlsx_report_lists_every_row(documents_site, tmp_path):
    run(GOOD, tmp_path)
    rows = list(load_workbook(tmp_path / "r.xlsx").worksheets[0].iter_rows(values_only=True))
    files = [r[1] for r in rows if r[0] and str(r[0]).startswith("แถวที่")]
    assert files == ["action-plan-2567.pdf", "action-plan-q1-2567.pdf", "news-kathin-2566.pdf"]
