"""The ITA side of the demo's disclosure part: the OIA information centre and the ITA years with their evidence.

Runs right after ``demo.loaders.disclosure`` (whose pages the evidence links to); its ``finish`` links the
ITA pages to the evidence later areas created (the monthly แบบ สขร.1, the e-service pages). Data:
``demo/data/disclosure.toml`` (``information_centre``, ``ita``).
"""

import datetime as dt

from demo import content
from demo.loaders.disclosure import DATA, DATA_HOSPITAL_HOME, PR, STRATEGY, Demo
from disclosure.models import ITAEvidence, ITAIndexPage, ITAYearPage, MoitItem, OIAEntry, OIAIndexPage
from home import thai_dates
from home.models import HospitalDocument


def load(builder):
    demo = Demo(builder)
    information_centre(demo)
    ita(demo)


# Evidence that areas loaded after disclosure create: (MOIT number, label, quarter, month, path). The
# monthly แบบ สขร.1 (procurement) answers MOIT 5 month by month; the e-service pages answer 2.1.8 and 9.3.
def _late_evidence(fy):
    text = DATA["ita"]
    rows = []
    for year, month in thai_dates.fiscal_months(fy):
        label = text["monthly_summary_label"].format(month=thai_dates.thai_month_year(dt.date(year, month, 1)))
        rows.append((5, label, None, month, f"procurement/monthly-summary/{year + 543}-{month:02d}"))
    rows += [(entry["moit"], entry["label"], None, None, entry["path"]) for entry in text["late"]]
    return rows


def finish(builder):
    """After every app's loader: link the ITA pages to the evidence later apps created (idempotent)."""
    demo = Demo(builder)
    for fy in (demo.prev, demo.fy):
        page = builder.find(f"transparency/ita/ita-{fy}")
        if page is None:
            continue
        page = page.specific
        linked = set(page.evidence.exclude(linked_page=None).values_list("linked_page_id", flat=True))
        order = page.evidence.count()
        added = 0
        for number, label, quarter, month, path in _late_evidence(fy):
            target = builder.find(path)
            if target is None or target.pk in linked:
                continue
            page.evidence.add(
                ITAEvidence(
                    moit_number=number,
                    label=label,
                    fiscal_quarter=quarter,
                    fiscal_month=month,
                    linked_page=target,
                    sort_order=order + added,
                )
            )
            added += 1
        if added:
            page.save_revision().publish()
            builder.created.append(f"ITA {fy}: {added} evidence links to later apps' pages")


# -- R1.13 information centre --------------------------------------------------------------------


def information_centre(demo):
    b = demo.b
    data = DATA["information_centre"]
    entries = []
    for i, link in enumerate(data["entries"]):
        target = b.find(link["path"])
        if target is not None:
            entries.append(
                OIAEntry(
                    section=link["section"],
                    title=link["title"],
                    description=link["description"],
                    linked_page=target,
                    sort_order=i,
                )
            )
    for i, entry in enumerate(data["documents"], start=len(data["entries"])):
        title = entry["title"].format(fy=demo.fy)
        paragraphs = [paragraph.format(fy=demo.fy) for paragraph in entry["paragraphs"]]
        document = demo.pdf(title, paragraphs, entry["filename"].format(fy=demo.fy), demo.dept(PR))
        entries.append(
            OIAEntry(
                section=entry["section"],
                title=title,
                description=entry["description"],
                document=document,
                sort_order=i,
            )
        )
    contact = content.CONTACT
    demo.section(
        "transparency/information-centre",
        OIAIndexPage,
        entries=entries,
        owner_unit=demo.dept(PR),
        period_start=demo.fy_day(demo.fy, 10, 1),
        show_in_menus=True,
        request_instructions=data["request_instructions"].format(
            address=contact["address"].replace("\n", " "), email=contact["email"], phone=contact["phone"]
        ),
        request_page=b.find("contact"),
    )


# -- ITA (MOIT 1–22) -----------------------------------------------------------------------------


def ita(demo):
    b = demo.b
    data = DATA["ita"]
    if not MoitItem.objects.filter(fiscal_year=demo.fy).exists():
        source = max(
            MoitItem.objects.filter(fiscal_year__lt=demo.fy).values_list("fiscal_year", flat=True), default=None
        )
        if source:
            MoitItem.copy_year(source, demo.fy)
            MoitItem.objects.filter(fiscal_year=demo.fy).update(
                notes=data["copied_note"].format(source=source, fy=demo.fy)
            )
            b.created.append(f"MOIT items of {demo.fy} (copied from {source})")
    index = demo.section("transparency/ita", ITAIndexPage, show_in_menus=True)
    owner = demo.dept(STRATEGY)

    def page_link(path):
        return b.find(path)

    def doc(title_start):
        return HospitalDocument.objects.filter(title__startswith=title_start).order_by("-pk").first()

    def memo(fy, number, subject, paragraphs):
        return demo.pdf(
            data["memo_title"].format(subject=subject, fy=fy),
            paragraphs,
            f"ita-{fy}-moit{number}.pdf",
            owner,
            thai_dates.fiscal_year_range(fy),
        )

    def evidence_rows(fy, entries, documents):
        """(MOIT number, label, quarter, month, document, path) of a year's evidence; memos made in order."""
        rows = []
        for entry in entries:
            if "memo" in entry:
                document = memo(fy, entry["moit"], entry["memo"]["subject"], entry["memo"]["paragraphs"])
            else:
                document = documents.get(entry.get("document"))
            path = entry["path"].format(fy=fy) if "path" in entry else None
            rows.append((entry["moit"], entry["label"], entry.get("quarter"), None, document, path))
        return rows

    prev = demo.prev
    evidence_prev = evidence_rows(prev, data["previous_year"], {})
    fy = demo.fy
    no_gift = doc(DATA_HOSPITAL_HOME["no_gift_document"]["title"].format(fy=fy))
    evidence_now = evidence_rows(fy, data["current_year"], {"no_gift": no_gift})

    for fy, rows, day in (
        (prev, evidence_prev, demo.fy_day(prev, 10, 5)),
        (demo.fy, evidence_now, demo.fy_day(demo.fy, 10, 5)),
    ):
        evidence = []
        for i, (number, label, quarter, month, document, path) in enumerate(rows):
            target = page_link(path) if path else None
            if document is None and target is None:
                continue
            evidence.append(
                ITAEvidence(
                    moit_number=number,
                    label=label,
                    fiscal_quarter=quarter,
                    fiscal_month=month,
                    document=document,
                    linked_page=target,
                    sort_order=i,
                )
            )
        b.page(
            index,
            ITAYearPage,
            f"ita-{fy}",
            title=data["title"].format(fy=fy),
            intro=data["intro"].format(fy=fy),
            fiscal_year=fy,
            owner_unit=owner,
            evidence=evidence,
            published_at=demo.when(day),
        )
