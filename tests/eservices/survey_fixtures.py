"""Builders the survey and visit-statistics tests share: the statistics page with its topics, users
of every role, and requests from a given browser and address."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

from eservices.models import StatisticsPage, SurveyTopic
from home.abuse import forget_salts
from home.models import Department, StandardPage
from home.roles import DIRECTOR, WEBMASTERS
from publishing.setup import setup_roles
from tests.conftest import add_page

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
VISITOR_IP = "203.0.113.45"
TOPICS = ["บริการผู้ป่วยนอก", "บริการห้องยา", "บริการทันตกรรม"]


def make_statistics_page(home_page, topics=TOPICS):
    cache.clear()  # rate-limit counters, seen-visitor keys and the counter of earlier tests
    forget_salts()  # daily salts this process read in earlier (rolled-back) tests
    services = add_page(home_page, StandardPage, title="บริการประชาชน", slug="services")
    page = StatisticsPage(
        title="สถิติและความพึงพอใจ",
        slug="statistics",
        intro="สถิติการเข้าใช้เว็บไซต์และผลการประเมินความพึงพอใจ",
        survey_intro="ขอความร่วมมือประเมินความพึงพอใจ",
        topics=[SurveyTopic(name=name, sort_order=i) for i, name in enumerate(topics)],
    )
    services.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def browser_headers(ip=VISITOR_IP, agent=BROWSER):
    return {"REMOTE_ADDR": ip, "HTTP_USER_AGENT": agent}


def make_role_users():
    """One user per role, as the responsibility table's groups give them (setup_roles)."""
    setup_roles()
    it = Department.objects.get(name="งานข้อมูลและเทคโนโลยีสารสนเทศ")
    User = get_user_model()

    def user(name, *groups, superuser=False):
        account = User.objects.create_user(name, f"{name}@hodhospital.go.th", "pass-1234567", is_superuser=superuser)
        account.groups.add(*groups)
        return account

    return {
        "admin": user("admin", superuser=True),
        "director": user("director", Group.objects.get(name=DIRECTOR)),
        "webmaster": user("webmaster", Group.objects.get(name=WEBMASTERS)),
        "head": user("head", it.head_group),
        "editor": user("editor", it.editor_group),
    }
