"""Go-live: the former WordPress site is imported into the demo hospital; old addresses lead to new pages."""

import re
import subprocess
import sys
from urllib.parse import quote

import pytest

from tests.browser.conftest import ROOT, SERVER_ENV, screenshot
from tests.importer.conftest import FIXTURES

# The importer keeps the WordPress post's Thai slug whole (importer/pages.py).
NEW_ADDRESS = "/news/" + quote("ทอดกฐินสามัคคี-2562") + "/"


@pytest.fixture(scope="module")
def imported(live_site, tmp_path_factory):
    """Run import_wordpress against the server's own database, as a webmaster would at go-live."""
    out = tmp_path_factory.mktemp("import")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_wordpress", str(FIXTURES / "hod-wordpress.xml"),
         "--mapping", str(FIXTURES / "mapping.toml"), "--media-dir", str(FIXTURES / "uploads"),
         "--xlsx", str(out / "report.xlsx"), "--user", "webmaster"],
        cwd=ROOT, env={**SERVER_ENV, "DEBUG": "True"}, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ไม่มีข้อความแสดงแทนภาพ" in result.stdout  # the refused picture is reported in Thai
    assert "[สร้างใหม่] ข่าว 201" in result.stdout, result.stdout
    return live_site


def test_an_old_post_address_opens_the_imported_news_item(page, imported):
    old = "/2019/05/" + quote("ทอดกฐินสามัคคี-2562") + "/"
    response = page.goto(imported + old)
    assert response.ok
    assert page.url.endswith(NEW_ADDRESS), page.url
    assert page.locator("h1").inner_text() == "โรงพยาบาลฮอดจัดพิธีทอดกฐินสามัคคี ประจำปี 2562"
    body = page.locator("main")
    assert "ร่วมกับชุมชนจัดพิธีทอดกฐินสามัคคี" in body.inner_text()
    picture = body.locator("img[alt^='ผู้อำนวยการและเจ้าหน้าที่ร่วมพิธีทอดกฐิน']").first
    assert picture.is_visible()
    # The facts box keeps the old site's date, in the Buddhist Era, and the owner from the mapping.
    facts = page.locator(".facts-box").first.inner_text()
    assert "งานประชาสัมพันธ์" in facts and "2562" in facts
    assert "tracker" not in page.content()  # the old post's script was removed
    screenshot(page, "importer-1-old-address-opens-news-item")


def test_wordpress_query_addresses_and_files_redirect(page, imported):
    page.goto(imported + "/?p=201")
    assert page.url.endswith(NEW_ADDRESS), page.url
    page.goto(imported + "/?page_id=301")
    assert re.search(r"/about/history-old/$", page.url), page.url
    assert "โรงพยาบาลฮอดก่อตั้งเมื่อ พ.ศ. 2520" in page.locator("main").inner_text()
    assert page.locator("main table").count() == 1
    screenshot(page, "importer-2-old-page-address")
    response = page.request.get(imported + "/wp-content/uploads/2019/05/ita-2562-report.pdf", max_redirects=0)
    assert response.status == 301 and "/documents/" in response.headers["location"]
    missing = page.goto(imported + "/2020/02/promo/")
    assert missing.status == 404  # a skipped post keeps no address (listed in the report instead)
