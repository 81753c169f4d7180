"""Password rules (with the hospital-words validator), session length and reset-link lifetime."""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

import pytest

from home.security.passwords import HospitalWordsValidator, near_years


def messages_for(password, user=None):
    with translation.override("th"):
        try:
            validate_password(password, user)
        except ValidationError as error:
            return error.messages
    return []


@pytest.mark.parametrize(
    "password",
    [
        "โรงพยาบาลฮอด2569",
        "Hod-Hospital-Strong!",
        "MyPassword!!xyz",
        "superadmin-2025-x",
        "ฮอด ฮอด ฮอด ฮอด",
        "h.o.d-qqqqqqqqq",
    ],
)
def test_hospital_words_are_refused_in_thai(password):
    errors = messages_for(password)
    assert any("เดาง่าย" in message for message in errors), errors


def test_near_years_in_both_eras_are_refused():
    this_year = dt.date.today().year
    validator = HospitalWordsValidator()
    for year in (this_year, this_year + 543, this_year + 1 + 543, this_year - 1):
        with pytest.raises(ValidationError):
            validator.validate(f"Kx7#tulip-{year}")
    assert str(this_year + 543) in near_years()
    validator.validate("Kx7#tulip-1999-rain")  # a year far away is not a hospital word


def test_short_common_numeric_and_similar_passwords_are_refused_in_thai():
    user = get_user_model()(username="somchai", first_name="สมชาย", email="somchai@hodhospital.go.th")
    assert any("12" in m for m in messages_for("Xy7#kq2!", user)), "minimum 12 characters"
    assert messages_for("123456789012345", user)
    assert messages_for("somchai12345", user)
    assert any("ทั่วไป" in m or "ง่าย" in m for m in messages_for("passwordpassword"))


def test_a_good_passphrase_is_accepted():
    assert messages_for("ช้างเผือก-ภูเขา-7-tulip") == []


def test_staff_sessions_last_eight_hours_and_reset_links_one_hour():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.PASSWORD_RESET_TIMEOUT <= 60 * 60


def test_sign_in_without_remember_me_ends_with_the_browser(client, django_user_model):
    django_user_model.objects.create_user("nurse", "n@hodhospital.go.th", "a-long-Staff-passphrase-7")
    client.post("/admin/login/", {"username": "nurse", "password": "a-long-Staff-passphrase-7"})
    assert client.session.get_expire_at_browser_close()
    other = client.__class__()
    other.post("/admin/login/", {"username": "nurse", "password": "a-long-Staff-passphrase-7", "remember": "on"})
    assert other.session.get_expiry_age() == 8 * 60 * 60
