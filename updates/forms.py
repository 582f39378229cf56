"""The "Get updates" sign-up form, used in the footer of every page and on the Get updates page."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import DEFAULT_CONSENT, Interest

SOURCES = ("footer", "page")


def refuse_nulls(value):
    # PostgreSQL cannot store a null byte in text, and nobody types one: refuse it clearly.
    if "\x00" in value:
        raise ValidationError(_("This field contains a character that is not allowed."))


class GetUpdatesForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        validators=[refuse_nulls],
        error_messages={"required": _("Enter your email address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    name = forms.CharField(
        label=_("Name (optional)"),
        max_length=120,
        required=False,
        validators=[refuse_nulls],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    interests = forms.MultipleChoiceField(
        label=_("What would you like to hear about?"),
        choices=Interest.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing to hear about."),
            "invalid_choice": _("Choose from the list."),
        },
    )
    consent = forms.BooleanField(error_messages={"required": _("Tick the box to agree, or we cannot email you.")})
    # A field people never see (hidden by CSS and from screen readers); bots fill in everything.
    website = forms.CharField(required=False, label=_("Leave this empty"))
    # Which form was used (footer or page), so the right consent wording is stored. Anything else counts as "page".
    source = forms.CharField(required=False, widget=forms.HiddenInput, initial="page")

    def __init__(self, *args, source="page", consent_text=None, **kwargs):
        if source == "footer":
            # The footer form sits on pages that may carry the full form too: its ids must differ.
            kwargs.setdefault("auto_id", "updates-footer-%s")
        super().__init__(*args, **kwargs)
        self.fields["source"].initial = source
        self.consent_text = str(consent_text or DEFAULT_CONSENT)
        self.fields["consent"].label = self.consent_text
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean_source(self):
        return self.cleaned_data["source"] if self.cleaned_data["source"] in SOURCES else "page"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
