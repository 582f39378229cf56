"""Pieces shared by the listing filters of every content app (the form base is in qsite.listings)."""

from django import forms


class KnownSlugField(forms.SlugField):
    """An optional slug filter that must name something that exists, e.g. a topic or a region.

    An unknown value becomes an error shown to the reader (and an empty listing), never a guess.
    `message` is formatted with %(slug)s. `queryset` may be a callable returning the queryset, so a
    form in the shared layer can name a model of an app (by string) without importing it.
    """

    def __init__(self, queryset, message, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.queryset = queryset
        self.message = message

    def get_queryset(self):
        return self.queryset() if callable(self.queryset) else self.queryset

    def clean(self, value):
        slug = super().clean(value)
        if slug and not self.get_queryset().filter(slug=slug).exists():
            raise forms.ValidationError(self.message, params={"slug": slug})
        return slug
