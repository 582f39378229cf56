from django import forms

from .models import GroupMembership


class PreferencesForm(forms.ModelForm):
    """A member's choices for one group: listed on its page, emailed about new content, contactable."""

    class Meta:
        model = GroupMembership
        fields = ["listed", "notify", "contact_ok"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            # The help text under each box is read out with it.
            field.widget.attrs["aria-describedby"] = f"id_{name}-help"
