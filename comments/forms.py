"""The public "Leave a comment" form. Hostile input becomes field errors, never an exception."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import defences
from .models import Comment, Status

TOKEN_MESSAGES = {
    "too_fast": _("That was quicker than anyone can type. Please check your comment and send it again."),
    "expired": _("This form was open for a long time, so it has expired. Please send your comment again."),
    "invalid": _("This form could not be checked. Please send your comment again."),
}


class CommentForm(forms.Form):
    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    parent = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)
    token = forms.CharField(widget=forms.HiddenInput, required=False, max_length=200)
    # The honeypot: hidden from people (and from screen readers), irresistible to naive bots.
    website = forms.CharField(required=False, max_length=200, label=_("Leave this field empty"))
    name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("Shown with your comment."),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Your name must be 80 characters or fewer."),
        },
    )
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_("Will not be publicly visible. Only moderators see it."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the right format, like name@example.org."),
        },
    )
    # strip=False: the body is stored exactly as typed. No max_length here, so no maxlength
    # attribute cuts a pasted comment short without telling anyone; the limit is checked below.
    body = forms.CharField(
        label=_("Your comment"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Write your comment.")},
    )

    def __init__(self, *args, user=None, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.target_page = page
        self.parent_comment = None
        if user is not None and user.is_authenticated:
            del self.fields["name"]
            del self.fields["email"]
        else:
            self.fields["name"].widget.attrs.update(autocomplete="name", dir="auto")
            self.fields["email"].widget.attrs.update(autocomplete="email", spellcheck="false")
        self.fields["body"].widget.attrs.update(dir="auto", **{"data-max-length": defences.max_length()})
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")

    @property
    def max_length(self):
        return defences.max_length()

    @property
    def max_length_display(self):
        return f"{defences.max_length():,}"

    @property
    def signed_in(self):
        """Posting under a signed-in account (no name or email asked). Not a membership test: that is members.roles."""
        return "email" not in self.fields

    @property
    def visible_fields_in_order(self):
        return [self[name] for name in ("name", "email", "body") if name in self.fields]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not body.strip():
            raise forms.ValidationError(_("Write your comment. It cannot be only spaces."), code="required")
        limit = defences.max_length()
        # Browsers send line breaks as \r\n; count each as one character, as the counter does.
        length = len(body.replace("\r\n", "\n"))
        if length > limit:
            raise forms.ValidationError(
                ngettext(
                    "Your comment must be %(limit)s character or fewer. It has %(length)s.",
                    "Your comment must be %(limit)s characters or fewer. It has %(length)s.",
                    limit,
                ),
                params={"limit": f"{limit:,}", "length": f"{length:,}"},
                code="max_length",
            )
        return body

    def clean(self):
        cleaned = super().clean()
        page = self.target_page
        if page is None:
            return cleaned
        try:
            defences.check_token(cleaned.get("token"), page.pk)
        except defences.TokenProblem as problem:
            self.add_error(None, TOKEN_MESSAGES[str(problem)])
        parent_id = cleaned.get("parent")
        if parent_id:
            parent = (
                Comment.objects.filter(pk=parent_id, translation_key=page.translation_key, status=Status.APPROVED)
                .select_related("parent")
                .first()
            )
            if parent is None:
                self.add_error(None, _("The comment you are replying to is not on this page. Your reply was not sent."))
            else:
                # One level of replies: a reply to a reply joins the thread of the first comment.
                self.parent_comment = parent.parent or parent
        return cleaned

    def author_identity(self):
        if self.signed_in:
            return f"user:{self.user.pk}"
        return f"guest:{self.cleaned_data['email'].casefold()}"
