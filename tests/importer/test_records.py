"""Imported pages are recognised as imported: the publication report and the ITA dashboard never call them approved."""

import datetime as dt
import io

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect

import pytest

from home.compliance import was_imported

from .conftest import FIXTURES


def import_sheet(tmp_path):
    call_command("import_documents", str(FIXTURES / "documents"), str(FIXTURES / "documents.xlsx"),
                 "--xlsx", str(tmp_path / "r.xlsx"), stdout=io.StringIO())  # fmt: skip


@pytest.mark.django_db
def test_the_monthly_report_lists_imported_items_as_imported_not_approved(documents_site, tmp_path):
    from disclosure.models import ActionPlanPage
    from publishing.paperwork.report import report_data

    import_sheet(tmp_path)
    today = timezone.localdate()
    data = report_data(today.replace(day=1), today)
    imported = [row for row in data["rows"] if row["status"] == "นำเข้าจากระบบเดิม"]
    titles = {row["title"] for row in imported}
    assert ActionPlanPage.objects.get(title__contains="ไตรมาสที่ 1/2567").title in titles
    assert all(row["head_by"] == "" and row["form_url"] == "" and row["publisher"] == "" for row in imported)
    assert data["counts"]["approved"] == 0 and data["counts"]["published"] == 0
    # A month before the import lists none of them.
    earlier = today.replace(day=1) - dt.timedelta(days=1)
    assert not [r for r in report_data(earlier.replace(day=1), earlier)["rows"] if r["status"] == "นำเข้าจากระบบเดิม"]


@pytest.mark.django_db
def test_the_ita_dashboard_says_imported_instead_of_no_form(documents_site, tmp_path):
    from disclosure.ita.evidence import check_evidence
    from disclosure.models import ITAYearPage

    import_sheet(tmp_path)
    year = ITAYearPage.objects.get(fiscal_year=2567)
    checks = check_evidence(year, list(year.evidence.all()), timezone.localdate())
    assert {check.form for check in checks} == {"imported"}
    assert all(was_imported(check.target) for check in checks)


@pytest.mark.django_db
def test_a_page_made_by_staff_is_not_taken_for_imported(documents_site):
    assert not was_imported(documents_site["news"]) and not was_imported(None)


@pytest.mark.django_db
@override_settings(ALLOWED_HOSTS=["*"])
def test_only_query_addresses_the_importer_knows_are_redirected(home_page, client):
    Redirect.objects.create(old_path=Redirect.normalise_path("/?p=7"), redirect_link="/news/seven/", is_permanent=True)
    response = client.get("/?p=7")
    assert response.status_code == 301 and response["Location"] == "/news/seven/"
    assert client.get("/?p=8").status_code == 200
    assert client.get("/?utm_source=x").status_code == 200  # other query strings: the home page as ever
    assert client.post("/?p=7").status_code != 301
