"""Admin forms the project adjusts."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm
from wagtail.images.forms import BaseImageForm

from home.file_checks import check_for_viruses


class HospitalLoginForm(LoginForm):
    """Wagtail's login form with a translated label on the password field (it had none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class HospitalImageForm(BaseImageForm):
    """Wagtail's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) with the upload scanned for viruses when
    ClamAV is configured. Its EXIF is removed when the image is saved (``HospitalImage.save``)."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_for_viruses(file)
        return file
