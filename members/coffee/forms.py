from django import forms
from django.utils.translation import gettext_lazy as _

from members.forms import NoNullsMixin
from qsite.models import Region

from .models import CoffeePreference, Mode


class CoffeePreferenceForm(NoNullsMixin, forms.ModelForm):
    region = forms.ModelChoiceField(
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("No region (online only)"),
        label=_("Your region"),
        help_text=_("Where you could meet in person. We try to match people in the same region."),
    )

    class Meta:
        model = CoffeePreference
        fields = ["opted_in", "mode", "region", "frequency"]
        widgets = {"mode": forms.RadioSelect, "frequency": forms.RadioSelect}

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(locale=locale) if locale else Region.objects.all()
        self.fields["mode"].choices = Mode.choices  # no empty "---------" choice among the radios

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("opted_in") and cleaned.get("mode") == Mode.IN_PERSON and not cleaned.get("region"):
            self.add_error("region", _("Choose your region so we can find someone near you to meet in person."))
        return cleaned


class DrawRoundForm(forms.Form):
    """The editors' button: which month to draw. Only this month or next, so nobody back-fills history."""

    period = forms.ChoiceField(label=_("Month"))

    def __init__(self, *args, periods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.periods = {p.isoformat(): p for p in periods}
        self.fields["period"].choices = [(key, p.strftime("%B %Y")) for key, p in self.periods.items()]

    def clean_period(self):
        return self.periods[self.cleaned_data["period"]]
