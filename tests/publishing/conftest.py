"""A hospital with roles set up from the responsibility table, and one user per role."""

from django.contrib.auth import get_user_model

import pytest

from home.models import Department, StandardPage
from home.roles import DIRECTOR, WEBMASTERS
from publishing.setup import setup_roles
from tests.conftest import add_page


def make_user(username, *groups, email=None):
    user = get_user_model().objects.create_user(username, email or f"{username}@hodhospital.go.th", "pass-1234567")
    user.groups.add(*groups)
    return user


@pytest.fixture
def hospital(home_page):
    """Sections 'news' (PR unit) and 'plans/action-plan' (strategy group), roles and workflows."""
    news = add_page(home_page, StandardPage, title="ข่าวประชาสัมพันธ์", slug="news")
    plans = add_page(home_page, StandardPage, title="นโยบายและแผน", slug="plans")
    action_plan = add_page(plans, StandardPage, title="แผนปฏิบัติการประจำปี", slug="action-plan")
    report = setup_roles()
    pr = Department.objects.get(name="งานประชาสัมพันธ์")
    strategy = Department.objects.get(name="กลุ่มงานพัฒนายุทธศาสตร์")
    from django.contrib.auth.models import Group

    users = {
        "editor": make_user("editor", pr.editor_group),
        "editor2": make_user("editor2", pr.editor_group),
        "head": make_user("head", pr.head_group),
        "other_editor": make_user("other_editor", strategy.editor_group),
        "other_head": make_user("other_head", strategy.head_group),
        "webmaster": make_user("webmaster", Group.objects.get(name=WEBMASTERS)),
        "webmaster2": make_user("webmaster2", Group.objects.get(name=WEBMASTERS)),
        "director": make_user("director", Group.objects.get(name=DIRECTOR)),
    }
    return {
        "news": news,
        "plans": plans,
        "action_plan": action_plan,
        "pr": pr,
        "strategy": strategy,
        "users": users,
        "report": report,
    }
