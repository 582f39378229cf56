from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse


class AccountAdapter(DefaultAccountAdapter):
    """After signing up (and confirming the email), people are sent to apply to join."""

    def get_signup_redirect_url(self, request):
        return reverse("members:apply")
