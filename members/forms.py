from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage

from qsite.models import Region

from .models import PROFILE_PARTS, MemberProfile, MembershipApplication, Visibility

PHOTO_MAX_BYTES = 3 * 1024 * 1024
PHOTO_MAX_PIXELS = 6000 * 6000
PART_LABELS = {
    "work": _("Who can see your job title and organisation"),
    "region": _("Who can see your region"),
    "bio": _("Who can see your bio"),
    "interests": _("Who can see your interests"),
    "links": _("Who can see your links"),
}


def strip_nulls(value):
    # Null bytes cannot be stored in PostgreSQL text and are never meant; refuse clearly.
    if isinstance(value, str) and "\x00" in value:
        raise ValidationError(_("This field contains a character that is not allowed."))
    return value


class NoNullsMixin:
    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            try:
                strip_nulls(value)
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned


class SignupForm(AllauthSignupForm):
    """allauth's sign-up form, with the email length the database can hold and no null bytes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].max_length = 254
        self.fields["email"].validators.append(MaxLengthValidator(254))
        self.fields["email"].widget.attrs["maxlength"] = 254

    def clean_email(self):
        strip_nulls(self.data.get("email", ""))
        return super().clean_email()


class ApplicationForm(NoNullsMixin, forms.ModelForm):
    region = forms.ModelChoiceField(queryset=Region.objects.none(), empty_label=_("Choose your region"))

    class Meta:
        model = MembershipApplication
        fields = ["display_name", "role", "organisation", "region", "interests", "why_join"]
        widgets = {"why_join": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.all()
        self.fields["region"].queryset = regions.filter(locale=locale) if locale else regions
        for name in ("display_name", "role", "organisation", "interests", "why_join"):
            self.fields[name].required = True


class ProfileForm(NoNullsMixin, forms.ModelForm):
    photo_upload = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional. A JPEG, PNG or WebP image under 3 MB. Without one, your initials are shown."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)

    class Meta:
        model = MemberProfile
        # Links typed without a scheme become https://, as Django 6 will assume.
        formfield_callback = staticmethod(
            lambda db_field, **kwargs: db_field.formfield(
                **({"assume_scheme": "https"} if isinstance(db_field, models.URLField) else {}), **kwargs
            )
        )
        fields = [
            "display_name",
            "job_title",
            "organisation",
            "region",
            "bio",
            "interests",
            "website",
            "linkedin",
            "other_link",
            "listed_in_directory",
        ]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for part, default in PROFILE_PARTS.items():
            self.fields[f"show_{part}"] = forms.ChoiceField(
                label=PART_LABELS[part],
                choices=Visibility.choices,
                initial=self.instance.level(part) if self.instance.pk else str(default),
            )
        self.fields["display_name"].required = True

    def clean_photo_upload(self):
        upload = self.cleaned_data.get("photo_upload")
        if not upload:
            return None
        if upload.size > PHOTO_MAX_BYTES:
            raise ValidationError(_("That photo is too large. Choose one under 3 MB."))
        try:
            # Judge the file by its content, not its name: Pillow must recognise it as an image.
            with PILImage.open(upload) as image:
                kind = image.format
                width, height = image.size
                image.verify()
        except Exception:
            raise ValidationError(
                _("That file is not a photo we can read. Choose a JPEG, PNG or WebP image.")
            ) from None
        if kind not in {"JPEG", "PNG", "WEBP"}:
            raise ValidationError(_("Choose a JPEG, PNG or WebP image."))
        if width * height > PHOTO_MAX_PIXELS:
            raise ValidationError(_("That photo has too many pixels. Choose a smaller one."))
        upload.seek(0)
        return upload

    def save(self, commit=True):
        profile = super().save(commit=False)
        profile.visibility = {part: self.cleaned_data[f"show_{part}"] for part in PROFILE_PARTS}
        if commit:
            profile.save()
            self.save_m2m()
        return profile


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("That password is not right."))
        return password


class DirectoryForm(forms.Form):
    q = forms.CharField(label=_("Name or organisation"), required=False, max_length=100)
    region = forms.SlugField(required=False)
    interest = forms.SlugField(required=False)
    group = forms.SlugField(required=False)
