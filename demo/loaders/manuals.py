"""Demo content of the manuals app: operations manuals (R1.14) and citizen guides (R1.15).

Seven manuals of different units (the two complaint-handling manuals of MOIT 2.12 and 2.13
among them, the service-complaints manual in its FY2569 and FY2570 editions) and five guides,
each with a Thai PDF generated from its own steps, spread over the previous and the current
fiscal year; the manuals, guides and texts are data: ``demo/data/manuals.toml``. Idempotent like every loader: ``builder.page`` and ``builder.pdf_document`` return
what exists already.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from demo import content
from home.thai_dates import current_fiscal_year, fiscal_year_range, thai_date
from manuals import durations
from manuals.models import CitizenGuideIndexPage, CitizenGuidePage, OperationsManualIndexPage, OperationsManualPage

DATA = content.read("manuals")
TEXTS = DATA["texts"]
OFFICE_HOURS = DATA["office_hours"]
COMPLAINT_CHANNELS = "\n".join(DATA["complaint_channels"])


def step(entry):
    """A ``steps`` block from a data file's step (its unit a DurationUnit value)."""
    return (
        "step",
        {
            "title": entry["title"],
            "description": entry.get("description", ""),
            "duration": entry["duration"],
            "duration_unit": durations.DurationUnit(entry["unit"]).value,
            "responsible": entry["responsible"],
        },
    )


def load(builder):
    fy = current_fiscal_year()
    manual_index = operations_manuals(builder, fy)
    guide_index = citizen_guides(builder, fy)
    return manual_index, guide_index


def _period(fy, offset, ends_with_year=False):
    start, end = fiscal_year_range(fy + offset)
    return start, (end if ends_with_year else None)


def _published_at(start, days_after):
    """A plausible publish time a few days into the period, never in the future."""
    moment = timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=days_after), dt.time(10, 0)))
    return min(moment, timezone.now() - dt.timedelta(hours=1))


def _step_lines(steps):
    lines = []
    for number, (_type, value) in enumerate(steps, start=1):
        time = durations.amount_label(value["duration"], value["duration_unit"])
        lines.append(
            TEXTS["step"].format(number=number, title=value["title"], time=time, responsible=value["responsible"])
        )
    total = sum(durations.to_minutes(v["duration"], v["duration_unit"]) for _t, v in steps)
    lines.append(TEXTS["total"].format(total=durations.duration_label(total)))
    return lines


def _index(builder, parent_path, model, slug, section):
    parent = builder.find(parent_path)
    if parent is None:
        return None
    title, intro, body = content.section_text(section)
    return builder.page(parent, model, slug, title=title, intro=intro, body=body, show_in_menus=True)


def operations_manuals(builder, fy):
    index = _index(
        builder, "transparency", OperationsManualIndexPage, "operations-manuals", "transparency/operations-manuals"
    )
    if index is None:
        return None
    for manual in DATA["manuals"]:
        slug, title, intro, owner_name = manual["slug"], manual["title"], manual["intro"], manual["owner"]
        category = OperationsManualPage.Category(manual["category"])
        steps = [step(entry) for entry in manual["steps"]]
        offset = manual["fiscal_year_offset"]
        owner = builder.department(owner_name)
        period = _period(fy, offset, manual["ends_with_year"])
        edition = TEXTS["edition"].format(title=title, fy=fy + offset)
        document = builder.pdf_document(
            edition,
            [intro, TEXTS["manual_owner"].format(owner=owner_name), *_step_lines(steps)],
            f"manual-{slug}.pdf",
            owner=owner,
            period=period,
            meta=[owner_name, TEXTS["manual_effective"].format(date=thai_date(period[0]))],
            description=TEXTS["manual_description"].format(moit=OperationsManualPage.MOIT_ITEMS[category]),
        )
        builder.page(
            index,
            OperationsManualPage,
            slug,
            published_at=_published_at(period[0], 6),
            title=edition,
            intro=intro,
            category=category,
            steps=steps,
            owner_unit=owner,
            period_start=period[0],
            period_end=period[1],
            attachments=[builder.attachment(document, TEXTS["manual_attachment"])],
        )
    return index


def citizen_guides(builder, fy):
    index = _index(builder, "services", CitizenGuideIndexPage, "citizen-guides", "services/citizen-guides")
    if index is None:
        return None
    for guide in DATA["guides"]:
        slug, title, intro, owner_name, form = (
            guide["slug"],
            guide["title"],
            guide["intro"],
            guide["owner"],
            guide["form"],
        )
        place = guide["place"]
        steps = [step(entry) for entry in guide["steps"]]
        fees = guide.get("fees", [])
        owner = builder.department(owner_name)
        period = _period(fy, guide["fiscal_year_offset"])
        form_document = builder.pdf_document(
            TEXTS["form_title"].format(form=form, title=title),
            [line.format(title=title, place=place, office_hours=OFFICE_HOURS) for line in TEXTS["form"]],
            f"form-{slug}.pdf",
            owner=owner,
            period=period,
            meta=[owner_name],
            description=TEXTS["form_description"].format(title=title),
        )
        printed = builder.pdf_document(
            TEXTS["guide_title"].format(title=title),
            [intro, TEXTS["guide_place"].format(place=place, office_hours=OFFICE_HOURS), *_step_lines(steps)],
            f"guide-{slug}.pdf",
            owner=owner,
            period=period,
            meta=[owner_name],
            description=TEXTS["guide_description"].format(title=title),
        )
        builder.page(
            index,
            CitizenGuidePage,
            slug,
            published_at=_published_at(period[0], 10),
            title=title,
            intro=intro,
            service_place=place,
            office_hours=OFFICE_HOURS,
            legal_basis="\n".join(guide["legal_basis"]),
            conditions=guide["conditions"],
            steps=steps,
            free_of_charge=guide.get("free_of_charge", False),
            fees=[
                ("fee", {"item": fee["item"], "amount": Decimal(fee["amount"]), "note": fee["note"]}) for fee in fees
            ],
            required_documents=[("document", document) for document in guide["documents"]],
            complaint_channels=COMPLAINT_CHANNELS,
            owner_unit=owner,
            period_start=period[0],
            period_end=period[1],
            attachments=[
                builder.attachment(form_document, form),
                builder.attachment(printed, TEXTS["guide_attachment"].format(title=title)),
            ],
        )
    return index
