"""'Get updates': double opt-in, one-click unsubscribe, the footer form on cached pages, and the editors' list."""

import csv
import io
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail, signing
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from members.roles import EDITORS_GROUP, MEMBERS_GROUP
from tests.factories import StandardPageFactory, UserFactory
from updates import services
from updates.models import GetUpdatesPage, Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/en/updates/"


@pytest.fixture
def updates_page(home):
    page = GetUpdatesPage(
        title="Get updates",
        slug="get-updates",
        intro="A monthly round-up and the odd invitation.",
        consent_text="Yes, Q may email me the updates I chose.",
        thanks_text="Thanks for joining in.",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def form_data(**overrides):
    data = {
        "email": "Reader@Example.org",
        "name": "Rhian Reader",
        "interests": ["events", "insights"],
        "consent": "on",
        "website": "",
        "source": "page",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def sign_up(client, **overrides):
    return client.post(SIGNUP_URL, form_data(**overrides))


def link_from(message, kind):
    match = re.search(rf"http://\S+/en/updates/{kind}/[^/\s]+/", message.body)
    assert match, message.body
    return match.group(0).replace("http://127.0.0.1:8000", "")


class TestDoubleOptIn:
    def test_sign_up_stores_a_pending_lower_cased_subscriber_and_sends_one_confirmation(self, client, updates_page):
        response = sign_up(client)
        assert response.status_code == 302
        assert response["Location"] == "/en/updates/check-your-email/"
        subscriber = Subscriber.objects.get()
        assert subscriber.email == "reader@example.org"
        assert subscriber.status == SubscriberStatus.PENDING
        assert (subscriber.wants_events, subscriber.wants_insights, subscriber.wants_blog) == (True, True, False)
        assert subscriber.consent_text == "Yes, Q may email me the updates I chose."
        assert subscriber.consented_at is not None
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["reader@example.org"]
        assert "/en/updates/confirm/" in mail.outbox[0].body

    def test_the_whole_flow_from_form_to_confirmed(self, client, updates_page):
        sign_up(client)
        thanks = client.get("/en/updates/check-your-email/")
        assert "Check your email" in thanks.content.decode()
        assert "Thanks for joining in." in thanks.content.decode()
        confirm_url = link_from(mail.outbox[0], "confirm")
        shown = client.get(confirm_url)
        assert shown.status_code == 200
        assert "reader@example.org" in shown.content.decode()
        # Opening the link alone (a mail scanner, a preview) confirms nothing.
        assert Subscriber.objects.get().status == SubscriberStatus.PENDING
        done = client.post(confirm_url)
        assert done.status_code == 200
        assert "You are signed up" in done.content.decode()
        subscriber = Subscriber.objects.get()
        assert subscriber.status == SubscriberStatus.CONFIRMED
        assert subscriber.confirmed_at is not None

    def test_a_replayed_confirmation_link_says_already_confirmed_and_changes_nothing(self, client, updates_page):
        sign_up(client)
        confirm_url = link_from(mail.outbox[0], "confirm")
        client.post(confirm_url)
        confirmed_at = Subscriber.objects.get().confirmed_at
        again = client.post(confirm_url)
        assert again.status_code == 200
        assert "already confirmed" in again.content.decode()
        assert Subscriber.objects.get().confirmed_at == confirmed_at
        assert len(mail.outbox) == 1

    @pytest.mark.parametrize(
        "token",
        [
            "nonsense",
            "a" * 2000,
            "eyJzIjoxfQ:1abc:forged",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E".replace("%2F", ""),
            "caf\u00e9",
        ],
    )
    def test_a_tampered_confirmation_link_is_refused_with_a_message(self, client, updates_page, token):
        sign_up(client)
        response = client.post(f"/en/updates/confirm/{token}/")
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
        assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    def test_a_link_signed_for_another_purpose_is_refused(self, client, updates_page):
        sign_up(client)
        subscriber = Subscriber.objects.get()
        forged = signing.dumps({"s": subscriber.pk, "n": subscriber.token_nonce}, salt=services.UNSUBSCRIBE_SALT)
        response = client.post(f"/en/updates/confirm/{forged}/")
        assert response.status_code == 400
        assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    def test_an_expired_confirmation_link_asks_to_sign_up_again(self, client, updates_page, settings):
        settings.UPDATES_CONFIRM_DAYS = 7
        with time_machine.travel(timezone.now(), tick=False) as traveller:
            sign_up(client)
            confirm_url = link_from(mail.outbox[0], "confirm")
            traveller.shift(7 * 24 * 3600 + 60)
            response = client.post(confirm_url)
        assert response.status_code == 400
        assert "expired" in response.content.decode()
        assert Subscriber.objects.get().status == SubscriberStatus.PENDING

    def test_a_newer_confirmation_email_replaces_the_older_link(self, client, updates_page):
        sign_up(client)
        first = link_from(mail.outbox[0], "confirm")
        cache.clear()  # the per-address mail window has passed
        sign_up(client)
        assert len(mail.outbox) == 2
        assert client.post(first).status_code == 400
        assert client.post(link_from(mail.outbox[1], "confirm")).status_code == 200
        assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED

    def test_unconfirmed_sign_ups_are_purged_after_the_link_expires(self, updates_page, client):
        sign_up(client)
        sign_up(client, email="keeper@example.org")
        Subscriber.objects.filter(email="reader@example.org").update(
            requested_at=timezone.now() - timezone.timedelta(days=8)
        )
        confirmed = Subscriber.objects.get(email="keeper@example.org")
        services.confirm(confirmed)
        Subscriber.objects.filter(pk=confirmed.pk).update(requested_at=timezone.now() - timezone.timedelta(days=30))
        out = io.StringIO()
        call_command("purge_unconfirmed_subscribers", stdout=out)
        assert "Deleted 1 " in out.getvalue()
        assert list(Subscriber.objects.values_list("email", flat=True)) == ["keeper@example.org"]


class TestDuplicatesAndRepeats:
    def test_repeated_posts_send_the_confirmation_once(self, client, updates_page):
        for _ in range(4):
            assert sign_up(client).status_code == 302
        assert Subscriber.objects.count() == 1
        assert len(mail.outbox) == 1
        # The link in that one email still works: repeats did not silently replace it.
        assert client.post(link_from(mail.outbox[0], "confirm")).status_code == 200

    @pytest.mark.parametrize("variant", ["reader@example.org", "READER@EXAMPLE.ORG", "  Reader@example.ORG  "])
    def test_a_confirmed_address_in_any_case_gets_the_same_answer_and_is_not_changed(
        self, client, updates_page, variant
    ):
        sign_up(client)
        client.post(link_from(mail.outbox[0], "confirm"))
        mail.outbox.clear()
        response = sign_up(client, email=variant, name="Someone Else", interests=["blog"])
        # The same answer a new address gets: the form does not reveal who is subscribed.
        assert response.status_code == 302
        assert response["Location"] == "/en/updates/check-your-email/"
        subscriber = Subscriber.objects.get()
        assert (subscriber.name, subscriber.wants_blog, subscriber.wants_events) == ("Rhian Reader", False, True)
        # The owner is told, once a day at most.
        assert len(mail.outbox) == 1
        assert "already subscribed" in mail.outbox[0].body
        sign_up(client, email=variant)
        assert len(mail.outbox) == 1

    def test_someone_who_unsubscribed_can_sign_up_again_with_a_new_confirmation(self, client, updates_page):
        sign_up(client)
        subscriber = Subscriber.objects.get()
        services.confirm(subscriber)
        services.unsubscribe(subscriber)
        mail.outbox.clear()
        cache.clear()  # the per-address mail window has passed
        sign_up(client)
        assert Subscriber.objects.get().status == SubscriberStatus.PENDING
        assert len(mail.outbox) == 1
        assert "/confirm/" in mail.outbox[0].body

    def test_the_honeypot_stores_and_sends_nothing_but_looks_the_same(self, client, updates_page):
        response = sign_up(client, website="http://spam.example")
        assert response.status_code == 302
        assert Subscriber.objects.count() == 0
        assert mail.outbox == []

    def test_too_many_sign_ups_from_one_address_are_refused_with_a_message(self, client, updates_page):
        for n in range(services.SIGNUPS_PER_IP):
            assert sign_up(client, email=f"person{n}@example.org").status_code == 302
        response = sign_up(client, email="one-more@example.org")
        assert response.status_code == 429
        html = response.content.decode()
        assert "Too many sign-ups" in html
        assert 'value="one-more@example.org"' in html
        assert not Subscriber.objects.filter(email="one-more@example.org").exists()

    def test_behind_a_trusted_proxy_each_forwarded_address_has_its_own_limit(self, client, updates_page, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        # Twelve people behind one load balancer: more than the limit for one address, none refused.
        for n in range(services.SIGNUPS_PER_IP + 2):
            response = client.post(
                SIGNUP_URL,
                form_data(email=f"reader{n}@example.org"),
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
            )
            assert response.status_code == 302, n
        assert Subscriber.objects.count() == services.SIGNUPS_PER_IP + 2

    def test_behind_a_trusted_proxy_one_forwarded_address_hits_the_limit(self, client, updates_page, settings):
        settings.TRUSTED_PROXY_COUNT = 1
        for n in range(services.SIGNUPS_PER_IP + 1):
            response = client.post(
                SIGNUP_URL,
                # The left-hand entry is the client's own claim; the proxy appended the real one.
                form_data(email=f"bot{n}@example.org"),
                REMOTE_ADDR="10.0.0.1",
                HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9",
            )
        assert response.status_code == 429
        assert Subscriber.objects.count() == services.SIGNUPS_PER_IP

    def test_a_forged_forwarded_header_without_a_proxy_changes_nothing(self, client, updates_page, settings):
        settings.TRUSTED_PROXY_COUNT = 0
        for n in range(services.SIGNUPS_PER_IP + 1):
            response = client.post(
                SIGNUP_URL,
                form_data(email=f"bot{n}@example.org"),
                REMOTE_ADDR="203.0.113.50",
                HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
            )
        assert response.status_code == 429
        assert Subscriber.objects.count() == services.SIGNUPS_PER_IP


class TestHostileInput:
    @pytest.mark.parametrize(
        ("overrides", "message"),
        [
            ({"email": ""}, "Enter your email address."),
            ({"email": "not-an-address"}, "Enter a valid email address."),
            ({"email": "a" * 250 + "@example.org"}, "Ensure this value has at most 254 characters"),
            ({"email": "x\x00y@example.org"}, "not allowed"),
            ({"email": "<script>alert(1)</script>@example.org"}, "Enter a valid email address."),
            ({"name": "N" * 500}, "Ensure this value has at most 120 characters"),
            ({"name": "Bad\x00Byte"}, "not allowed"),
            ({"interests": None}, "Choose at least one thing to hear about."),
            ({"interests": ["wine"]}, "Choose from the list."),
            ({"consent": None}, "Tick the box to agree"),
        ],
    )
    def test_bad_input_reshows_the_full_page_with_the_error_and_what_was_typed(
        self, client, updates_page, overrides, message
    ):
        response = sign_up(client, **overrides)
        assert response.status_code == 400
        html = response.content.decode()
        assert message in html
        assert "<h1>Get updates</h1>" in html
        assert "A monthly round-up" in html
        if overrides.get("name") is None and overrides.get("email") != "":
            assert 'value="Rhian Reader"' in html
        assert Subscriber.objects.count() == 0
        assert mail.outbox == []

    def test_script_in_the_name_is_stored_as_typed_and_escaped_everywhere(self, client, updates_page):
        sign_up(client, name="<script>alert(1)</script>")
        assert Subscriber.objects.get().name == "<script>alert(1)</script>"
        html_part = mail.outbox[0].alternatives[0][0]
        assert "<script>" not in html_part
        assert "&lt;script&gt;" in html_part
        # The plain-text part shows the name as typed (it is not HTML).
        assert "<script>alert(1)</script>" in mail.outbox[0].body

    def test_unicode_names_and_international_domains_are_kept(self, client, updates_page):
        sign_up(client, email="reader@bücher.example", name="Siân Llŷr 🌱")
        subscriber = Subscriber.objects.get()
        assert subscriber.name == "Siân Llŷr 🌱"
        assert subscriber.email == "reader@bücher.example"

    def test_an_address_django_cannot_send_to_gets_a_clear_error(self, client, updates_page):
        response = sign_up(client, email="siân@example.org")
        assert response.status_code == 400
        assert "Enter a valid email address." in response.content.decode()

    def test_errors_from_the_footer_form_show_on_the_full_page(self, client, updates_page):
        response = sign_up(client, source="footer", email="")
        assert response.status_code == 400
        assert "<h1>Get updates</h1>" in response.content.decode()

    def test_a_tampered_source_is_treated_as_the_page_form(self, client, updates_page):
        assert sign_up(client, source="<script>").status_code == 302
        assert Subscriber.objects.get().consent_text == "Yes, Q may email me the updates I chose."

    def test_a_post_from_another_site_is_refused(self, client, updates_page):
        response = client.post(SIGNUP_URL, form_data(), headers={"origin": "https://evil.example"})
        assert response.status_code == 403
        assert Subscriber.objects.count() == 0
        response = client.post(SIGNUP_URL, form_data(), headers={"referer": "https://evil.example/page"})
        assert response.status_code == 403
        response = client.post(SIGNUP_URL, form_data(), headers={"origin": "null"})
        assert response.status_code == 403

    def test_a_post_from_this_site_is_accepted(self, client, updates_page):
        response = client.post(SIGNUP_URL, form_data(), headers={"origin": "http://testserver"})
        assert response.status_code == 302

    def test_without_a_get_updates_page_errors_still_show_on_a_plain_page(self, client, home):
        response = sign_up(client, email="")
        assert response.status_code == 400
        assert "Enter your email address." in response.content.decode()

    def test_get_on_the_endpoint_leads_to_the_page(self, client, updates_page):
        response = client.get(SIGNUP_URL)
        assert response.status_code == 302
        assert response["Location"] == "/en/get-updates/"


class TestCsrfAndCaching:
    def test_the_footer_form_on_pages_for_anonymous_visitors_has_no_csrf_token(self, client, home):
        page = StandardPageFactory(parent=home)
        html = client.get(page.url).content.decode()
        assert 'action="/en/updates/"' in html
        assert 'id="updates-footer-email"' in html
        assert "csrfmiddlewaretoken" not in html
        assert "csrftoken" not in client.cookies

    def test_log_in_and_account_pages_carry_no_footer_form(self, client, home):
        assert 'id="updates-footer-email"' not in client.get("/en/accounts/login/").content.decode()
        assert 'id="updates-footer-email"' not in client.get("/en/accounts/signup/").content.decode()
        client.force_login(UserFactory())
        assert 'id="updates-footer-email"' not in client.get("/en/members/account/").content.decode()

    def test_an_anonymous_post_without_a_token_is_accepted(self, home):
        client = Client(enforce_csrf_checks=True)
        assert client.post(SIGNUP_URL, form_data(source="footer")).status_code == 302
        assert Subscriber.objects.count() == 1

    def test_a_signed_in_visitor_gets_a_token_and_must_send_it(self, home):
        user = UserFactory()
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        page = StandardPageFactory(parent=home)
        assert "csrfmiddlewaretoken" in client.get(page.url).content.decode()
        assert client.post(SIGNUP_URL, form_data()).status_code == 403
        assert Subscriber.objects.count() == 0

    def test_the_get_updates_page_shows_the_full_form_once_with_the_editors_consent_text(self, client, updates_page):
        html = client.get(updates_page.url).content.decode()
        assert html.count('<form class="form updates-form') == 1
        assert "Yes, Q may email me the updates I chose." in html


class TestUnsubscribe:
    def confirmed(self, client):
        sign_up(client)
        client.post(link_from(mail.outbox[0], "confirm"))
        return Subscriber.objects.get()

    def test_every_email_has_an_unsubscribe_link_and_one_click_headers(self, client, updates_page):
        sign_up(client)
        message = mail.outbox[0]
        link = link_from(message, "unsubscribe")
        assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{link}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert link in message.alternatives[0][0]

    def test_the_link_shows_a_button_and_the_button_unsubscribes(self, client, updates_page):
        subscriber = self.confirmed(client)
        link = f"/en/updates/unsubscribe/{services.unsubscribe_token(subscriber)}/"
        shown = client.get(link)
        assert "Press the button to stop" in shown.content.decode()
        assert Subscriber.objects.get().status == SubscriberStatus.CONFIRMED
        done = client.post(link)
        assert "You are unsubscribed" in done.content.decode()
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
        assert subscriber.unsubscribed_at is not None

    def test_rfc8058_one_click_post_works_without_csrf(self, client, updates_page):
        subscriber = self.confirmed(client)
        mail_app = Client(enforce_csrf_checks=True)
        response = mail_app.post(
            f"/en/updates/unsubscribe/{services.unsubscribe_token(subscriber)}/",
            "List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED

    def test_a_repeated_unsubscribe_is_harmless(self, client, updates_page):
        subscriber = self.confirmed(client)
        link = f"/en/updates/unsubscribe/{services.unsubscribe_token(subscriber)}/"
        client.post(link)
        when = Subscriber.objects.get().unsubscribed_at
        assert client.post(link).status_code == 200
        assert Subscriber.objects.get().unsubscribed_at == when

    def test_an_old_confirmation_link_cannot_resubscribe_someone_who_left(self, client, updates_page):
        sign_up(client)
        confirm_url = link_from(mail.outbox[0], "confirm")
        subscriber = Subscriber.objects.get()
        services.unsubscribe(subscriber)
        assert client.post(confirm_url).status_code == 400
        assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED

    @pytest.mark.parametrize("token", ["nonsense", "x" * 3000, "<script>", "abc:def:ghi"])
    def test_a_tampered_unsubscribe_link_is_refused(self, client, updates_page, token):
        subscriber = self.confirmed(client)
        assert client.post(f"/en/updates/unsubscribe/{token}/").status_code == 400
        subscriber.refresh_from_db()
        assert subscriber.status == SubscriberStatus.CONFIRMED

    def test_an_unsubscribe_link_for_a_reused_row_id_is_refused(self, client, updates_page):
        subscriber = self.confirmed(client)
        token = services.unsubscribe_token(subscriber)
        Subscriber.objects.filter(pk=subscriber.pk).update(email="somebody-else@example.org")
        assert client.post(f"/en/updates/unsubscribe/{token}/").status_code == 400


class TestEditorsAdmin:
    @pytest.fixture
    def people(self, updates_page):
        now = timezone.now()
        rows = [
            ("ann@example.org", "Ann", SubscriberStatus.CONFIRMED, {"wants_events": True}),
            ("bob@example.org", '=HYPERLINK("http://x")', SubscriberStatus.CONFIRMED, {"wants_blog": True}),
            ("cat@example.org", "Cat", SubscriberStatus.PENDING, {"wants_events": True}),
            ("dan@example.org", "Dan", SubscriberStatus.UNSUBSCRIBED, {"wants_events": True}),
        ]
        for email, name, status, wants in rows:
            Subscriber.objects.create(
                email=email,
                name=name,
                status=status,
                consent_text="I agree.",
                consented_at=now,
                requested_at=now,
                confirmed_at=now if status == SubscriberStatus.CONFIRMED else None,
                **wants,
            )

    @pytest.fixture
    def editor_client(self, site):
        user = UserFactory(username="edna")
        user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        client = Client()
        client.force_login(user)
        return client

    def test_editors_see_subscribers_and_filter_by_interest_and_status(self, editor_client, people):
        html = editor_client.get("/admin/subscribers/?interest=events").content.decode()
        assert "ann@example.org" in html and "cat@example.org" in html
        assert "bob@example.org" not in html
        html = editor_client.get("/admin/subscribers/?interest=events&status=pending").content.decode()
        assert "cat@example.org" in html and "ann@example.org" not in html

    def test_csv_export_holds_confirmed_subscribers_only_and_defuses_formulas(self, editor_client, people):
        response = editor_client.get("/admin/subscribers/?export=csv&status=pending")
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="confirmed-subscribers.csv"'
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert sorted(row["Email"] for row in rows) == ["ann@example.org", "bob@example.org"]
        bob = next(row for row in rows if row["Email"] == "bob@example.org")
        assert bob["Name"] == '\'=HYPERLINK("http://x")'
        assert bob["Interests"] == "Blog posts and member stories"
        assert "Consent text" in rows[0]

    def test_export_respects_the_interest_filter(self, editor_client, people):
        response = editor_client.get("/admin/subscribers/?export=csv&interest=events")
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
        assert [row["Email"] for row in rows] == ["ann@example.org"]

    def test_nobody_adds_subscribers_in_the_admin(self, editor_client, admin_user, people):
        assert editor_client.get("/admin/subscribers/new/").status_code in (302, 403)
        client = Client()
        client.force_login(admin_user)
        assert client.get("/admin/subscribers/new/").status_code in (302, 403)

    def test_editors_cannot_confirm_anyone_by_hand(self, editor_client, people):
        pending = Subscriber.objects.get(email="cat@example.org")
        response = editor_client.post(
            f"/admin/subscribers/edit/{pending.pk}/", {"name": "Cat", "wants_events": "on", "status": "confirmed"}
        )
        assert response.status_code == 302
        pending.refresh_from_db()
        assert pending.status == SubscriberStatus.PENDING

    def test_members_cannot_see_subscribers(self, people, site):
        user = UserFactory(username="mina")
        user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
        client = Client()
        client.force_login(user)
        assert client.get("/admin/subscribers/").status_code in (302, 403)
        assert client.get("/admin/subscribers/?export=csv").status_code in (302, 403)
        assert "/admin/subscribers/" not in client.get("/admin/").content.decode()
