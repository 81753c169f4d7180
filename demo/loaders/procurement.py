"""Demo content of the procurement section (R1.7): plans, announcements, analyses, integrity statements and
the monthly แบบ สขร.1 of the last fiscal year (twelve months, one without procurement) and the current one.

Texts, amounts, suppliers and announcements are data: ``demo/data/procurement.toml``. Company names are invented. Rows come from a seeded generator, so every run builds the same months and
``load_demo_data`` stays idempotent (``builder.page`` and ``builder.document`` return what exists).
"""

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from demo import content
from home import thai_dates
from procurement.models import (
    IntegrityStatementIndexPage,
    IntegrityStatementPage,
    Method,
    MonthlySummaryIndexPage,
    MonthlySummaryPage,
    MonthlySummaryRow,
    ProcurementAnalysisIndexPage,
    ProcurementAnalysisPage,
    ProcurementAnnouncementIndexPage,
    ProcurementAnnouncementPage,
    ProcurementIndexPage,
    ProcurementPlanIndexPage,
    ProcurementPlanPage,
)

DATA = content.read("procurement")
OWNER = DATA["owner"]
LISTINGS = [
    ("plan", ProcurementPlanIndexPage),
    ("announcements", ProcurementAnnouncementIndexPage),
    ("monthly-summary", MonthlySummaryIndexPage),
    ("analysis", ProcurementAnalysisIndexPage),
    ("integrity", IntegrityStatementIndexPage),
]

SUPPLIERS = DATA["suppliers"]
# (kind, work, budget) — what a 60-bed community hospital buys in a month.
PURCHASES = [(item["kind"], item["work"], item["budget"]) for item in DATA["purchases"]]
MONTHLY_SERVICES = [(item["kind"], item["work"], item["budget"]) for item in DATA["monthly_services"]]
REASONS = {Method(value): reason for value, reason in DATA["winner_reasons"].items()}
NO_PROCUREMENT_MONTH = DATA["no_procurement_month"]


def load(builder):
    owner = builder.department(OWNER, "unit")
    title, intro, body = content.section_text("procurement")
    section = builder.page(
        builder.home, ProcurementIndexPage, "procurement", title=title, intro=intro, body=body, show_in_menus=True
    )
    pages = {}
    for slug, model in LISTINGS:
        title, intro, body = content.section_text(f"procurement/{slug}")
        pages[slug] = builder.page(section, model, slug, title=title, intro=intro, body=body, show_in_menus=True)
    fy = thai_dates.current_fiscal_year()
    for year in (fy - 1, fy):
        plans(builder, pages["plan"], owner, year)
        integrity(builder, pages["integrity"], owner, year)
        analysis(builder, pages["analysis"], owner, year - 1)
        monthly(builder, pages["monthly-summary"], owner, year)
    announcements(builder, pages["announcements"], owner, fy)


def _date(fy, month, day):
    """A day of a month of fiscal year ``fy`` (BE), as a date."""
    year = thai_dates.ce_year(fy) - (1 if month >= 10 else 0)
    return dt.date(year, month, day)


def _when(day):
    """A publish time for ``day``, but never in the future."""
    moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
    return min(moment, timezone.now() - dt.timedelta(hours=2))


def _started(day):
    return day <= timezone.localdate()


# -- plans (MOIT 4.1, 4.2) ----------------------------------------------------------------------------


def plans(builder, parent, owner, fy):
    text, common = DATA["plan"], DATA["common"]
    allocated, announced = _date(fy, 10, 15), _date(fy, 11, 5)
    if not _started(announced):
        return
    years = fy - text["base_year"]
    operating = Decimal(text["operating"]) + years * Decimal(text["operating_yearly"])
    investment = Decimal(text["investment"]) + years * Decimal(text["investment_yearly"])
    values = {"fy": fy, "operating": operating, "investment": investment, "allocated": thai_dates.thai_date(allocated)}
    start, end = thai_dates.fiscal_year_range(fy)
    meta = [common["issuer"], common["announced_on"].format(date=thai_dates.thai_date(announced))]
    op_doc = builder.pdf_document(
        text["operating_title"].format(**values),
        _fill(text["operating_document"], values),
        f"procurement-plan-operating-{fy}.pdf",
        owner=owner,
        period=(start, end),
        meta=meta,
    )
    inv_doc = builder.pdf_document(
        text["investment_title"].format(**values),
        _fill(text["investment_document"], values),
        f"procurement-plan-investment-{fy}.pdf",
        owner=owner,
        period=(start, end),
        meta=meta,
    )
    letter = builder.pdf_document(
        text["allocation_title"].format(**values),
        _fill(text["allocation_document"], values),
        f"budget-allocation-{fy}.pdf",
        owner=owner,
        period=(start, end),
    )
    builder.page(
        parent,
        ProcurementPlanPage,
        f"plan-{fy}",
        published_at=_when(announced),
        title=text["title"].format(**values),
        intro=text["intro"].format(**values),
        category=ProcurementPlanPage.Category.PLAN,
        fiscal_year=fy,
        budget_allocation_date=allocated,
        announcement_date=announced,
        operating_budget_document=op_doc,
        investment_budget_document=inv_doc,
        allocation_document=letter,
        operating_budget_amount=operating,
        investment_budget_amount=investment,
        owner_unit=owner,
        source=text["source"],
    )
    progress = DATA["progress"]
    for quarter in (1, 2, 3, 4):
        q_start, q_end = thai_dates.fiscal_quarter_range(fy, quarter)
        reported = q_end + dt.timedelta(days=10)
        if not _started(reported):
            continue
        share = Decimal(quarter) / 4
        values = {
            "fy": fy,
            "quarter": quarter,
            "start": thai_dates.thai_date(q_start),
            "end": thai_dates.thai_date(q_end),
            "percent": int(share * 92),
        }
        docs = [
            builder.pdf_document(
                progress["document_title"].format(budget=budget, **values),
                _fill(progress["document"], {"budget": budget, **values}),
                f"procurement-report-{slug}-{fy}-q{quarter}.pdf",
                owner=owner,
                period=(q_start, q_end),
            )
            for slug, budget in progress["budgets"].items()
        ]
        builder.page(
            parent,
            ProcurementPlanPage,
            f"report-{fy}-q{quarter}",
            published_at=_when(reported),
            title=progress["title"].format(**values),
            intro=progress["intro"],
            category=ProcurementPlanPage.Category.PROGRESS,
            fiscal_year=fy,
            fiscal_quarter=quarter,
            operating_budget_document=docs[0],
            investment_budget_document=docs[1],
            owner_unit=owner,
        )


def _fill(paragraphs, values):
    return [paragraph.format(**values) for paragraph in paragraphs]


# -- analysis of last year (MOIT 3) ------------------------------------------------------------------


def analysis(builder, parent, owner, fy):
    text = DATA["analysis"]
    published = _date(fy + 1, 10, 28)
    if not _started(published):
        return
    years = fy - text["base_year"]
    count = text["count"] + years * text["count_yearly"]
    budget = Decimal(text["budget"]) + years * Decimal(text["budget_yearly"])
    contract = (budget * Decimal(text["contract_share"])).quantize(Decimal("0.01"))
    values = {"fy": fy, "count": count, "budget": budget, "contract": contract, "savings": budget - contract}
    start, end = thai_dates.fiscal_year_range(fy)
    report = builder.pdf_document(
        text["document_title"].format(**values),
        _fill(text["document"], values),
        f"procurement-analysis-{fy}.pdf",
        owner=owner,
        period=(start, end),
        meta=[DATA["common"]["issuer"]],
    )
    builder.page(
        parent,
        ProcurementAnalysisPage,
        f"analysis-{fy}",
        published_at=_when(published),
        title=text["title"].format(**values),
        intro=text["intro"].format(**values),
        fiscal_year=fy,
        report_document=report,
        risk_analysis=text["risks"],
        problems_analysis=text["problems"],
        savings_analysis=text["savings"].format(**values),
        improvement_plan=text["improvements"],
        procurement_count=count,
        total_budget=budget,
        total_contract_value=contract,
        owner_unit=owner,
    )


# -- integrity (MOIT 4.3) ------------------------------------------------------------------------------


def integrity(builder, parent, owner, fy):
    text = DATA["integrity"]
    day = _date(fy, 10, 20)
    if not _started(day):
        return
    start, end = thai_dates.fiscal_year_range(fy)
    announcement = builder.pdf_document(
        text["announcement_document_title"].format(fy=fy),
        _fill(text["announcement_document"], {"fy": fy}),
        f"moph-procurement-vetting-2560-{fy}.pdf",
        owner=owner,
        period=(start, end),
    )
    builder.page(
        parent,
        IntegrityStatementPage,
        f"announcement-{fy}",
        published_at=_when(day),
        title=text["announcement_title"].format(fy=fy),
        intro=text["announcement_intro"],
        category=IntegrityStatementPage.Category.ANNOUNCEMENT,
        fiscal_year=fy,
        document=announcement,
        source=text["announcement_source"],
        owner_unit=owner,
    )
    signers = "\n".join(text["signers"])
    for statement in text["statements"]:
        slug, values = statement["slug"], {"label": statement["label"], "fy": fy}
        document = builder.pdf_document(
            text["statement_title"].format(**values),
            _fill(text["statement_document"], values),
            f"integrity-statement-{slug}-{fy}.pdf",
            owner=owner,
            period=(start, end),
            meta=signers.splitlines(),
        )
        builder.page(
            parent,
            IntegrityStatementPage,
            f"{slug}-{fy}",
            published_at=_when(day),
            title=text["statement_title"].format(**values),
            intro=text["statement_intro"],
            category=IntegrityStatementPage.Category(statement["category"]),
            fiscal_year=fy,
            document=document,
            declarants=signers,
            owner_unit=owner,
        )


# -- announcements and results --------------------------------------------------------------------------


def _egp(day, suffix):
    """An e-GP project number as the system issues them: year (BE, two digits), month, then a serial."""
    return f"{thai_dates.be_year(day) % 100:02d}{day.month:02d}{suffix}"


def announcements(builder, parent, owner, fy):
    text = DATA["announcements"]

    def day_of(when):
        return _date(fy + when["fiscal_year_offset"], when["month"], when["day"])

    for project in text["projects"]:
        slug, category, name, day = project["slug"], project["category"], project["project"], day_of(project["date"])
        if not _started(day):
            continue
        method = Method(project["method"])
        budget, reference = Decimal(project["budget"]), Decimal(project["reference"])
        winner, amount = project.get("winner", ""), project.get("amount")
        egp = _egp(day_of(project["egp_date"]), project["egp_serial"])
        kind = text["kinds"][category]
        how = dict(Method.choices)[method]
        paragraphs = [text["offer"].format(project=name, method=how, budget=budget, reference=reference)]
        if winner:
            paragraphs.append(text["winner"].format(winner=winner, amount=Decimal(amount)))
        else:
            paragraphs.append(text["invitation"])
        document = builder.pdf_document(
            text["title"].format(kind=kind, project=name),
            paragraphs,
            f"announcement-{slug}-{day:%Y%m%d}.pdf",
            owner=owner,
            period=(day, None),
            meta=[
                text["project_number"].format(egp=egp),
                DATA["common"]["announced_on"].format(date=thai_dates.thai_date(day)),
            ],
        )
        builder.page(
            parent,
            ProcurementAnnouncementPage,
            f"{slug}-{thai_dates.fiscal_year(day)}",
            published_at=_when(day),
            title=text["title"].format(kind=kind, project=name),
            intro=paragraphs[-1],
            category=category,
            project_name=name,
            method=method,
            budget_amount=budget,
            reference_price=reference,
            winner_name=winner,
            contract_amount=Decimal(amount) if amount else None,
            egp_project_number=egp,
            period_start=day,
            owner_unit=owner,
            source=text["source"],
            attachments=[builder.attachment(document)],
        )


# -- แบบ สขร.1 (MOIT 5) ---------------------------------------------------------------------------------


def month_rows(fy, month):
    """The procurement of one month: two monthly services and three to five other purchases."""
    rnd = random.Random(f"sorkhor1-{fy}-{month}")  # noqa: S311 — demo figures, not secrets
    year = thai_dates.ce_year(fy) - (1 if month >= 10 else 0)
    month_name = f"{thai_dates.thai_month(month)} {year + 543}"
    chosen = [(kind, work.format(month=month_name), budget) for kind, work, budget in MONTHLY_SERVICES]
    chosen += rnd.sample(PURCHASES, rnd.randint(3, 5))
    rows = []
    for i, (kind, work, budget) in enumerate(chosen):
        budget = Decimal(budget)
        reference = (budget * Decimal(rnd.choice(["1", "0.99", "0.985", "0.97"]))).quantize(Decimal("0.01"))
        method = Method.E_MARKET if budget > 100000 and kind != "cleaning" else Method.SPECIFIC
        suppliers = SUPPLIERS[kind]
        agreed = (reference * Decimal(rnd.randint(930, 1000)) / 1000).quantize(Decimal("0.01"))
        if method == Method.SPECIFIC:
            supplier = rnd.choice(suppliers)
            bidders = f"{supplier} {agreed:,.2f}"
        else:
            others = [s for s in suppliers if s != suppliers[0]][:2]
            supplier = suppliers[0]
            offers = [(supplier, agreed)] + [
                (name, (agreed * Decimal(rnd.randint(1010, 1080)) / 1000).quantize(Decimal("0.01"))) for name in others
            ]
            bidders = "\n".join(f"{name} {price:,.2f}" for name, price in offers)
        day = min(3 + i * 4 + rnd.randint(0, 2), 28)
        text = DATA["monthly"]
        order = text["hire_order"] if work.startswith(text["hire"]) else text["purchase_order"]
        rows.append(
            MonthlySummaryRow(
                sort_order=i,
                work=work,
                budget_amount=budget,
                reference_price=reference,
                method=method,
                bidders=bidders,
                supplier_name=supplier,
                agreed_price=agreed,
                reason=REASONS[method],
                contract_number=text["contract_number"].format(order=order, month=month, number=i + 1),
                contract_date=dt.date(year, month, day),
                egp_project_number=_egp(dt.date(year, month, 1), str(rnd.randint(9000000, 9999999)))
                if method != Method.SPECIFIC or budget > 50000
                else "",
            )
        )
    return rows


def monthly(builder, parent, owner, fy):
    for year, month in thai_dates.fiscal_months(fy):
        first = dt.date(year, month, 1)
        next_month = (first + dt.timedelta(days=32)).replace(day=7)
        if not _started(next_month.replace(day=1)):
            # A month's แบบ สขร.1 is made once the month is over (its contracts all dated), never before.
            continue
        label = thai_dates.thai_month_year(first)
        empty = fy < thai_dates.current_fiscal_year() and month == NO_PROCUREMENT_MONTH
        builder.page(
            parent,
            MonthlySummaryPage,
            f"{year + 543}-{month:02d}",
            published_at=_when(next_month),
            title=DATA["monthly"]["title"].format(month=label),
            intro=DATA["monthly"]["intro_none" if empty else "intro"].format(month=label),
            fiscal_year=fy,
            fiscal_month=month,
            no_procurement=empty,
            rows=[] if empty else month_rows(fy, month),
            owner_unit=owner,
        )
