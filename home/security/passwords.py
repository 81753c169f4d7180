"""A password validator refusing the words anyone would try first against a hospital account."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Lower-case; compared with the password lower-cased and with spaces, dots, dashes and underscores removed.
HOSPITAL_WORDS = (
    "โรงพยาบาล",
    "ฮอด",
    "hod",
    "hospital",
    "rongphayaban",
    "chiangmai",
    "เชียงใหม่",
    "password",
    "passw0rd",
    "admin",
    "webmaster",
    "qwerty",
    "รหัสผ่าน",
)


def near_years(today=None):
    """This year and the two either side, in the Buddhist Era and the Common Era, as text."""
    year = (today or dt.date.today()).year
    years = set()
    for ce in range(year - 2, year + 3):
        years.update({str(ce), str(ce + 543)})
    return years


class HospitalWordsValidator:
    """Refuses a password containing the hospital's name, its town, 'password', 'admin' or a near year."""

    def __init__(self, words=HOSPITAL_WORDS):
        self.words = tuple(words)

    def validate(self, password, user=None):
        squeezed = re.sub(r"[\s._\-]+", "", password.lower())
        found = [word for word in self.words if word in squeezed]
        found += sorted(year for year in near_years() if year in squeezed)
        if found:
            raise ValidationError(
                _(
                    "This password contains a word or year that is easy to guess (%(words)s). Choose a password "
                    "without the hospital's name, the town, the year, 'password' or 'admin'."
                ),
                code="password_hospital_words",
                params={"words": ", ".join(found)},
            )

    def get_help_text(self):
        return _("Your password must not contain the hospital's name, the town, the year, 'password' or 'admin'.")
