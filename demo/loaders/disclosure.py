"""The disclosure part of the demo hospital: every R1 category of this app, for two fiscal years.

The texts, people, laws, links and evidence are data: ``demo/data/disclosure.toml``; this module
keeps the structure (which page type, which owner, which dates). Called by ``manage.py load_demo_data`` after the hospital's own part (see ``demo.builder``).
Everything is created only when missing, so a second run changes nothing. Dates are computed from
the current fiscal year (FY *n*: the year in progress, FY *n−1*: the last full year), so the demo
stays sensible in later years. Names of people are invented; owners follow the seed's table.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from demo import content, disclosure_pictures, media
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
    KnowledgeIndexPage,
    KnowledgePage,
    LawIndexPage,
    LawPage,
    NewsGalleryImage,
    NewsIndexPage,
    NewsPage,
    OrganisationInfoPage,
    PolicyIndexPage,
    PolicyPage,
    Weblink,
    WeblinkIndexPage,
)
from home import thai_dates
from home.models import HospitalDocument

DATA = content.read("disclosure")
DATA_HOSPITAL_HOME = content.read("hospital")["home"]
UNITS = DATA["units"]
PR, IT, STRATEGY, ADMIN = UNITS["pr"], UNITS["it"], UNITS["strategy"], UNITS["admin"]
LEGAL, CONSUMER, PRIMARY, NURSING = UNITS["legal"], UNITS["consumer"], UNITS["primary"], UNITS["nursing"]
EXECUTIVES = [(e["name"], e["position"], e["phone"]) for e in DATA["executives"]]
STRUCTURE_GROUPS = DATA["structure_groups"]


class Demo:
    """Shared state of one run: the builder, the fiscal years, and helpers for dates and files."""

    def __init__(self, builder):
        self.b = builder
        self.fy = thai_dates.current_fiscal_year()
        self.prev = self.fy - 1

    def dept(self, name):
        return self.b.department(name)

    def when(self, day, hour=10):
        """An aware datetime on ``day`` (never in the future): when a demo item was published."""
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))
        return min(moment, timezone.now() - dt.timedelta(hours=1))

    def fy_day(self, fy, month, day):
        """A day of fiscal year ``fy`` given by month and day (October–December fall in the year before)."""
        year = thai_dates.ce_year(fy) - (1 if month >= 10 else 0)
        return dt.date(year, month, day)

    def day(self, when):
        """A data file's ``{ fiscal_year = "current" | "previous", month, day }`` as a date."""
        fy = {"current": self.fy, "previous": self.prev}[when["fiscal_year"]]
        return self.fy_day(fy, when["month"], when["day"])

    def pdf(self, title, paragraphs, filename, owner, period=(None, None)):
        return self.b.pdf_document(
            title, paragraphs, filename, owner=owner, period=period, meta=[content.CONTACT["hospital_name"], owner.name]
        )

    def attach(self, *documents):
        return [self.b.attachment(doc) for doc in documents if doc]

    def section(self, path, model, **fields):
        """The page at ``path`` (parent must exist) with TREE's title, intro and body."""
        parent_path, _sep, slug = path.rpartition("/")
        parent = self.b.find(parent_path) if parent_path else self.b.home
        title, intro, body = content.section_text(path)
        fields.setdefault("title", title)
        fields.setdefault("intro", intro)
        fields.setdefault("body", body)
        return self.b.page(parent, model, slug, **fields)


def load(builder):
    demo = Demo(builder)
    about(demo)
    plans(demo)
    complaints(demo)
    laws(demo)
    knowledge(demo)
    weblinks(demo)
    news(demo)


# -- R1.1 organisation ---------------------------------------------------------------------------


def about(demo):
    b = demo.b
    text = DATA["about"]
    start_of_record = dt.date(2022, 10, 1)
    topics = [
        ("about/history", OrganisationInfoPage.Topic.HISTORY, PR, {}),
        ("about/vision-mission", OrganisationInfoPage.Topic.VISION_MISSION, STRATEGY, {}),
        ("about/powers-duties", OrganisationInfoPage.Topic.POWERS_DUTIES, ADMIN, {}),
    ]
    for path, topic, owner, extra in topics:
        demo.section(
            path,
            OrganisationInfoPage,
            topic=topic,
            owner_unit=demo.dept(owner),
            period_start=start_of_record,
            show_in_menus=True,
            published_at=demo.when(start_of_record + dt.timedelta(days=20)),
            **extra,
        )

    director_position = content.DIRECTOR[1]
    chart = b.image(
        text["structure_chart"]["title"],
        lambda: disclosure_pictures.org_chart(director_position, STRUCTURE_GROUPS),
        "hod-structure.png",
        # Alt text fits the 255 characters of the image's description; the groups are listed in the page body.
        text["structure_chart"]["alt"],
    )
    fy_start = thai_dates.fiscal_year_range(demo.fy)[0]
    demo.section(
        "about/structure",
        OrganisationInfoPage,
        topic=OrganisationInfoPage.Topic.STRUCTURE,
        org_chart=chart,
        owner_unit=demo.dept(STRATEGY),
        period_start=fy_start,
        show_in_menus=True,
        published_at=demo.when(fy_start),
    )

    executives = []
    for i, (name, position, phone) in enumerate(EXECUTIVES):
        photo = b.image(
            text["executive_photo"]["title"].format(name=name),
            lambda i=i: media.portrait(10 + i),
            f"executive-{i + 1}.jpg",
            text["executive_photo"]["alt"].format(name=name, position=position),
        )
        executives.append(Executive(photo=photo, full_name=name, position=position, phone=phone, sort_order=i))
    demo.section(
        "about/executives",
        ExecutivesPage,
        executives=executives,
        owner_unit=demo.dept(PR),
        period_start=fy_start,
        show_in_menus=True,
        published_at=demo.when(fy_start + dt.timedelta(days=3)),
    )

    policy = text["executive_policy"]
    policy_pdf = demo.pdf(
        policy["document_title"].format(fy=demo.fy),
        policy["document"],
        f"executive-policy-{demo.fy}.pdf",
        demo.dept(STRATEGY),
        thai_dates.fiscal_year_range(demo.fy),
    )
    b.page(
        b.find("about"),
        OrganisationInfoPage,
        "executive-policy",
        title=policy["title"],
        intro=policy["intro"].format(fy=demo.fy),
        body=content.body(policy["body"]),
        topic=OrganisationInfoPage.Topic.EXECUTIVE_POLICY,
        owner_unit=demo.dept(STRATEGY),
        period_start=fy_start,
        attachments=demo.attach(policy_pdf),
        show_in_menus=True,
        published_at=demo.when(fy_start + dt.timedelta(days=5)),
    )

    ethics = text["ethics"]
    ethics_pdf = demo.pdf(
        ethics["document_title"],
        ethics["document"],
        "ethics-code-summary.pdf",
        demo.dept(ADMIN),
        (ethics["effective"], None),
    )
    demo.section(
        "about/ethics",
        OrganisationInfoPage,
        topic=OrganisationInfoPage.Topic.ETHICS,
        owner_unit=demo.dept(ADMIN),
        period_start=ethics["effective"],
        source=ethics["source"],
        attachments=demo.attach(ethics_pdf),
        show_in_menus=True,
        published_at=demo.when(start_of_record),
    )


# -- R1.2–R1.4 plans -----------------------------------------------------------------------------


def plans(demo):
    b = demo.b
    text = DATA["plans"]
    strategy = demo.dept(STRATEGY)
    index = demo.section("plans/policy-strategy", PolicyIndexPage, show_in_menus=True)
    for fy in (demo.prev, demo.fy):
        doc = demo.pdf(
            text["strategy"]["title"].format(fy=fy),
            text["strategy"]["document"],
            f"strategy-{fy}.pdf",
            strategy,
            thai_dates.fiscal_year_range(fy),
        )
        b.page(
            index,
            PolicyPage,
            f"strategy-{fy}",
            title=text["strategy"]["title"].format(fy=fy),
            intro=text["strategy"]["intro"],
            category=PolicyPage.Category.STRATEGY,
            fiscal_year=fy,
            owner_unit=strategy,
            attachments=demo.attach(doc),
            published_at=demo.when(demo.fy_day(fy, 10, 15)),
        )
    policy_doc = HospitalDocument.objects.filter(title__startswith=text["policy_document_prefix"]).first()
    b.page(
        index,
        PolicyPage,
        f"executive-policy-{demo.fy}",
        title=text["executive_policy"]["title"].format(fy=demo.fy),
        intro=text["executive_policy"]["intro"],
        category=PolicyPage.Category.POLICY,
        fiscal_year=demo.fy,
        owner_unit=strategy,
        attachments=demo.attach(policy_doc),
        published_at=demo.when(demo.fy_day(demo.fy, 10, 8)),
    )
    national = text["national_strategy"]
    b.page(
        index,
        PolicyPage,
        "national-strategy",
        title=national["title"],
        intro=national["intro"],
        body=content.body(national["body"]),
        category=PolicyPage.Category.NATIONAL,
        fiscal_year=demo.fy,
        owner_unit=strategy,
        source=national["source"],
        published_at=demo.when(demo.fy_day(demo.fy, 10, 20)),
    )

    # Action plan (R1.3) and budget (R1.4): the plan of both years and the quarterly reports of the last one.
    action = demo.section("plans/action-plan", ActionPlanIndexPage, show_in_menus=True)
    budget = demo.section("plans/budget", BudgetIndexPage, show_in_menus=True)
    allocated = {demo.prev: Decimal(text["allocated"]["previous"]), demo.fy: Decimal(text["allocated"]["current"])}
    spent = [Decimal(amount) for amount in text["spent"]]
    projects = dict(enumerate(text["projects"], start=1))
    for fy in (demo.prev, demo.fy):
        values = {"fy": fy, "allocated": allocated[fy]}
        plan, spending = text["action_plan"], text["budget"]
        plan_doc = demo.pdf(
            plan["document_title"].format(**values),
            [paragraph.format(**values) for paragraph in plan["document"]],
            f"action-plan-{fy}.pdf",
            strategy,
            thai_dates.fiscal_year_range(fy),
        )
        b.page(
            action,
            ActionPlanPage,
            f"plan-{fy}",
            title=plan["title"].format(**values),
            intro=plan["intro"].format(**values),
            category=ActionPlanPage.Category.PLAN,
            fiscal_year=fy,
            owner_unit=strategy,
            attachments=demo.attach(plan_doc),
            published_at=demo.when(demo.fy_day(fy, 10, 25)),
        )
        budget_doc = demo.pdf(
            spending["document_title"].format(**values),
            [paragraph.format(**values) for paragraph in spending["document"]],
            f"budget-plan-{fy}.pdf",
            strategy,
            thai_dates.fiscal_year_range(fy),
        )
        b.page(
            budget,
            BudgetPage,
            f"plan-{fy}",
            title=spending["title"].format(**values),
            intro=spending["intro"],
            category=BudgetPage.Category.PLAN,
            fiscal_year=fy,
            allocated_amount=allocated[fy],
            owner_unit=strategy,
            attachments=demo.attach(budget_doc),
            published_at=demo.when(demo.fy_day(fy, 10, 28)),
        )
    fy = demo.prev
    report, spend_report = text["action_report"], text["budget_report"]
    for quarter in (1, 2, 3, 4):
        start, end = thai_dates.fiscal_quarter_range(fy, quarter)
        published = demo.when(end + dt.timedelta(days=20))
        label = thai_dates.fiscal_quarter_label(quarter, fy)
        values = {
            "label": label,
            "projects": projects[quarter],
            "percent": projects[quarter] * 100 // 36,
            "spent": spent[quarter - 1],
            "allocated": allocated[fy],
        }
        report_doc = demo.pdf(
            report["title"].format(**values),
            [paragraph.format(**values) for paragraph in report["document"]],
            f"action-plan-report-{fy}-q{quarter}.pdf",
            strategy,
            (start, end),
        )
        b.page(
            action,
            ActionPlanPage,
            f"report-{fy}-q{quarter}",
            title=report["title"].format(**values),
            intro=report["intro"].format(**values),
            category=ActionPlanPage.Category.REPORT,
            fiscal_year=fy,
            fiscal_quarter=quarter,
            owner_unit=strategy,
            attachments=demo.attach(report_doc),
            published_at=published,
        )
        spend_doc = demo.pdf(
            spend_report["title"].format(**values),
            [paragraph.format(**values) for paragraph in spend_report["document"]],
            f"budget-report-{fy}-q{quarter}.pdf",
            strategy,
            (start, end),
        )
        b.page(
            budget,
            BudgetPage,
            f"report-{fy}-q{quarter}",
            title=spend_report["title"].format(**values),
            intro=spend_report["intro"],
            category=BudgetPage.Category.REPORT,
            fiscal_year=fy,
            fiscal_quarter=quarter,
            allocated_amount=allocated[fy],
            spent_amount=spent[quarter - 1],
            owner_unit=strategy,
            attachments=demo.attach(spend_doc),
            published_at=published,
        )


# -- R1.5–R1.6 complaints ------------------------------------------------------------------------


def complaints(demo):
    b = demo.b
    data = DATA["complaints"]
    admin = demo.dept(ADMIN)
    index = demo.section("transparency/complaint-procedures", ComplaintProcedureIndexPage, show_in_menus=True)
    effective = demo.fy_day(demo.prev, 10, 1)

    def channel(entry):
        linked = b.find(entry["url_of"]) if "url_of" in entry else None
        return ComplaintChannel.Kind(entry["kind"]), entry["detail"], linked.full_url if linked else ""

    common_channels = [channel(entry) for entry in data["channels"]]
    for procedure in data["procedures"]:
        slug, owner = procedure["slug"], demo.dept(UNITS[procedure["owner"]])
        manual = demo.pdf(
            procedure["manual_title"], data["manual_steps"], f"complaint-manual-{slug}.pdf", owner, (effective, None)
        )
        channels = [
            ComplaintChannel(kind=kind, detail=detail, url=url, sort_order=i)
            for i, (kind, detail, url) in enumerate(common_channels + [channel(c) for c in procedure["channels"]])
        ]
        b.page(
            index,
            ComplaintProcedurePage,
            slug,
            title=procedure["title"],
            intro=procedure["intro"],
            category=procedure["category"],
            acknowledge_days=3,
            resolve_days=30,
            channels=channels,
            owner_unit=owner,
            period_start=effective,
            body=content.body(data["procedure_body"]),
            attachments=demo.attach(manual),
            published_at=demo.when(effective + dt.timedelta(days=10)),
        )

    reports = demo.section("transparency/complaint-reports", ComplaintReportIndexPage, show_in_menus=True)
    text = data["reports"]
    for report in text["rounds"]:
        fy, round_ = demo.fy + report["fiscal_year_offset"], report["round"]
        counts = {category: report[category] for category in ("service", "corruption")}
        start, end = thai_dates.fiscal_year_range(fy)
        if round_ == "6":
            end = dt.date(end.year, 3, 31)
        round_label = text["round_labels"][round_]
        numbers = {
            f"{category}_{name}": value
            for category, values in counts.items()
            for name, value in zip(("received", "resolved", "in_progress"), values, strict=True)
        }
        doc = demo.pdf(
            text["document_title"].format(round=round_label, fy=fy),
            [paragraph.format(**numbers) for paragraph in text["document_paragraphs"]],
            f"complaint-report-{fy}-{round_}.pdf",
            admin,
            (start, end),
        )
        for category in ("service", "corruption"):
            received, resolved, progress = counts[category]
            what = text["categories"][category]
            b.page(
                reports,
                ComplaintReportPage,
                f"{category}-{fy}-{round_}",
                title=text["title"].format(what=what, round=round_label, fy=fy),
                intro=text["intro"].format(received=received, resolved=resolved),
                round=round_,
                category=category,
                fiscal_year=fy,
                received_count=received,
                resolved_count=resolved,
                in_progress_count=progress,
                owner_unit=demo.dept(UNITS[text["owners"][category]]),
                analysis="\n".join(text["analysis"]) if received else text["analysis_none"],
                attachments=demo.attach(doc),
                published_at=demo.when(end + dt.timedelta(days=15)),
            )


# -- R1.10 laws ----------------------------------------------------------------------------------

LAWS = [
    (law["slug"], law["title"], law["category"], law["effective"], law["source"], law["owner"], law["intro"])
    for law in DATA["laws"]
]


def laws(demo):
    b = demo.b
    index = demo.section("transparency/laws", LawIndexPage, show_in_menus=True)
    for i, (slug, title, category, effective, source, owner, intro) in enumerate(LAWS):
        url = "https://www.ratchakitcha.soc.go.th/"
        b.page(
            index,
            LawPage,
            slug,
            title=title,
            intro=intro,
            category=category,
            period_start=effective,
            source=source,
            source_url=url,
            owner_unit=demo.dept(owner),
            published_at=demo.when(demo.fy_day(demo.prev, 11, 1) + dt.timedelta(days=i)),
        )


# -- R1.11 knowledge -----------------------------------------------------------------------------


def knowledge(demo):
    b = demo.b
    title, intro, body = content.section_text("knowledge")
    index = b.page(b.home, KnowledgeIndexPage, "knowledge", title=title, intro=intro, body=body, show_in_menus=True)
    for entry in DATA["knowledge"]:
        years = {"fy": demo.fy, "prev": demo.prev}
        owner = demo.dept(UNITS[entry["owner"]])
        published = demo.day(entry["published"])
        start = demo.day(entry["period_start"]) if "period_start" in entry else published
        end = demo.day(entry["period_end"]) if "period_end" in entry else None
        fields = {"category": entry["category"], "source": entry["source"], "period_start": start, "owner_unit": owner}
        if "from_section" in entry:
            title, intro, body = content.section_text(entry["from_section"])
            # The old page's last paragraph named the source in the text; the source is now its own field.
            fields["body"] = [block for block in body if "แหล่งที่มา" not in block["value"]]
        else:
            title, intro = entry["title"].format(**years), entry["intro"]
        if "body" in entry:
            fields["body"] = content.body(entry["body"])
        if "video_url" in entry:
            fields["video_url"] = entry["video_url"]
        if end is not None:
            fields["period_end"] = end
        if "picture" in entry:
            picture = entry["picture"]
            drawing = getattr(disclosure_pictures, picture["drawing"])
            fields["image"] = b.image(picture["title"], drawing, picture["filename"], picture["alt"])
        if "document" in entry:
            document = entry["document"]
            pdf = demo.pdf(
                document["title"].format(**years),
                document["paragraphs"],
                document["filename"].format(**years),
                owner,
                (start, end),
            )
            fields["attachments"] = demo.attach(pdf)
        b.page(
            index,
            KnowledgePage,
            entry["slug"].format(**years),
            title=title,
            intro=intro,
            published_at=demo.when(published),
            **fields,
        )


# -- R1.12 weblinks ------------------------------------------------------------------------------

WEBLINKS = [(link["name"], link["url"], link["description"], link["category"]) for link in DATA["weblinks"]]


def weblinks(demo):
    title, intro, body = content.section_text("services/weblinks")
    # The old text listed the links inline; they are now records, so only the responsibility text stays.
    body = [block for block in body if "<a href" not in str(block["value"])]
    links = [
        Weblink(name=name, url=url, description=description, category=category, sort_order=i)
        for i, (name, url, description, category) in enumerate(WEBLINKS)
    ]
    demo.section(
        "services/weblinks",
        WeblinkIndexPage,
        title=title,
        intro=intro,
        body=body,
        links=links,
        owner_unit=demo.dept(IT),
        period_start=demo.fy_day(demo.fy, 10, 1),
        show_in_menus=True,
    )


# -- R1.8 news -----------------------------------------------------------------------------------


def news(demo):
    b = demo.b
    text = DATA["news"]
    title, intro, body = content.section_text("news")
    index = b.page(b.home, NewsIndexPage, "news", title=title, intro=intro, body=body, show_in_menus=True)
    pr, admin = demo.dept(PR), demo.dept(ADMIN)
    now = timezone.localdate()

    for i, (slug, n_title, n_intro, hint, days_ago) in enumerate(content.NEWS):
        picture = b.image(
            n_title,
            lambda i=i, hint=hint: media.news_picture(hint, i),
            f"news-{slug}.jpg",
            text["picture_alt"].format(title=n_title),
        )
        day = now - dt.timedelta(days=days_ago)
        fields = {"category": "news", "period_start": day, "owner_unit": pr, "attachments": []}
        if slug.startswith("job-"):
            # Applications open a week after the announcement and run two weeks; the summary, the PDF and
            # the facts box all say the same dates.
            start = day + dt.timedelta(days=7)
            end = start + dt.timedelta(days=14)
            dates = {"start": thai_dates.thai_date(start), "end": thai_dates.thai_date(end)}
            n_intro = n_intro.format(**dates)
            paragraphs = [paragraph.format(**dates) for paragraph in text["job_paragraphs"]]
            doc = demo.pdf(n_title, paragraphs, f"{slug}.pdf", admin, (start, end))
            fields.update(
                category="job", period_start=start, period_end=end, owner_unit=admin, attachments=demo.attach(doc)
            )
        elif "anti-corruption" in slug or "vaccination" in slug:
            fields["category"] = "photo"
        b.page(
            index,
            NewsPage,
            slug,
            title=n_title,
            intro=n_intro,
            listing_image=picture,
            published_days_ago=days_ago,
            body=content.p(text["recent_body"].format(intro=n_intro)),
            **fields,
        )

    # Older items across the two fiscal years.
    for i, item in enumerate(DATA["more_news"]):
        slug, n_title, n_intro, hint = item["slug"], item["title"], item["intro"], item["picture_label"]
        day, owner = demo.day(item["published"]), demo.dept(item["owner"])
        picture = None
        if hint:
            picture = b.image(
                n_title,
                lambda i=i, hint=hint: media.news_picture(hint, 20 + i),
                f"news-{slug}.jpg",
                text["picture_alt"].format(title=n_title),
            )
        fields = {}
        if "gallery" in item:
            gallery, photos = item["gallery"], []
            for j, caption in enumerate(gallery["captions"]):
                image = b.image(
                    text["gallery_title"].format(title=n_title, number=j + 1),
                    lambda j=j, label=gallery["picture_label"]: media.news_picture(label, 40 + j),
                    f"news-{slug}-{j + 1}.jpg",
                    gallery["alt"].format(caption=caption),
                )
                photos.append(NewsGalleryImage(image=image, caption=caption, sort_order=j))
            fields["gallery_images"] = photos
        if "document" in item:
            doc = demo.pdf(n_title, item["document"], f"{slug}.pdf", owner, (day, None))
            fields["attachments"] = demo.attach(doc)
        b.page(
            index,
            NewsPage,
            slug,
            title=n_title,
            intro=n_intro,
            category=item["category"],
            listing_image=picture,
            period_start=day,
            owner_unit=owner,
            published_at=demo.when(day),
            body=content.p(text["older_body"].format(intro=n_intro)),
            **fields,
        )
