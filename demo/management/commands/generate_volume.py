"""Add ten years of content on top of the demo hospital, fast, to measure the site at volume.

``manage.py generate_volume [--pages 20000] [--documents 60000] [--seed 2569] [--add]`` (development and
tests only: the ``demo`` app is never installed in production). Run ``load_demo_data`` first; this adds
news and announcements, procurement announcements, one แบบ สขร.1 per month since FY2560 with its rows,
action plans and budget reports of every fiscal year, operations manuals and citizen guides, and
documents attached to them (a share in a private collection), all live and public and in the search
index. How it writes in bulk: ``demo.volume``. A second run refuses, unless ``--add`` asks for another
batch on top. ``tests/bench`` uses it; results in docs/performance.md.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from demo import volume
from demo.volume import SLUG_PREFIX, DocumentMaker, Words, attachments
from disclosure.models import ActionPlanIndexPage, ActionPlanPage, BudgetIndexPage, BudgetPage, NewsIndexPage, NewsPage
from home import thai_dates
from manuals.models import CitizenGuideIndexPage, CitizenGuidePage, OperationsManualIndexPage, OperationsManualPage
from procurement.models import (
    MonthlySummaryIndexPage,
    MonthlySummaryPage,
    MonthlySummaryRow,
    ProcurementAnnouncementIndexPage,
    ProcurementAnnouncementPage,
)
from procurement.models.common import Method

CHUNK = 2000  # pages written, referenced and indexed together
PRIVATE_SHARE = 0.05  # of the documents: internal papers in the private collection, attached to nothing
FIRST_FY = 2560


class Command(BaseCommand):
    help = "Add ten years of pages and documents on top of the demo hospital, to measure speed (dev/test only)."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=20_000, help="Pages to add (default 20,000).")
        parser.add_argument("--documents", type=int, default=60_000, help="Documents to add (default 60,000).")
        parser.add_argument("--seed", type=int, default=2569, help="Random seed: the same seed gives the same site.")
        parser.add_argument("--add", action="store_true", help="Add another batch when generated content exists.")

    def handle(self, *args, pages, documents, seed, add, **options):
        if pages < 1 or documents < 0:
            raise CommandError("--pages must be at least 1 and --documents at least 0.")
        self.parents = self.find_parents()
        existing = Page.objects.filter(slug__startswith=f"{SLUG_PREFIX}").filter(slug__regex=r"^vol[0-9]+-").count()
        if existing and not add:
            raise CommandError(
                f"This database already holds {existing:,} generated pages: nothing was added. "
                "Run with --add to add another batch on top, or start again from a fresh database "
                "(make clean-db, then make run)."
            )
        self.run = self.next_run_number()
        self.words = Words(seed + self.run)
        self.today = timezone.localdate()
        self.docs = DocumentMaker(self.words, volume.department_list(), self.today)
        started = time.monotonic()
        self.counts = {"pages": 0, "documents": 0, "references": 0, "rows": 0}
        with transaction.atomic(), volume.cached_thai_index():
            self.generate(pages, documents)
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Generated batch {self.run}: {self.counts['pages']:,} pages, {self.counts['documents']:,} documents "
            f"({self.counts['rows']:,} สขร.1 rows, {self.counts['references']:,} attachment references) "
            f"in {seconds:.1f} s."
        )

    # -- where the pages go ----------------------------------------------------------------------------

    def find_parents(self):
        parents = {}
        for model in (
            NewsIndexPage,
            ProcurementAnnouncementIndexPage,
            MonthlySummaryIndexPage,
            ActionPlanIndexPage,
            BudgetIndexPage,
            OperationsManualIndexPage,
            CitizenGuideIndexPage,
        ):
            parent = model.objects.order_by("path").first()
            if parent is None:
                raise CommandError(
                    f"No {model._meta.verbose_name} page: load the demo hospital first (manage.py load_demo_data)."
                )
            parents[model] = parent
        return parents

    def next_run_number(self):
        runs = [0]
        for slug in Page.objects.filter(slug__regex=r"^vol[0-9]+-").values_list("slug", flat=True).iterator():
            runs.append(int(slug[len(SLUG_PREFIX) :].split("-", 1)[0]))
        return max(runs) + 1

    def slug(self, kind, number):
        return f"{SLUG_PREFIX}{self.run}-{kind}-{number}"

    # -- the whole batch ---------------------------------------------------------------------------------

    def generate(self, pages, documents):
        private = int(documents * PRIVATE_SHARE)
        public = documents - private
        plan = self.plan(pages)
        self.per_page = public / max(sum(count for _, count in plan), 1)
        self.documents_left = public
        for kind, count in plan:
            for start in range(0, count, CHUNK):
                self.write(kind, range(start, min(start + CHUNK, count)))
                self.progress()
        self.write_unattached(self.documents_left)  # what rounding left: public uploads not attached yet
        self.write_private(private)
        self.progress()

    def plan(self, pages):
        """How many pages of each kind: the yearly and monthly ones are fixed by ten years, the rest shared."""
        months = self.missing_months()
        yearly = (thai_dates.fiscal_year(self.today) - FIRST_FY + 1) * 6  # plans and reports, action and budget
        fixed = min(len(months) + yearly, pages)
        rest = pages - fixed
        manuals = rest * 15 // 1000
        procurement = rest * 20 // 100
        news = rest - 2 * manuals - procurement
        self.months = months[:fixed]
        return [
            ("monthly", len(self.months)),
            ("plans", fixed - len(self.months)),
            ("procurement", procurement),
            ("manuals", manuals),
            ("guides", manuals),
            ("news", news),
        ]

    def missing_months(self):
        parent = self.parents[MonthlySummaryIndexPage]
        present = set(MonthlySummaryPage.objects.child_of(parent).values_list("fiscal_year", "fiscal_month"))
        months = []
        fy, month = FIRST_FY, 10
        while True:
            first = thai_dates.dt.date(thai_dates.ce_year(fy) - (1 if month >= 10 else 0), month, 1)
            if first > self.today:
                return months
            if (fy, month) not in present:
                months.append((fy, month, first))
            fy, month = (fy + 1, 10) if month == 9 else (fy, month % 12 + 1)

    def progress(self):
        self.stdout.write(f"  … {self.counts['pages']:,} pages, {self.counts['documents']:,} documents", ending="\r")
        self.stdout.flush()

    def attach_count(self):
        whole = int(self.per_page)
        return whole + (1 if self.words.random.random() < self.per_page - whole else 0)

    def write(self, kind, numbers):
        make = getattr(self, f"make_{kind}")
        made = [make(n) for n in numbers]  # (page, document count)
        by_model = {}
        for page, day in made:
            count = min(self.attach_count(), self.documents_left)
            self.documents_left -= count
            page._documents = self.docs.for_page(page.title, day, count)
            by_model.setdefault(type(page), []).append(page)
        documents = self.docs.flush()
        self.counts["documents"] += len(documents)
        for model, group in by_model.items():
            for page in group:
                page.attachments = page.attachments_raw = attachments(page._documents)
            parent = self.parent_for(model)
            volume.bulk_add_children(parent, model, group)
            if model is MonthlySummaryPage:
                self.add_rows(group)
            self.counts["references"] += volume.add_references(group)
            volume.index_objects(model, group, related=["rows"] if model is MonthlySummaryPage else [])
            self.counts["pages"] += len(group)
        volume.index_objects(get_document_model(), documents, related=["tags"])

    def write_unattached(self, count):
        self.write_private(count, collection=self.docs.public_collection, titles="document_kinds")

    def write_private(self, count, collection=None, titles="private_documents"):
        collection = collection or volume.private_collection()
        for start in range(0, count, CHUNK):
            for _ in range(min(CHUNK, count - start)):
                day = self.words.day(self.today)
                template = self.words.pick(titles)
                template += "" if "{unit}" in template else " {unit}"
                title = self.words.fill(f"{template} เดือน{{month}} {{year}}", day)
                self.docs.new(title, day, collection=collection)
            documents = self.docs.flush()
            volume.index_objects(get_document_model(), documents, related=["tags"])
            self.counts["documents"] += len(documents)

    def parent_for(self, model):
        return {
            NewsPage: self.parents[NewsIndexPage],
            ProcurementAnnouncementPage: self.parents[ProcurementAnnouncementIndexPage],
            MonthlySummaryPage: self.parents[MonthlySummaryIndexPage],
            ActionPlanPage: self.parents[ActionPlanIndexPage],
            BudgetPage: self.parents[BudgetIndexPage],
            OperationsManualPage: self.parents[OperationsManualIndexPage],
            CitizenGuidePage: self.parents[CitizenGuideIndexPage],
        }[model]

    # -- one page of each kind -------------------------------------------------------------------------

    def common(self, title, day, kind, number):
        w = self.words
        published = w.moment(day)
        return {
            "title": title[:255],
            "slug": self.slug(kind, number),
            "intro": w.paragraphs(1)[0],
            "body": w.body(2),
            "owner_unit": w.random.choice(self.docs.departments),
            "first_published_at": published,
            "last_published_at": published,
        }

    def make_news(self, number):
        w = self.words
        day = w.day(self.today)
        category = w.random.choices([c.value for c in NewsPage.Category], weights=[45, 10, 30, 5, 10], k=1)[0]
        if category == NewsPage.Category.ANNOUNCEMENT or category == NewsPage.Category.JOB:
            template = w.pick("announcement_titles")
        elif category == NewsPage.Category.PROCUREMENT:
            template = "ประกาศเผยแพร่แผนการจัดซื้อ{item} ประจำปีงบประมาณ {fiscal}"
        else:
            template = w.pick("news_titles")
        title = w.fill(template, day)
        page = NewsPage(**self.common(title, day, "news", number), category=category, period_start=day)
        if category == NewsPage.Category.JOB:
            page.period_end = day + thai_dates.dt.timedelta(days=14)
        return page, day

    def make_procurement(self, number):
        w = self.words
        day = w.day(self.today)
        item = w.pick("items")
        method = w.random.choice([m.value for m in Method])
        winner = w.random.random() < 0.5
        budget = w.amount(100_000, 5_000_000)
        label = str(Method(method).label)
        if winner:
            title = f"ประกาศผู้ชนะการเสนอราคา{item} ({label})"
        else:
            title = f"ประกาศเชิญชวน{item} ปีงบประมาณ {thai_dates.fiscal_year(day)} ({label})"
        page = ProcurementAnnouncementPage(
            **self.common(title, day, "procurement", number),
            category="winner" if winner else "invitation",
            project_name=f"{item} จำนวน {w.random.randint(1, 50)} รายการ",
            method=method,
            budget_amount=budget,
            reference_price=budget,
            winner_name=w.pick("suppliers") if winner else "",
            contract_amount=(budget * 95 / 100).quantize(budget) if winner else None,
            egp_project_number=f"{thai_dates.be_year(day) % 100}{w.random.randrange(10**8, 10**9)}",
            period_start=day,
        )
        return page, day

    def make_monthly(self, number):
        fy, month, first = self.months[number]
        label = f"{thai_dates.thai_month(month)} {thai_dates.be_year(first)}"
        title = f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{label} (แบบ สขร.1)"
        last = min(first + thai_dates.dt.timedelta(days=35), self.today)
        page = MonthlySummaryPage(
            **self.common(title, last, "sorkhor1", number),
            fiscal_year=fy,
            fiscal_month=month,
            fiscal_quarter=thai_dates.fiscal_quarter(first),
            no_procurement=False,
        )
        return page, last

    def add_rows(self, pages):
        w = self.words
        rows = []
        for page in pages:
            first = page.period_range[0]
            for order in range(w.random.randint(5, 25)):
                budget = w.amount(2_000, 500_000)
                supplier = w.pick("suppliers")
                rows.append(
                    MonthlySummaryRow(
                        page_id=page.pk,
                        sort_order=order,
                        work=f"{w.pick('items')} จำนวน {w.random.randint(1, 200)} รายการ",
                        budget_amount=budget,
                        reference_price=budget,
                        method=w.random.choice([m.value for m in Method]),
                        bidders=f"{supplier} {budget:,.2f}",
                        supplier_name=supplier,
                        agreed_price=budget,
                        reason=w.pick("reasons"),
                        contract_number=f"{w.random.randint(1, 999)}/{thai_dates.be_year(first)}",
                        contract_date=first + thai_dates.dt.timedelta(days=w.random.randint(0, 27)),
                    )
                )
        MonthlySummaryRow.objects.bulk_create(rows, batch_size=volume.BATCH)
        self.counts["rows"] += len(rows)

    def make_plans(self, number):
        """Per fiscal year: three action plans and their quarterly reports, then budget plans and reports."""
        w = self.words
        fy = FIRST_FY + number // 6
        slot = number % 6
        quarter = None if slot in (0, 3) else w.random.randint(1, 4)
        if quarter and fy == thai_dates.fiscal_year(self.today):
            quarter = min(quarter, thai_dates.fiscal_quarter(self.today))  # only quarters that have begun
        start, end = thai_dates.fiscal_year_range(fy)
        if quarter:
            start, end = thai_dates.fiscal_quarter_range(fy, quarter)
        day = min(start + thai_dates.dt.timedelta(days=w.random.randint(0, 60)), self.today)
        fields = {"fiscal_year": fy, "fiscal_quarter": quarter, "category": "report" if quarter else "plan"}
        if slot < 3:
            template = w.pick("report_titles" if quarter else "plan_titles")
            return ActionPlanPage(**self.common(w.fill(template, day, fiscal=fy), day, "plan", number), **fields), day
        budget = w.pick("budgets")
        kind = "รายงานผลการใช้จ่ายงบประมาณ" if quarter else "แผนการใช้จ่ายงบประมาณ"
        when = f"{thai_dates.fiscal_quarter_label(quarter)} " if quarter else "ประจำ"
        title = f"{kind}{budget} {when}ปีงบประมาณ {fy}"
        allocated = w.amount(1_000_000, 50_000_000)
        page = BudgetPage(
            **self.common(title, day, "budget", number),
            **fields,
            allocated_amount=allocated,
            spent_amount=(allocated * quarter / 5).quantize(allocated) if quarter else None,
        )
        return page, day

    def make_manuals(self, number):
        w = self.words
        day = w.day(self.today)
        title = w.fill(w.pick("manual_titles"), day)
        category = w.random.choice([c.value for c in OperationsManualPage.Category])
        return OperationsManualPage(
            **self.common(title, day, "manual", number), category=category, period_start=day
        ), day

    def make_guides(self, number):
        w = self.words
        day = w.day(self.today)
        title = w.fill(w.pick("guide_titles"), day)
        page = CitizenGuidePage(
            **self.common(title, day, "guide", number),
            period_start=day,
            service_place=f"{w.pick('units')} อาคารผู้ป่วยนอก ชั้น 1 โรงพยาบาลฮอด",
            office_hours="จันทร์–ศุกร์ 08.30–16.30 น. (เว้นวันหยุดราชการ)",
            complaint_channels="ศูนย์รับเรื่องร้องเรียนโรงพยาบาลฮอด โทรศัพท์ 053-461-037\nwww.hodhospital.go.th",
            free_of_charge=w.random.random() < 0.6,
        )
        return page, day
