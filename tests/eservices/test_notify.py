"""The e-services' e-mails go through one service per app (``complaints.notify``, ``feedback.notify``) and
``home.mail``: who gets what, and a mail-server outage never loses a complaint, a case change or an answer."""

import logging

from django.test import Client

import pytest

from eservices.complaints import notify
from eservices.models import Complaint, Feedback
from tests.eservices.complaints_support import build_pages, make_complaint, role_users, service_data
from tests.publishing import conftest as publishing_fixtures

hospital = publishing_fixtures.hospital  # the roles fixture of the publishing tests


@pytest.fixture
def mail_server_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("home.mail.send_mail", refuse)


def as_user(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_new_complaint_mails_the_code_to_the_complainant_and_the_case_link_to_its_handlers(
    hospital, home_page, mailoutbox
):
    users = role_users(hospital)
    users["centre"].email = "centre@example.com"
    users["centre"].save()
    users["integrity"].email = "integrity@example.com"
    users["integrity"].save()
    complaint = make_complaint("service", email="somjai@example.com", name="สมใจ", phone="0812345678")
    build_pages(home_page)
    notify.notify_received(complaint)
    assert [m.to for m in mailoutbox] == [["somjai@example.com"], ["centre@example.com"]]
    staff = mailoutbox[1]
    assert f"http://testserver/admin/eservices/complaint/edit/{complaint.pk}/" in staff.body
    assert complaint.tracking_code in mailoutbox[0].body and "/complaint-status/" in mailoutbox[0].body


def test_a_complaint_is_kept_and_its_code_shown_when_the_mail_server_is_down(
    client, home_page, mail_server_down, caplog
):
    pages = build_pages(home_page)
    with caplog.at_level(logging.ERROR, logger="home.mail"):
        response = client.post(pages["form"].url, service_data())
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.tracking_code in client.get(response["Location"]).content.decode()
    assert "eservices/complaints/email/received" in caplog.text


def test_a_case_change_is_saved_when_the_mail_server_is_down(hospital, mail_server_down):
    users = role_users(hospital)
    complaint = make_complaint("service", email="somjai@example.com", name="สมใจ", phone="0812345678")
    payload = {"status": "acknowledged", "department": "", "forwarded_to": "", "response": "", "note": ""}
    response = as_user(users["centre"]).post(f"/admin/eservices/complaint/edit/{complaint.pk}/", payload)
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == "acknowledged"


def test_an_answer_is_saved_when_the_mail_server_is_down(hospital, mail_server_down):
    users = role_users(hospital)
    item = Feedback.objects.create(subject="ถามเรื่องวัคซีน", message="มีวัคซีนไหม", email="asker@example.com")
    response = as_user(users["centre"]).post(
        f"/admin/eservices/feedback/edit/{item.pk}/", {"public_question": "", "answer": "มี", "is_published": ""}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.answer == "มี" and item.answered_by == users["centre"]
