"""The public search page: Thai words found inside phrases, only what the public may open, documents'
text, filters, pages of results, odd input and a constant number of queries."""

import datetime as dt
import io
import zipfile
from functools import lru_cache

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, get_page_models
from wagtail.search.models import IndexEntry

import pytest
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demo import media
from home.models import HospitalDocument, StandardPage
from home.search import extract
from home.search.fields import ThaiSearchField, ThaiSearchMixin
from home.search.status import index_is_thai
from home.search.views import MAX_QUERY_LENGTH
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@lru_cache(maxsize=4)
def pdf_bytes(title, text):
    return media.thai_pdf(title, [text])


def docx_bytes(text):
    return media.thai_docx("แบบฟอร์ม", [text])


def make_document(title, data, filename, collection=None, **fields):
    document = HospitalDocument(title=title, collection=collection or Collection.get_first_root_node(), **fields)
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


def attach(document):
    return [{"type": "document", "value": {"document": document.pk, "title": ""}}]


def titles(response):
    return [hit.title for hit in response.context["results"].object_list] if response.context.get("results") else []


def search(client, q, **params):
    response = client.get("/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


# -- Thai words ------------------------------------------------------------------------------


def test_a_thai_word_is_found_inside_a_longer_title(client, section):
    add_page(section, title="โครงสร้างหน่วยงาน", slug="structure")
    add_page(section, title="ประกาศผลการจัดซื้อจัดจ้าง", slug="procurement-results")
    assert titles(search(client, "หน่วยงาน")) == ["โครงสร้างหน่วยงาน"]
    assert titles(search(client, "จัดซื้อ")) == ["ประกาศผลการจัดซื้อจัดจ้าง"]
    assert titles(search(client, "โครงสร้างหน่วยงาน")) == ["โครงสร้างหน่วยงาน"]


def test_a_thai_word_is_found_in_the_body_and_summary(client, section):
    add_page(section, title="ประวัติ", slug="history", intro="ก่อตั้งเป็นสถานีอนามัยชั้นหนึ่ง")
    add_page(
        section,
        title="วิสัยทัศน์",
        slug="vision",
        body=[{"type": "paragraph", "value": "<p>มุ่งเป็นโรงพยาบาลชุมชนที่ประชาชนไว้วางใจ</p>"}],
    )
    assert titles(search(client, "สถานีอนามัย")) == ["ประวัติ"]
    assert titles(search(client, "ไว้วางใจ")) == ["วิสัยทัศน์"]


def test_mixed_thai_english_and_digits(client, section):
    add_page(section, title="ผลการประเมิน ITA2569 ของโรงพยาบาล", slug="ita")
    for query in ("ITA 2569", "ita2569", "ประเมิน ITA", "ITA ๒๕๖๙"):
        assert titles(search(client, query)) == ["ผลการประเมิน ITA2569 ของโรงพยาบาล"], query


def test_all_words_first_then_any_word_with_a_notice(client, section):
    add_page(section, title="คลินิกทันตกรรม", slug="dental")
    add_page(section, title="คลินิกแพทย์แผนไทย", slug="thai-medicine")
    response = search(client, "ทันตกรรม คลินิก")
    assert titles(response) == ["คลินิกทันตกรรม"] and not response.context["partial"]
    response = search(client, "ทันตกรรม ฝังเข็ม")
    assert titles(response) == ["คลินิกทันตกรรม"] and response.context["partial"]
    assert "บางคำ" in response.content.decode()


# -- only what the public may open -----------------------------------------------------------


def test_drafts_private_password_and_expired_pages_are_not_found(client, section):
    add_page(section, title="ข่าวหน่วยงานเผยแพร่แล้ว", slug="public")
    add_page(section, title="ข่าวหน่วยงานฉบับร่าง", slug="draft", publish=False)
    private = add_page(section, title="ข่าวหน่วยงานเฉพาะเจ้าหน้าที่", slug="staff")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="เจ้าหน้าที่"))
    secret = add_page(section, title="ข่าวหน่วยงานมีรหัสผ่าน", slug="password")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x1")
    expired = add_page(section, title="ข่าวหน่วยงานหมดอายุ", slug="expired")
    # Past its expiry but not yet taken down by the periodic job: still hidden from search.
    Page.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - dt.timedelta(minutes=5))
    below_private = add_page(private, title="ข่าวหน่วยงานใต้หน้าส่วนตัว", slug="below")
    assert below_private.live
    assert titles(search(client, "หน่วยงาน")) == ["ข่าวหน่วยงานเผยแพร่แล้ว"]


@pytest.mark.parametrize("signed_in", [False, True], ids=["visitor", "superuser"])
def test_signing_in_does_not_add_drafts_or_private_pages_to_the_public_search(client, admin_user, section, signed_in):
    if signed_in:
        client.force_login(admin_user)
    add_page(section, title="ข่าวหน่วยงานเผยแพร่แล้ว", slug="public")
    add_page(section, title="ข่าวหน่วยงานฉบับร่าง", slug="draft", publish=False)
    secret = add_page(section, title="ข่าวหน่วยงานมีรหัสผ่าน", slug="password")
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x1")
    assert titles(search(client, "หน่วยงาน")) == ["ข่าวหน่วยงานเผยแพร่แล้ว"]


def test_publishing_unpublishing_and_drafts_keep_the_results_right(client, section):
    page = add_page(section, title="ประกาศรับสมัครงาน", slug="jobs", publish=False)
    assert titles(search(client, "รับสมัคร")) == []
    page.save_revision().publish()
    assert titles(search(client, "รับสมัคร")) == ["ประกาศรับสมัครงาน"]
    # A draft edit of a live page is not searchable until it is published.
    page = StandardPage.objects.get(pk=page.pk)
    page.intro = "ตำแหน่งนักกายภาพบำบัด"
    page.save_revision()
    assert titles(search(client, "กายภาพบำบัด")) == []
    page.get_latest_revision().publish()
    assert titles(search(client, "กายภาพบำบัด")) == ["ประกาศรับสมัครงาน"]
    page.unpublish()
    assert titles(search(client, "รับสมัคร")) == []


def test_update_index_rebuilds_an_index_made_before_thai_segmentation(client, section):
    page = add_page(section, title="โครงสร้างหน่วยงาน", slug="structure")
    assert index_is_thai(section)
    # As an index built before this feature holds it: the raw title, one "word".
    # (SQLite keeps the text in ``title``; PostgreSQL a tsvector there and the text in ``title_text``.)
    column = "title_text" if connection.vendor == "postgresql" else "title"
    for item in (page, section):
        IndexEntry.objects.filter(object_id=str(item.pk), content_type_id=item.content_type_id).update(
            **{column: item.title}
        )
    assert not index_is_thai(section)
    if connection.vendor == "sqlite":
        assert titles(search(client, "หน่วยงาน")) == []
    call_command("update_index", stdout=io.StringIO())
    assert index_is_thai(section)
    assert titles(search(client, "หน่วยงาน")) == ["โครงสร้างหน่วยงาน"]


# -- documents -------------------------------------------------------------------------------


def test_text_of_pdf_and_docx_files_is_found(client, section):
    pdf = make_document("รายงานประจำปี", pdf_bytes("รายงานประจำปี", "ผลการดำเนินงานด้านการป้องกันโรคไข้เลือดออก"), "report.pdf")
    docx = make_document("แบบคำขอ", docx_bytes("ขอสำเนาเวชระเบียนผู้ป่วย"), "request.docx")
    add_page(section, title="เอกสารเผยแพร่", slug="files", body=attach(pdf) + attach(docx))
    assert "ไข้เลือดออก" in pdf.search_text and "เวชระเบียน" in docx.search_text
    response = search(client, "ไข้เลือดออก")
    assert titles(response) == ["รายงานประจำปี"]
    hit = response.context["results"].object_list[0]
    assert hit.kind == "document" and hit.url == pdf.url and hit.file_label.startswith("PDF ·")
    assert hit.attached_to == [("เอกสารเผยแพร่", "/about/files/")]
    assert titles(search(client, "เวชระเบียน")) == ["แบบคำขอ"]


def test_documents_only_on_draft_pages_unattached_or_private_are_not_found(client, section):
    text = "ทะเบียนครุภัณฑ์การแพทย์"
    public = make_document("เอกสารสาธารณะ", docx_bytes(text), "a.docx")
    draft_only = make_document("เอกสารในฉบับร่าง", docx_bytes(text), "b.docx")
    make_document("เอกสารไม่ได้แนบ", docx_bytes(text), "c.docx")
    private_collection = Collection.get_first_root_node().add_child(name="ภายใน")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x1"
    )
    private = make_document("เอกสารส่วนตัว", docx_bytes(text), "d.docx", collection=private_collection)
    add_page(section, title="หน้าเผยแพร่", slug="live", body=attach(public) + attach(private))
    add_page(section, title="หน้าร่าง", slug="draft", publish=False, body=attach(draft_only))
    # A live page whose unpublished draft attaches a file: the file stays unpublished too.
    in_next_draft = make_document("เอกสารในฉบับแก้ไข", docx_bytes(text), "e.docx")
    live = StandardPage.objects.get(pk=add_page(section, title="หน้าที่กำลังแก้ไข", slug="editing").pk)
    live.body = attach(in_next_draft)
    live.save_revision()
    assert titles(search(client, "ครุภัณฑ์")) == ["เอกสารสาธารณะ"]


def test_a_damaged_file_is_uploaded_without_text(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"title": "ไฟล์เสีย", "files[]": SimpleUploadedFile("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50)},
    )
    assert response.status_code == 200, response.content[:500]
    document = HospitalDocument.objects.get()
    assert document.search_text == "" and document.file.name.endswith(".pdf")


def test_extraction_never_raises_and_is_capped():
    assert extract.extract_text(ContentFile(b"not a zip", name="x.docx"), "docx") == ""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    assert extract.extract_text(ContentFile(buf.getvalue(), name="empty.docx"), "docx") == ""
    long_docx = docx_bytes("ข้อมูล " * (extract.MAX_CHARS // 3))
    text = extract.extract_text(ContentFile(long_docx, name="long.docx"), "docx")
    assert 0 < len(text) <= extract.MAX_CHARS
    assert extract.extract_text(ContentFile(b"\x89PNG", name="x.png"), "png") == ""


def test_docx_entities_are_text_not_markup():
    data = media.thai_docx("หัวเรื่อง", ["ค่าธรรมเนียม < 100 บาท & ภาษี"])
    assert "ค่าธรรมเนียม < 100 บาท & ภาษี" in extract.docx_text(data)


# -- the results list and its filters --------------------------------------------------------


def test_results_show_type_buddhist_era_date_and_section(client, home_page):
    with freeze_time("2026-03-15 10:00:00"):
        about = add_page(home_page, title="เกี่ยวกับโรงพยาบาล", slug="about")
        add_page(about, title="คลินิกโรคเบาหวาน", slug="diabetes")
    html = search(client, "เบาหวาน").content.decode()
    assert "15 มีนาคม 2569" in html
    assert 'class="search-result__section"><span class="visually-hidden">หมวด: </span>เกี่ยวกับโรงพยาบาล' in html
    assert "หน้าเนื้อหาทั่วไป" in html  # the page type (StandardPage) in Thai
    assert "<mark>เบาหวาน</mark>" in html


def test_filters_by_section_and_fiscal_year(client, home_page):
    about = add_page(home_page, title="เกี่ยวกับโรงพยาบาล", slug="about")
    news = add_page(home_page, title="ข่าวสาร", slug="news")
    with freeze_time("2025-09-20"):  # fiscal year 2568
        add_page(news, title="ข่าววัคซีนไข้หวัดใหญ่ 2568", slug="flu-2568")
    with freeze_time("2025-10-05"):  # fiscal year 2569
        add_page(news, title="ข่าววัคซีนไข้หวัดใหญ่ 2569", slug="flu-2569")
        add_page(about, title="บริการวัคซีนไข้หวัดใหญ่", slug="flu-service")
    response = search(client, "วัคซีน")
    assert len(titles(response)) == 3
    assert [(s.title, n) for s, n in response.context["section_options"]] == [
        ("เกี่ยวกับโรงพยาบาล", 1),
        ("ข่าวสาร", 2),
    ]
    assert response.context["year_options"] == [(2569, 2), (2568, 1)]
    assert sorted(titles(search(client, "วัคซีน", section=news.pk))) == [
        "ข่าววัคซีนไข้หวัดใหญ่ 2568",
        "ข่าววัคซีนไข้หวัดใหญ่ 2569",
    ]
    assert titles(search(client, "วัคซีน", section=news.pk, fy=2569)) == ["ข่าววัคซีนไข้หวัดใหญ่ 2569"]
    # Nonsense filter values are ignored, never an error.
    assert len(titles(search(client, "วัคซีน", section="abc", fy="99999", page="x"))) == 3


def test_results_come_in_pages_of_ten(client, section):
    for number in range(23):
        add_page(section, title=f"ประกาศรับสมัครงานที่ {number}", slug=f"job-{number}")
    first = search(client, "รับสมัคร")
    assert first.context["total"] == 23 and len(titles(first)) == 10
    assert "page=2" in first.content.decode()
    assert (
        'href="?q=%E0%B8%A3%E0%B8%B1%E0%B8%9A%E0%B8%AA%E0%B8%A1%E0%B8%B1%E0%B8%84%E0%B8%A3&amp;page=2"'
        in first.content.decode()
    )
    last = search(client, "รับสมัคร", page=3)
    assert len(titles(last)) == 3
    assert len(titles(search(client, "รับสมัคร", page=99))) == 3  # past the end: the last page


def test_number_of_queries_does_not_grow_with_results(client, section):
    def count(query):
        cache.clear()  # a search that is not in the short cache: the database does all the work
        with CaptureQueriesContext(connection) as queries:
            search(client, query)
        return len(queries)

    for number in range(3):
        add_page(section, title=f"ข่าวกิจกรรมที่ {number}", slug=f"a-{number}")
    count("กิจกรรม")  # fills the per-process caches (content types, site root paths)
    few = count("กิจกรรม")
    for number in range(3, 30):
        add_page(section, title=f"ข่าวกิจกรรมที่ {number}", slug=f"a-{number}")
    assert count("กิจกรรม") == few
    assert few <= 20


# -- the form and odd input ------------------------------------------------------------------


def test_empty_and_wordless_queries_get_a_thai_message_by_the_field(client, home_page):
    html = search(client, "   ").content.decode()
    assert 'id="search-q-error"' in html and "พิมพ์คำ" in html and 'aria-invalid="true"' in html
    html = search(client, "!!! ???").content.decode()
    assert 'id="search-q-error"' in html and "ตัวอักษรหรือตัวเลข" in html


def test_too_long_query_is_refused_with_a_thai_message(client, home_page):
    response = search(client, "ก" * (MAX_QUERY_LENGTH + 1))
    html = response.content.decode()
    assert "ยาวเกินไป" in html and str(MAX_QUERY_LENGTH) in html
    assert not response.context["searched"]


def test_nothing_found_gives_suggestions(client, section):
    html = search(client, "ยีราฟ").content.decode()
    assert "ไม่พบ" in html and "คำแนะนำ" in html
    assert 'href="/about/"' in html  # browse the sections instead


def test_search_page_is_get_only_and_not_indexed_by_crawlers(client, home_page):
    assert client.post("/search/", {"q": "ข่าว"}).status_code == 405
    response = client.get("/search/")
    assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex"
    assert not response.context["searched"] and not response.context["form"].errors


@pytest.mark.parametrize(
    "query",
    ['"หน่วยงาน', "ข่าว AND OR NOT", "-ข่าว +งาน", "ข่าว*", "title:ข่าว", "(((", "😀🏥", "a\x00b", "' OR 1=1 --", "\\"],
)
def test_odd_input_never_fails(client, section, query):
    add_page(section, title="ข่าวหน่วยงาน", slug="news")
    search(client, query)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=10_000))
def test_any_text_never_gives_a_server_error(client, home_page, query):
    response = client.get("/search/", {"q": query, "section": "1", "fy": "2569"})
    assert response.status_code == 200


def test_searches_are_rate_limited_per_address_with_a_thai_page(client, section, settings):
    from django.core.cache import cache

    cache.clear()
    settings.SEARCH_RATE_LIMIT = (3, 60)
    add_page(section, title="โครงสร้างหน่วยงาน", slug="structure")
    other = Client(REMOTE_ADDR="10.0.0.9")
    for _ in range(3):
        assert titles(search(client, "หน่วยงาน")) == ["โครงสร้างหน่วยงาน"]
    response = client.get("/search/", {"q": "หน่วยงาน"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "กรุณารอสักครู่" in html and "โครงสร้างหน่วยงาน" not in html.split('role="alert"')[1]
    assert response["X-Robots-Tag"] == "noindex" and int(response["Retry-After"]) == 60
    assert client.get("/search/").status_code == 200  # the empty page itself is not counted
    assert titles(search(other, "หน่วยงาน")) == ["โครงสร้างหน่วยงาน"]  # another address is not affected
    cache.clear()


# -- every page on the site is searchable in Thai, the header box, the admin -----------------


def test_every_page_type_and_the_document_model_index_thai_words():
    missing = [
        model.__name__ for model in get_page_models() if model is not Page and not issubclass(model, ThaiSearchMixin)
    ]
    assert missing == [], "Put home.search.fields.ThaiSearchMixin first in the bases of these page types"
    fields = HospitalDocument.get_searchable_search_fields()
    assert {f.field_name for f in fields} >= {"title", "description", "file_text"}
    assert all(isinstance(f, ThaiSearchField) for f in fields)


def test_every_page_has_the_search_box_in_its_header(client, section):
    for url in ("/", "/about/", "/search/", "/no-such-page/"):
        html = client.get(url).content.decode()
        assert 'action="/search/"' in html and 'name="q"' in html, url


def test_the_admin_page_search_finds_thai_words_too(admin_client, section):
    add_page(section, title="โครงสร้างหน่วยงาน", slug="structure")
    response = admin_client.get("/admin/pages/search/", {"q": "หน่วยงาน"})
    assert response.status_code == 200
    assert "โครงสร้างหน่วยงาน" in response.content.decode()
    # The admin searches as you type: an unfinished Thai word finds the page too.
    assert "โครงสร้างหน่วยงาน" in admin_client.get("/admin/pages/search/", {"q": "หน่วยง"}).content.decode()


# -- performance: visibility in SQL, the short cache -------------------------------------------


def test_document_visibility_is_one_sql_statement_whatever_the_number_of_files(section):
    from home.search.query import visible_documents, visible_pages

    def statement():
        sql, params = visible_documents(visible_pages(section.get_parent())).query.sql_with_params()
        return sql, len(params)

    first = make_document("แบบฟอร์มที่ 0", docx_bytes("คำขอ"), "f0.docx")
    add_page(section, title="หน้าแบบฟอร์ม 0", slug="forms-0", body=attach(first))
    few = statement()
    for number in range(1, 15):
        document = make_document(f"แบบฟอร์มที่ {number}", docx_bytes("คำขอ"), f"f{number}.docx")
        add_page(section, title=f"หน้าแบบฟอร์ม {number}", slug=f"forms-{number}", body=attach(document))
    # The same SQL with the same parameters: no list of attachment ids is built in Python.
    assert statement() == few
    assert "wagtailcore_referenceindex" in few[0] and "wagtailcore_collectionviewrestriction" in few[0]


def test_a_file_in_a_collection_below_a_private_one_is_not_found(client, section):
    private = Collection.get_first_root_node().add_child(name="ภายใน")
    below = private.add_child(name="ภายใน · การเงิน")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x1"
    )
    hidden = make_document("รายงานครุภัณฑ์ภายใน", docx_bytes("ครุภัณฑ์"), "h.docx", collection=below)
    shown = make_document("รายงานครุภัณฑ์", docx_bytes("ครุภัณฑ์"), "s.docx")
    add_page(section, title="หน้ารายงาน", slug="reports", body=attach(hidden) + attach(shown))
    assert titles(search(client, "ครุภัณฑ์")) == ["รายงานครุภัณฑ์"]


def test_a_repeated_search_comes_from_the_short_cache_until_something_is_published(client, section):
    cache.clear()
    add_page(section, title="ประกาศรับสมัครงานพยาบาล", slug="nurse")

    def run(query, **params):
        with CaptureQueriesContext(connection) as queries:
            response = search(client, query, **params)
        return len(queries), titles(response)

    first, found = run("รับสมัคร")
    assert found == ["ประกาศรับสมัครงานพยาบาล"]
    again, found = run("  รับสมัคร ")  # the same words: the same cache entry
    assert found == ["ประกาศรับสมัครงานพยาบาล"]
    assert again < first
    # Filters and pages are worked out from the cached hits, not searched again.
    filtered, found = run("รับสมัคร", section=section.pk)
    assert found == ["ประกาศรับสมัครงานพยาบาล"] and filtered == again
    # Publishing, unpublishing and moving a file into a private collection are seen at once.
    page = add_page(section, title="ประกาศรับสมัครงานเภสัชกร", slug="pharmacist")
    assert sorted(run("รับสมัคร")[1]) == ["ประกาศรับสมัครงานพยาบาล", "ประกาศรับสมัครงานเภสัชกร"]
    page.unpublish()
    assert run("รับสมัคร")[1] == ["ประกาศรับสมัครงานพยาบาล"]
    document = make_document("ใบสมัครงาน", docx_bytes("รับสมัคร"), "apply.docx")
    add_page(section, title="หน้าใบสมัคร", slug="apply", body=attach(document))
    assert "ใบสมัครงาน" in run("รับสมัคร")[1]
    private = Collection.get_first_root_node().add_child(name="ภายใน")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="x1"
    )
    document.collection = private
    document.save()
    assert "ใบสมัครงาน" not in run("รับสมัคร")[1]


def test_cached_searches_live_for_the_configured_seconds(client, section, settings, monkeypatch):
    stored = []
    real_set = cache.set

    def spy(key, value, timeout=None, **kwargs):
        if key.startswith("search:") and key != "search:version":
            stored.append((key, timeout))
        return real_set(key, value, timeout, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    add_page(section, title="ประกาศรับสมัครงานพยาบาล", slug="nurse")
    settings.SEARCH_CACHE_SECONDS = 42
    search(client, "รับสมัคร")
    assert [timeout for _key, timeout in stored] == [42]
    stored.clear()
    settings.SEARCH_CACHE_SECONDS = 0  # no cache: every search goes to the database
    search(client, "รับสมัคร")
    assert stored == []


def test_results_can_be_narrowed_to_pages_or_documents_with_counts(client, section):
    document = make_document("แบบฟอร์มสมัครงาน", docx_bytes("สมัครงาน"), "apply.docx")
    add_page(section, title="ประกาศรับสมัครงาน", slug="jobs", body=attach(document))
    add_page(section, title="ผลการรับสมัครงาน", slug="results")
    response = search(client, "สมัครงาน")
    assert [(value, str(label), count) for value, label, count in response.context["type_options"]] == [
        ("page", "หน้าเว็บ", 2),
        ("document", "เอกสาร", 1),
    ]
    assert 'name="type"' in response.content.decode() and "ทุกประเภท" in response.content.decode()
    assert titles(search(client, "สมัครงาน", type="document")) == ["แบบฟอร์มสมัครงาน"]
    only_pages = search(client, "สมัครงาน", type="page")
    assert sorted(titles(only_pages)) == ["ประกาศรับสมัครงาน", "ผลการรับสมัครงาน"]
    assert "type=page" in only_pages.context["query_string"]
    assert len(titles(search(client, "สมัครงาน", type="nonsense"))) == 3  # ignored, never an error
