"""Editors create every disclosure page type through the Wagtail admin, and the tree rules hold."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, streamfield

from disclosure.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    BudgetIndexPage,
    BudgetPage,
    ComplaintProcedureIndexPage,
    ComplaintProcedurePage,
    ComplaintReportIndexPage,
    ComplaintReportPage,
    ExecutivesPage,
    ITAIndexPage,
    ITAYearPage,
    KnowledgeIndexPage,
    KnowledgePage,
    LawIndexPage,
    LawPage,
    NewsIndexPage,
    NewsPage,
    OIAIndexPage,
    OrganisationInfoPage,
    PolicyIndexPage,
    PolicyPage,
    WeblinkIndexPage,
)
from home.models import HomePage, StandardPage
from tests.conftest import add_page

from . import factories as f

INDEXES = [
    (PolicyIndexPage, "plans", PolicyPage),
    (ActionPlanIndexPage, "plans", ActionPlanPage),
    (BudgetIndexPage, "plans", BudgetPage),
    (ComplaintProcedureIndexPage, "transparency", ComplaintProcedurePage),
    (ComplaintReportIndexPage, "transparency", ComplaintReportPage),
    (LawIndexPage, "transparency", LawPage),
    (ITAIndexPage, "transparency", ITAYearPage),
]


class TreeRulesTests(WagtailPageTestCase):
    def test_index_pages_sit_in_sections_and_hold_their_items(self):
        for index, _section, item in INDEXES:
            self.assertAllowedParentPageTypes(index, {StandardPage})
            self.assertAllowedSubpageTypes(index, {item})
            self.assertAllowedParentPageTypes(item, {index})
            self.assertAllowedSubpageTypes(item, set())

    def test_news_and_knowledge_are_top_level_sections(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(KnowledgeIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(KnowledgeIndexPage, {KnowledgePage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(KnowledgePage, {KnowledgeIndexPage})

    def test_single_pages_sit_in_sections_and_have_no_children(self):
        for model in (OrganisationInfoPage, ExecutivesPage, WeblinkIndexPage, OIAIndexPage):
            self.assertAllowedParentPageTypes(model, {StandardPage})
            self.assertAllowedSubpageTypes(model, set())

    def test_home_and_sections_offer_the_disclosure_types(self):
        assert {NewsIndexPage, KnowledgeIndexPage} <= set(HomePage.allowed_subpage_models())
        assert {PolicyIndexPage, OrganisationInfoPage, ExecutivesPage, OIAIndexPage, ITAIndexPage} <= set(
            StandardPage.allowed_subpage_models()
        )
        assert NewsPage not in StandardPage.allowed_subpage_models()


class CreateThroughAdminTests(WagtailPageTestCase):
    """``assertCanCreate`` posts the admin's add form and publishes, as an editor does."""

    def setUp(self):
        self.login()
        self.home = Page.objects.get(depth=2)
        self.sections = f.sections()
        self.owner = f.department()

    def index(self, model, section):
        return add_page(self.sections[section], model, title=model._meta.verbose_name, slug=model.__name__.lower())

    def test_create_every_index_page(self):
        for index, section, _item in INDEXES:
            self.assertCanCreate(
                self.sections[section], index, f.index_form(f"หน้า {index.__name__}", index.__name__.lower())
            )
        self.assertCanCreate(self.home, NewsIndexPage, f.index_form("ข่าวประชาสัมพันธ์", "news"))
        self.assertCanCreate(self.home, KnowledgeIndexPage, f.index_form("คลังความรู้", "knowledge"))

    def test_create_organisation_info_page(self):
        self.assertCanCreate(
            self.sections["about"],
            OrganisationInfoPage,
            f.item_form(
                "ประวัติความเป็นมา", "history", self.owner, topic="history", org_chart="", period_start="01/10/2568"
            ),
        )
        chart = f.image("แผนภูมิโครงสร้าง", "แผนภูมิโครงสร้างโรงพยาบาล")
        self.assertCanCreate(
            self.sections["about"],
            OrganisationInfoPage,
            f.item_form(
                "โครงสร้าง", "structure", self.owner, topic="structure", org_chart=chart.pk, period_start="01/10/2568"
            ),
        )

    def test_create_executives_page(self):
        photo = f.image()
        self.assertCanCreate(
            self.sections["about"],
            ExecutivesPage,
            f.item_form(
                "ทำเนียบผู้บริหาร",
                "executives",
                self.owner,
                period_start="01/10/2568",
                executives=inline_formset(
                    [
                        {
                            "photo": photo.pk,
                            "full_name": "นายแพทย์ธนกร วงศ์ศรีสุข",
                            "position": "ผู้อำนวยการโรงพยาบาลฮอด",
                            "phone": "053-461-037 ต่อ 101",
                        }
                    ],
                    min=1,
                ),
            ),
        )
        assert ExecutivesPage.objects.get().executives.get().phone == "053-461-037 ต่อ 101"

    def test_create_policy_action_plan_and_budget_items(self):
        doc = f.document()
        attachments = streamfield([("document", {"document": doc.pk, "title": ""})])
        policy = self.index(PolicyIndexPage, "plans")
        self.assertCanCreate(
            policy,
            PolicyPage,
            f.item_form(
                "แผนยุทธศาสตร์ 2569",
                "strategy-2569",
                self.owner,
                category="strategy",
                fiscal_year=2569,
                fiscal_quarter="",
                fiscal_month="",
                attachments=attachments,
            ),
        )
        action = self.index(ActionPlanIndexPage, "plans")
        self.assertCanCreate(
            action,
            ActionPlanPage,
            f.item_form(
                "รายงานไตรมาสที่ 1",
                "report-q1",
                self.owner,
                category="report",
                fiscal_year=2569,
                fiscal_quarter=1,
                fiscal_month="",
            ),
        )
        budget = self.index(BudgetIndexPage, "plans")
        self.assertCanCreate(
            budget,
            BudgetPage,
            f.item_form(
                "รายงานผลการใช้จ่าย ไตรมาสที่ 2",
                "spending-q2",
                self.owner,
                category="report",
                fiscal_year=2569,
                fiscal_quarter=2,
                fiscal_month="",
                allocated_amount="48500000.00",
                spent_amount="23915000.00",
            ),
        )
        assert str(BudgetPage.objects.get().spent_percentage) == "49.3"
        assert PolicyPage.objects.get().documents() == [doc]

    def test_create_complaint_procedure_and_report(self):
        procedures = self.index(ComplaintProcedureIndexPage, "transparency")
        self.assertCanCreate(
            procedures,
            ComplaintProcedurePage,
            f.item_form(
                "การร้องเรียนการให้บริการ",
                "service",
                self.owner,
                category="service",
                period_start="01/10/2568",
                period_end="",
                acknowledge_days=3,
                resolve_days=30,
                channels=inline_formset(
                    [
                        {"kind": "phone", "detail": "053-461-037 ต่อ 111", "url": ""},
                        {"kind": "post", "detail": "169 หมู่ 1 ตำบลหางดง", "url": ""},
                    ],
                    min=1,
                ),
            ),
        )
        assert ComplaintProcedurePage.objects.get().channels.count() == 2
        reports = self.index(ComplaintReportIndexPage, "transparency")
        self.assertCanCreate(
            reports,
            ComplaintReportPage,
            f.item_form(
                "สรุปผลเรื่องร้องเรียน รอบ 6 เดือน",
                "service-2569-6",
                self.owner,
                round="6",
                category="service",
                fiscal_year=2569,
                received_count=19,
                resolved_count=16,
                in_progress_count=3,
                analysis="ระยะเวลารอตรวจนาน",
            ),
        )
        assert ComplaintReportPage.objects.get().fiscal_quarter == 2

    def test_create_law_page(self):
        laws = self.index(LawIndexPage, "transparency")
        self.assertCanCreate(
            laws,
            LawPage,
            f.item_form(
                "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
                "oia",
                self.owner,
                category="act",
                period_start="09/12/2540",
                period_end="",
                source="ราชกิจจานุเบกษา เล่ม 114 ตอนที่ 46 ก",
                source_url="https://www.ratchakitcha.soc.go.th/",
            ),
        )

    def test_create_knowledge_items(self):
        knowledge = add_page(self.home, KnowledgeIndexPage, title="คลังความรู้", slug="knowledge")
        infographic = f.image("อินโฟกราฟิก", "สัญญาณเตือนโรคหลอดเลือดสมอง")
        common = {"source": "กรมการแพทย์", "period_start": "29/10/2569", "period_end": ""}
        self.assertCanCreate(
            knowledge,
            KnowledgePage,
            f.item_form(
                "BE FAST", "be-fast", self.owner, category="infographic", image=infographic.pk, video_url="", **common
            ),
        )
        self.assertCanCreate(
            knowledge,
            KnowledgePage,
            f.item_form(
                "ล้างมือ 7 ขั้นตอน",
                "hand-washing",
                self.owner,
                category="video",
                image="",
                video_url="https://www.youtube.com/watch?v=abcdefghijk",
                **common,
            ),
        )

    def test_create_news_item_with_gallery(self):
        news = add_page(self.home, NewsIndexPage, title="ข่าวประชาสัมพันธ์", slug="news")
        photo = f.image("ภาพกิจกรรม", "ภาพกิจกรรมวันพยาบาล")
        self.assertCanCreate(
            news,
            NewsPage,
            f.item_form(
                "ภาพกิจกรรมวันพยาบาล",
                "nurses-day",
                self.owner,
                category="photo",
                listing_image=photo.pk,
                period_start="21/10/2569",
                period_end="",
                gallery_images=inline_formset([{"image": photo.pk, "caption": "พิธีเปิด"}]),
            ),
        )
        assert NewsPage.objects.get().gallery_images.get().caption == "พิธีเปิด"

    def test_create_weblinks_page(self):
        self.assertCanCreate(
            self.sections["services"],
            WeblinkIndexPage,
            f.item_form(
                "ลิงก์หน่วยงานที่เกี่ยวข้อง",
                "weblinks",
                self.owner,
                period_start="01/10/2569",
                period_end="",
                links=inline_formset(
                    [
                        {
                            "name": "กระทรวงสาธารณสุข",
                            "url": "https://www.moph.go.th/",
                            "description": "",
                            "category": "moph",
                        }
                    ],
                    min=1,
                ),
            ),
        )

    def test_create_information_centre(self):
        structure = add_page(self.sections["about"], StandardPage, title="โครงสร้าง", slug="structure")
        doc = f.document("แผนปฏิบัติการ 2570", "plan.pdf")
        self.assertCanCreate(
            self.sections["transparency"],
            OIAIndexPage,
            f.item_form(
                "ศูนย์ข้อมูลข่าวสาร",
                "information-centre",
                self.owner,
                period_start="01/10/2569",
                period_end="",
                request_instructions="ยื่นคำขอที่ศูนย์ข้อมูลข่าวสาร",
                request_page="",
                entries=inline_formset(
                    [
                        {
                            "section": "7_1",
                            "title": "โครงสร้างหน่วยงาน",
                            "description": "",
                            "linked_page": structure.pk,
                            "document": "",
                        },
                        {
                            "section": "9_3",
                            "title": "แผนปฏิบัติการ",
                            "description": "",
                            "linked_page": "",
                            "document": doc.pk,
                        },
                    ]
                ),
            ),
        )
        assert OIAIndexPage.objects.get().entries.count() == 2

    def test_create_ita_year_page(self):
        ita = self.index(ITAIndexPage, "transparency")
        target = add_page(self.sections["about"], StandardPage, title="ทำเนียบผู้บริหาร", slug="executives")
        self.assertCanCreate(
            ita,
            ITAYearPage,
            f.item_form(
                "ITA ปีงบประมาณ พ.ศ. 2569",
                "ita-2569",
                self.owner,
                fiscal_year=2569,
                evidence=inline_formset(
                    [
                        {
                            "moit_number": 2,
                            "label": "2.1.1 ข้อมูลผู้บริหาร",
                            "linked_page": target.pk,
                            "document": "",
                            "url": "",
                            "fiscal_quarter": "",
                            "fiscal_month": "",
                        }
                    ]
                ),
            ),
        )
        assert ITAYearPage.objects.get().evidence.get().moit_number == 2


class IndexCreatedWithoutItemsTests(WagtailPageTestCase):
    def test_an_empty_index_says_nothing_is_published(self):
        self.login()
        section = f.sections()["transparency"]
        laws = add_page(section, LawIndexPage, title="กฎหมาย", slug="laws")
        response = self.client.get(laws.url)
        assert response.status_code == 200
        self.assertContains(response, "item-list__empty")
