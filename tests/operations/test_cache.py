"""Redis down → the site goes on: cache errors are ignored, rate limits fail open and say so in the log."""

import logging
import socket

from django.core.cache import cache
from django.test import RequestFactory

import pytest

from eservices.models import Complaint
from home.abuse import rate_limited
from operations.cache import ResilientRedisCache
from tests.eservices.complaints_support import build_pages, service_data


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def dead_redis_caches():
    return {
        "default": {
            "BACKEND": "operations.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "KEY_PREFIX": "hodsite-test",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = dead_redis_caches()
    yield cache
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}


def test_every_operation_answers_like_an_empty_cache(dead_redis, caplog):
    caplog.set_level(logging.WARNING, logger="hodsite.cache")
    assert cache.get("k", "fallback") == "fallback"
    cache.set("k", "v")
    assert cache.get("k") is None
    assert cache.add("k", 1) is True
    assert cache.incr("counter", 3) == 3
    assert cache.get_many(["a", "b"]) == {}
    assert cache.set_many({"a": 1}) == ["a"]
    assert cache.has_key("a") is False
    assert cache.delete("a") is False
    cache.delete_many(["a"])
    cache.clear()
    assert cache.ping() is False
    warnings = [r.getMessage() for r in caplog.records if r.name == "hodsite.cache"]
    assert any("add" in w and "rate limits fail open" in w for w in warnings)
    assert any(w.startswith("Cache unavailable (get") for w in warnings)


def test_outage_warnings_are_throttled(dead_redis, caplog):
    caplog.set_level(logging.WARNING, logger="hodsite.cache")
    for _ in range(5):
        cache.get("k")
    assert len([r for r in caplog.records if "(get:" in r.getMessage()]) == 1


def test_rate_limits_fail_open_while_redis_is_down(dead_redis, caplog):
    caplog.set_level(logging.WARNING, logger="hodsite.cache")
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    assert [rate_limited(request, "test", 2, 60) for _ in range(5)] == [False] * 5
    assert any("fail open" in r.getMessage() for r in caplog.records)


def test_public_pages_and_the_complaint_form_work_with_redis_down(dead_redis, home_page, client):
    pages = build_pages(home_page)
    assert client.get("/").status_code == 200
    assert client.get(pages["form"].url).status_code == 200
    assert client.get("/search/", {"q": "โรงพยาบาล"}).status_code == 200
    response = client.post(pages["form"].url, service_data())
    assert response.status_code == 302
    assert Complaint.objects.count() == 1
    assert Complaint.objects.get().tracking_code in client.get(response["Location"]).content.decode()


def test_a_running_redis_is_used_normally():
    backend = ResilientRedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "hodsite-test-resilient"})
    if not backend.ping():
        pytest.skip("no Redis on 127.0.0.1:6379 on this machine")
    backend.set("k", "v", 30)
    assert backend.get("k") == "v"
    assert backend.add("k", "other", 30) is False  # a real add, not the outage answer
    backend.delete("k")
    assert backend.get("k") is None
