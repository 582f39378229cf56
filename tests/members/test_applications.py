"""Joining: an account is an applicant until an editor approves the application."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from members.models import ApplicationStatus, MemberProfile, MembershipApplication
from members.roles import MEMBERS_GROUP
from qsite.models import Region

pytestmark = pytest.mark.django_db

APPLY = "/en/members/apply/"


def application_data(**overrides):
    data = {
        "display_name": "Ann Applicant",
        "role": "Ward sister",
        "organisation": "Northgate Hospital",
        "region": Region.objects.get(slug="wales").pk,
        "interests": "Patient safety, Measurement",
        "why_join": "To learn from others.",
    }
    data.update(overrides)
    return data


def test_an_applicant_can_apply_and_sees_that_it_is_pending(client, applicant):
    client.force_login(applicant)
    response = client.post(APPLY, application_data())
    assert response.status_code == 302
    application = MembershipApplication.objects.get(user=applicant)
    assert application.status == ApplicationStatus.PENDING
    page = client.get("/en/members/account/").content.decode()
    assert "We received your application on" in page
    assert not applicant.groups.filter(name=MEMBERS_GROUP).exists()


def test_missing_fields_are_shown_beside_the_fields_and_typed_values_kept(client, applicant):
    client.force_login(applicant)
    response = client.post(APPLY, application_data(role="", why_join=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_role_error"' in html
    assert 'id="id_why_join_error"' in html
    assert 'value="Northgate Hospital"' in html
    assert not MembershipApplication.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("why_join", "a\x00b"), ("role", "x" * 500), ("region", "999999"), ("region", "abc"), ("interests", "y" * 400)],
)
def test_hostile_application_input_is_refused_clearly(client, applicant, field, value):
    client.force_login(applicant)
    response = client.post(APPLY, application_data(**{field: value}))
    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_script_in_an_application_is_stored_as_typed_and_shown_escaped(client, applicant, editor):
    client.force_login(applicant)
    client.post(APPLY, application_data(why_join="<script>alert(1)</script>"))
    assert MembershipApplication.objects.get().why_join == "<script>alert(1)</script>"
    client.force_login(editor)
    html = client.get("/admin/applications/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_posting_twice_keeps_one_application(client, applicant):
    client.force_login(applicant)
    client.post(APPLY, application_data())
    client.post(APPLY, application_data(role="Changed role"))
    assert MembershipApplication.objects.count() == 1
    assert MembershipApplication.objects.get().role == "Changed role"


def test_anonymous_visitors_are_asked_to_log_in(client, site):
    response = client.get(APPLY)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_editor_approves_in_one_action_and_the_applicant_becomes_a_member(client, applicant, editor):
    application = MembershipApplication.objects.create(user=applicant, **_fields())
    client.force_login(editor)
    response = client.post(f"/admin/applications/{application.pk}/approve/", {"note": "Welcome aboard"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by == editor
    assert applicant.groups.filter(name=MEMBERS_GROUP).exists()
    profile = MemberProfile.objects.get(user=applicant)
    assert profile.display_name == "Ann Applicant"
    assert sorted(t.name for t in profile.interests.all()) == ["Measurement", "Patient safety"]
    assert [m.to for m in mail.outbox] == [["applicant@example.org"]]
    assert "approved" in mail.outbox[0].body
    assert "Welcome aboard" in mail.outbox[0].body


def test_editor_declines_and_the_applicant_is_told(client, applicant, editor):
    application = MembershipApplication.objects.create(user=applicant, **_fields())
    client.force_login(editor)
    client.post(f"/admin/applications/{application.pk}/decline/", {"note": ""})
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DECLINED
    assert not applicant.groups.exists()
    assert mail.outbox[0].to == ["applicant@example.org"]
    assert "not able to accept" in mail.outbox[0].body


def test_approving_a_declined_application_is_refused_with_a_message(client, applicant, editor):
    application = MembershipApplication.objects.create(user=applicant, **_fields())
    client.force_login(editor)
    client.post(f"/admin/applications/{application.pk}/decline/")
    mail.outbox.clear()
    response = client.post(f"/admin/applications/{application.pk}/approve/", follow=True)
    assert response.status_code == 200
    assert "This application was already declined, so it cannot be approved." in response.content.decode()
    assert not applicant.groups.filter(name=MEMBERS_GROUP).exists()
    assert mail.outbox == []


def test_unknown_decisions_and_applications_are_404(client, applicant, editor):
    application = MembershipApplication.objects.create(user=applicant, **_fields())
    client.force_login(editor)
    assert client.post(f"/admin/applications/{application.pk}/promote/").status_code == 404
    assert client.post("/admin/applications/999999/approve/").status_code == 404
    assert client.get(f"/admin/applications/{application.pk}/approve/").status_code == 405


def test_pending_count_shows_in_the_queue(client, applicant, editor):
    MembershipApplication.objects.create(user=applicant, **_fields())
    client.force_login(editor)
    html = client.get("/admin/applications/").content.decode()
    assert "Ann Applicant" in html
    assert "Waiting for review (1)" in html


def _fields():
    return {
        "display_name": "Ann Applicant",
        "role": "Ward sister",
        "organisation": "Northgate Hospital",
        "region": Region.objects.get(slug="wales"),
        "interests": "Patient safety, Measurement",
        "why_join": "To learn.",
    }


def test_approval_group_is_the_members_group(applicant, editor):
    application = MembershipApplication.objects.create(user=applicant, **_fields())
    application.approve(by=editor)
    assert list(applicant.groups.all()) == [Group.objects.get(name=MEMBERS_GROUP)]
