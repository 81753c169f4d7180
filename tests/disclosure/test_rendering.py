"""What the public sees: the facts box on every item, files with type and size, and each type's own content."""

import datetime as dt
from decimal import Decimal

from django.utils import translation

import pytest

from disclosure.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    BudgetIndexPage,
    BudgetPage,
    ComplaintChannel,
    ComplaintProcedureIndexPage,
    ComplaintProcedurePage,
    ComplaintReportIndexPage,
    ComplaintReportPage,
    Executive,
    ExecutivesPage,
    ITAEvidence,
    ITAIndexPage,
    ITAYearPage,
    KnowledgeIndexPage,
    KnowledgePage,
    LawIndexPage,
    LawPage,
    NewsGalleryImage,
    NewsIndexPage,
    NewsPage,
    OIAEntry,
    OIAIndexPage,
    OrganisationInfoPage,
    PolicyIndexPage,
    PolicyPage,
    Weblink,
    WeblinkIndexPage,
)
from tests.conftest import add_page

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    return f.sections()


def html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def facts_box(text):
    return text.split('class="facts-box"')[1].split("</aside>")[0]


def item_pages(tree, home_page, owner):
    """One published item of every ItemPage type, each with a PDF attached."""
    doc = f.document()
    attach = [("document", {"document": doc, "title": ""})]
    common = {"owner_unit": owner, "attachments": attach, "intro": "สรุป"}
    period = {"period_start": dt.date(2025, 10, 1)}
    about, plans, transparency, services = (tree[k] for k in ("about", "plans", "transparency", "services"))
    pages = [
        add_page(about, OrganisationInfoPage, title="ประวัติ", slug="history", topic="history", **period, **common),
        add_page(
            about,
            ExecutivesPage,
            title="ทำเนียบผู้บริหาร",
            slug="executives",
            **period,
            **common,
            executives=[
                Executive(
                    photo=f.image(),
                    full_name="นายแพทย์ธนกร วงศ์ศรีสุข",
                    position="ผู้อำนวยการโรงพยาบาลฮอด",
                    phone="053-461-037 ต่อ 101",
                )
            ],
        ),
        add_page(
            add_page(plans, PolicyIndexPage, title="นโยบาย", slug="policy"),
            PolicyPage,
            title="ยุทธศาสตร์ 2569",
            slug="s",
            category="strategy",
            fiscal_year=2569,
            **common,
        ),
        add_page(
            add_page(plans, ActionPlanIndexPage, title="แผน", slug="action"),
            ActionPlanPage,
            title="รายงาน Q2",
            slug="q2",
            category="report",
            fiscal_year=2569,
            fiscal_quarter=2,
            **common,
        ),
        add_page(
            add_page(plans, BudgetIndexPage, title="งบ", slug="budget"),
            BudgetPage,
            title="ผลการใช้จ่าย Q3",
            slug="q3",
            category="report",
            fiscal_year=2569,
            fiscal_quarter=3,
            allocated_amount=Decimal("48500000"),
            spent_amount=Decimal("35608500"),
            **common,
        ),
        add_page(
            add_page(transparency, ComplaintProcedureIndexPage, title="ร้องเรียน", slug="cp"),
            ComplaintProcedurePage,
            title="ร้องเรียนการให้บริการ",
            slug="service",
            category="service",
            acknowledge_days=3,
            resolve_days=30,
            channels=[ComplaintChannel(kind="phone", detail="053-461-037 ต่อ 111")],
            **period,
            **common,
        ),
        add_page(
            add_page(transparency, ComplaintReportIndexPage, title="รายงานร้องเรียน", slug="cr"),
            ComplaintReportPage,
            title="สรุปผลรอบ 6 เดือน",
            slug="r6",
            round="6",
            category="service",
            fiscal_year=2569,
            received_count=19,
            resolved_count=16,
            in_progress_count=3,
            analysis="รอตรวจนาน",
            **common,
        ),
        add_page(
            add_page(transparency, LawIndexPage, title="กฎหมาย", slug="laws"),
            LawPage,
            title="พ.ร.บ.ข้อมูลข่าวสาร",
            slug="oia",
            category="act",
            period_start=dt.date(1997, 12, 9),
            source="ราชกิจจานุเบกษา เล่ม 114",
            source_url="https://www.ratchakitcha.soc.go.th/",
            **common,
        ),
        add_page(
            add_page(home_page, KnowledgeIndexPage, title="คลังความรู้", slug="knowledge"),
            KnowledgePage,
            title="ไข้เลือดออก",
            slug="dengue",
            category="article",
            source="กรมควบคุมโรค",
            **period,
            **common,
        ),
        add_page(
            add_page(home_page, NewsIndexPage, title="ข่าว", slug="news"),
            NewsPage,
            title="ข่าวฉีดวัคซีน",
            slug="vaccine",
            category="news",
            **period,
            **common,
        ),
        add_page(
            services,
            WeblinkIndexPage,
            title="ลิงก์",
            slug="weblinks",
            **period,
            **common,
            links=[Weblink(name="กระทรวงสาธารณสุข", url="https://www.moph.go.th/", category="moph")],
        ),
        add_page(transparency, OIAIndexPage, title="ศูนย์ข้อมูลข่าวสาร", slug="oic", **period, **common),
        add_page(
            add_page(transparency, ITAIndexPage, title="ITA", slug="ita"),
            ITAYearPage,
            title="ITA 2569",
            slug="ita-2569",
            fiscal_year=2569,
            **common,
        ),
    ]
    return pages


def test_every_item_shows_its_facts_and_the_type_and_size_of_its_files(client, tree, home_page):
    owner = f.department("งานประชาสัมพันธ์")
    pages = item_pages(tree, home_page, owner)
    assert {type(p) for p in pages} >= {OrganisationInfoPage, ExecutivesPage, LawPage, ITAYearPage}
    for page in pages:
        box = facts_box(html(client, page))
        assert "งานประชาสัมพันธ์" in box, page  # owner (R2.1)
        assert str(page.period_label) in box and page.period_label, page  # data period
        assert "2569" in box or "2570" in box, page  # publish date, in the Buddhist Era
        assert "PDF · 12 KB" in box, page  # file type and size


def test_fiscal_periods_read_as_thai_quarters_and_rounds(client, tree, home_page):
    pages = {type(p): p for p in item_pages(tree, home_page, f.department())}
    assert "ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2569" in pages[ActionPlanPage].period_label
    with translation.override("th"):
        label = str(pages[ComplaintReportPage].period_label)
    assert "รอบ 6 เดือน" in label and "1 ต.ค. 2568" in label and "31 มี.ค. 2569" in label
    assert "ปีงบประมาณ พ.ศ. 2569" == pages[PolicyPage].period_label


def test_executives_are_cards_with_photo_alt_text_name_position_and_phone(client, tree, home_page):
    pages = {type(p): p for p in item_pages(tree, home_page, f.department())}
    text = html(client, pages[ExecutivesPage])
    card = text.split('class="executive-card"')[1].split("</li>")[0]
    assert 'alt="รูปถ่ายนายแพทย์ธนกร วงศ์ศรีสุข"' in card
    assert "ผู้อำนวยการโรงพยาบาลฮอด" in card
    assert 'href="tel:053461037"' in card and "053-461-037 ต่อ 101" in card


def test_budget_report_shows_amounts_and_the_computed_percentage(client, tree, home_page):
    pages = {type(p): p for p in item_pages(tree, home_page, f.department())}
    budget = pages[BudgetPage]
    assert budget.spent_percentage == Decimal("73.4")
    assert budget.remaining_amount == Decimal("12891500")
    text = html(client, budget)
    assert "48,500,000.00" in text and "35,608,500.00" in text and "12,891,500.00" in text and "73.4%" in text


def test_complaint_pages_show_channels_time_limits_and_counts(client, tree, home_page):
    pages = {type(p): p for p in item_pages(tree, home_page, f.department())}
    text = html(client, pages[ComplaintProcedurePage])
    channels = text.split('class="channel-list"')[1].split("</ul>")[0]
    assert "โทรศัพท์" in channels and "053-461-037 ต่อ 111" in channels
    assert "3 วันทำการ" in text and "30 วัน" in text
    report = html(client, pages[ComplaintReportPage])
    table = report.split("amounts-table")[1].split("</table>")[0]
    assert ">19<" in table and "16 (84.2%)" in table and ">3<" in table
    assert "รอตรวจนาน" in report


def test_a_law_shows_its_category_effective_date_and_linked_source(client, tree, home_page):
    pages = {type(p): p for p in item_pages(tree, home_page, f.department())}
    text = html(client, pages[LawPage])
    facts = text.split('class="law-facts"')[1].split("</dl>")[0]
    assert "พระราชบัญญัติ" in facts and "9 ธันวาคม 2540" in facts
    assert '<a href="https://www.ratchakitcha.soc.go.th/" rel="external">ราชกิจจานุเบกษา เล่ม 114</a>' in facts


def test_knowledge_shows_infographic_with_alt_text_and_video_without_calling_outside(client, home_page):
    index = add_page(home_page, KnowledgeIndexPage, title="คลังความรู้", slug="knowledge")
    owner = f.department()
    picture = f.image("BE FAST", "สัญญาณเตือนโรคหลอดเลือดสมอง 6 ข้อ")
    info = add_page(
        index,
        KnowledgePage,
        title="BE FAST",
        slug="be-fast",
        category="infographic",
        image=picture,
        source="กรมการแพทย์",
        period_start=dt.date(2026, 10, 29),
        owner_unit=owner,
    )
    assert 'alt="สัญญาณเตือนโรคหลอดเลือดสมอง 6 ข้อ"' in html(client, info)
    video = add_page(
        index,
        KnowledgePage,
        title="ล้างมือ",
        slug="hands",
        category="video",
        source="กรมอนามัย",
        video_url="https://youtu.be/abcdefghijk",
        period_start=dt.date(2026, 1, 20),
        owner_unit=owner,
    )
    text = html(client, video)
    assert 'src="https://www.youtube-nocookie.com/embed/abcdefghijk"' in text
    assert "กรมอนามัย" in text.split('class="knowledge-source"')[1]
    other = KnowledgePage(video_url="https://vimeo.com/12345")
    assert other.video_embed_url == ""


def test_news_item_shows_its_lead_image_gallery_and_feed_link(client, home_page):
    index = add_page(home_page, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
    lead = f.image("ภาพข่าว", "ภาพพิธีเปิดงานวันพยาบาล")
    photo = f.image("ภาพกิจกรรม", "พยาบาลรับรางวัล")
    page = add_page(
        index,
        NewsPage,
        title="วันพยาบาล",
        slug="nurses",
        category="photo",
        listing_image=lead,
        period_start=dt.date(2026, 10, 21),
        owner_unit=f.department(),
        gallery_images=[NewsGalleryImage(image=photo, caption="มอบรางวัลพยาบาลดีเด่น")],
    )
    text = html(client, page)
    assert 'alt="ภาพพิธีเปิดงานวันพยาบาล"' in text
    gallery = text.split('class="gallery"')[1].split("</section>")[0]
    assert 'alt="พยาบาลรับรางวัล"' in gallery and "มอบรางวัลพยาบาลดีเด่น" in gallery
    assert '<link rel="alternate" type="application/rss+xml"' in text and 'href="/news/rss/"' in text


def test_a_job_posting_shows_its_application_period(client, home_page):
    index = add_page(home_page, NewsIndexPage, title="ข่าว", slug="news")
    page = add_page(
        index,
        NewsPage,
        title="รับสมัครพยาบาล",
        slug="job",
        category="job",
        period_start=dt.date(2026, 12, 1),
        period_end=dt.date(2026, 12, 15),
        owner_unit=f.department(),
    )
    notice = html(client, page).split('class="notice"')[1].split("</p>")[0]
    assert "1 ธันวาคม 2569" in notice and "15 ธันวาคม 2569" in notice
    listing = html(client, index)
    assert "15 ธันวาคม 2569" in listing.split('class="news-card__deadline"')[1]


def test_weblinks_are_grouped_by_kind_of_agency(client, tree):
    page = add_page(
        tree["services"],
        WeblinkIndexPage,
        title="ลิงก์",
        slug="weblinks",
        owner_unit=f.department(),
        period_start=dt.date(2026, 10, 1),
        links=[
            Weblink(name="สสจ.เชียงใหม่", url="https://www.chiangmaihealth.go.th/", category="provincial"),
            Weblink(name="กระทรวงสาธารณสุข", url="https://www.moph.go.th/", category="moph", description="ข่าว"),
            Weblink(name="สปสช.", url="https://www.nhso.go.th/", category="other"),
        ],
    )
    text = html(client, page)
    groups = text.split('class="link-group"')[1:]
    assert len(groups) == 3
    assert "หน่วยงานในสังกัดกระทรวงสาธารณสุข" in groups[0] and "กระทรวงสาธารณสุข</a>" in groups[0]
    assert "สสจ.เชียงใหม่" in groups[1] and "สปสช." in groups[2]


def test_information_centre_lists_all_13_sections_and_marks_the_empty_ones(client, tree):
    structure = add_page(
        tree["about"],
        OrganisationInfoPage,
        title="โครงสร้างหน่วยงาน",
        slug="structure",
        topic="history",
        owner_unit=f.department(),
        period_start=dt.date(2025, 10, 1),
    )
    doc = f.document("แผนปฏิบัติการประจำปี 2570", "plan-2570.pdf")
    page = add_page(
        tree["transparency"],
        OIAIndexPage,
        title="ศูนย์ข้อมูลข่าวสาร",
        slug="information-centre",
        owner_unit=f.department(),
        period_start=dt.date(2026, 10, 1),
        request_instructions="ยื่นคำขอที่ศูนย์ข้อมูลข่าวสาร ชั้น 1",
        entries=[
            OIAEntry(section="7_1", title="โครงสร้างหน่วยงาน", linked_page=structure),
            OIAEntry(section="9_3", title="แผนปฏิบัติการ", document=doc, description="แผนงานและงบประมาณ"),
        ],
    )
    text = html(client, page)
    sections = text.split('<article class="oia-section')[1:]
    assert len(sections) == 13
    labels = [s.split('oia-section__title">')[1].split("</h3>")[0] for s in sections]
    assert labels == [f"มาตรา 7 ({n})" for n in range(1, 6)] + [f"มาตรา 9 ({n})" for n in range(1, 9)]
    empty = [label for label, s in zip(labels, sections, strict=True) if s.startswith(" oia-section--empty")]
    assert empty == [label for label in labels if label not in ("มาตรา 7 (1)", "มาตรา 9 (3)")]
    assert "โครงสร้างและการจัดองค์กรในการดำเนินงาน" in sections[0] and f'href="{structure.url}"' in sections[0]
    assert "PDF · 12 KB" in sections[7]
    assert "ยังไม่มีข้อมูลในหัวข้อนี้" in sections[1]
    assert "มีข้อมูลเผยแพร่แล้ว 2 จาก 13 หัวข้อ" in text
    assert "มาตรา 9 วรรคสาม" in text and "มาตรา 11" in text and "ยื่นคำขอที่ศูนย์ข้อมูลข่าวสาร ชั้น 1" in text


def test_ita_year_page_shows_the_22_titles_of_its_own_fiscal_year(client, tree):
    index = add_page(tree["transparency"], ITAIndexPage, title="ITA", slug="ita")
    owner = f.department()
    target = add_page(
        tree["about"],
        OrganisationInfoPage,
        title="ทำเนียบ",
        slug="x",
        topic="history",
        owner_unit=owner,
        period_start=dt.date(2025, 10, 1),
    )
    y67 = add_page(index, ITAYearPage, title="ITA 2567", slug="ita-2567", fiscal_year=2567, owner_unit=owner)
    y69 = add_page(
        index,
        ITAYearPage,
        title="ITA 2569",
        slug="ita-2569",
        fiscal_year=2569,
        owner_unit=owner,
        evidence=[ITAEvidence(moit_number=2, label="2.1.1 ข้อมูลผู้บริหาร", linked_page=target)],
    )

    def items(page):
        text = html(client, page)
        blocks = text.split('<article class="ita-item')[1:]
        return text, blocks, [b.split('ita-item__code">')[1].split("</h3>")[0] for b in blocks]

    text67, blocks67, titles67 = items(y67)
    text69, blocks69, titles69 = items(y69)
    assert len(titles67) == len(titles69) == 22
    assert "ผลประโยชน์ทับซ้อน" in titles67[19] and "Anti-Corruption Education" in titles67[19]
    assert "วันต่อต้านคอรัปชั่นสากล" in titles69[19] and "9 ธันวาคม พ.ศ. 2568" in titles69[19]
    assert "ประจำปีงบประมาณ พ.ศ. 2567" in titles67[3] and "ประจำปีงบประมาณ พ.ศ. 2569" in titles69[3]
    assert text69.count('class="ita-group"') == 9 and "ตัวชี้วัดที่ 8 การป้องกันผลประโยชน์ทับซ้อน" in text69
    assert "2.1.1 ข้อมูลผู้บริหาร" in blocks69[1] and not blocks69[1].startswith(" ita-item--empty")
    assert all(b.startswith(" ita-item--empty") for i, b in enumerate(blocks69) if i != 1)
    assert "มีหลักฐาน 1 จาก 22 รายการ" in text69
    assert "ภายในวันที่ 30 พฤศจิกายน 2568" in blocks69[14]  # MOIT 15: by 30 Nov of the fiscal year


def test_ita_titles_follow_edits_to_the_data(client, tree):
    from disclosure.models import MoitItem

    index = add_page(tree["transparency"], ITAIndexPage, title="ITA", slug="ita")
    page = add_page(index, ITAYearPage, title="ITA 2569", slug="ita-2569", fiscal_year=2569, owner_unit=f.department())
    MoitItem.objects.filter(fiscal_year=2569, number=6).update(title="ชื่อรายการที่ผู้ดูแลเว็บไซต์แก้ไข")
    assert "ชื่อรายการที่ผู้ดูแลเว็บไซต์แก้ไข" in html(client, page)
