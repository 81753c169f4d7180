"""Builders the ITA tests share: users, the ITA page of a fiscal year, dated documents, statuses by item."""

from django.contrib.auth import get_user_model

from disclosure.models import ITAYearPage
from tests.conftest import add_page
from tests.disclosure import factories

FY = 2569


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(username, f"{username}@hodhospital.go.th", "pass-1234567")
    user.is_superuser = superuser
    user.save()
    user.groups.add(*groups)
    return user


def ita_page(tree, evidence, fy=FY, publish=True):
    return add_page(
        tree["ita"],
        ITAYearPage,
        title=f"ITA {fy}",
        slug=f"ita-{fy}",
        fiscal_year=fy,
        owner_unit=tree["owner"],
        evidence=evidence,
        publish=publish,
    )


def doc(title, start, end):
    document = factories.document(title)
    document.period_start, document.period_end = start, end
    document.save()
    return document


def item(report, number):
    return next(status for status in report.items if status.item.number == number)


def slot_statuses(report, number):
    return [slot.status for slot in item(report, number).slots]
