from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from qsite.clients import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """After signing up (and confirming the email), people are sent to apply to join."""

    def get_signup_redirect_url(self, request):
        return reverse("members:apply")

    def get_client_ip(self, request):
        # allauth's own rate limits (log in, sign-up, password reset) count per client address; read it the
        # way every other limit on the site does, so TRUSTED_PROXY_COUNT means the same thing everywhere.
        return client_ip(request) or "unknown"
