"""Admin forms the project adjusts."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm


class HospitalLoginForm(LoginForm):
    """Wagtail's login form with a translated label on the password field (it had none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
