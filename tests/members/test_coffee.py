"""Randomised Coffee Trials: members' choices, rounds drawn once and stored, emails sent once, editors' figures."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from members.coffee import services
from members.coffee.models import (
    CoffeeGroup,
    CoffeeMembership,
    CoffeePreference,
    CoffeeRound,
    Frequency,
    Mode,
    RoundStatus,
)
from members.models import MemberProfile
from members.roles import MEMBERS_GROUP
from qsite.models import Region
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

COFFEE_URL = "/en/members/account/coffee/"


def make_members(n, *, region_slugs=("wales",), job_titles=("Nurse",), opted_in=True, frequency=Frequency.MONTHLY):
    group = Group.objects.get(name=MEMBERS_GROUP)
    profiles = []
    start = MemberProfile.objects.count()
    for i in range(start, start + n):
        user = UserFactory(username=f"coffee{i}", email=f"coffee{i}@example.org")
        user.groups.add(group)
        region = Region.objects.get(slug=region_slugs[i % len(region_slugs)], locale__language_code="en")
        profile = MemberProfile.objects.create(
            user=user,
            display_name=f"Coffee Person {i}",
            slug=f"coffee-person-{i}",
            job_title=job_titles[i % len(job_titles)],
            region=region,
        )
        CoffeePreference.objects.create(
            profile=profile, opted_in=opted_in, mode=Mode.EITHER, region=region, frequency=frequency
        )
        profiles.append(profile)
    return profiles


def month(year, number):
    return timezone.datetime(year, number, 1).date()


def pairs_of(coffee_round):
    found = set()
    for group in coffee_round.groups.prefetch_related("memberships"):
        ids = [m.profile_id for m in group.memberships.all()]
        found |= {frozenset((a, b)) for a in ids for b in ids if a < b}
    return found


class TestPreferences:
    def test_a_member_opts_in_with_their_choices(self, client, member):
        client.force_login(member)
        wales = Region.objects.get(slug="wales", locale__language_code="en")
        response = client.post(
            COFFEE_URL, {"opted_in": "on", "mode": "in_person", "region": wales.pk, "frequency": "bimonthly"}
        )
        assert response.status_code == 302
        preference = CoffeePreference.objects.get(profile__user=member)
        assert (preference.opted_in, preference.mode, preference.region, preference.frequency) == (
            True,
            "in_person",
            wales,
            "bimonthly",
        )

    def test_opting_in_twice_says_so_and_keeps_one_preference(self, client, member):
        client.force_login(member)
        data = {"opted_in": "on", "mode": "online", "region": "", "frequency": "monthly"}
        client.post(COFFEE_URL, data)
        response = client.post(COFFEE_URL, data, follow=True)
        assert "already taking part" in response.content.decode()
        assert CoffeePreference.objects.filter(profile__user=member).count() == 1

    def test_a_member_can_opt_out_and_keep_their_choices(self, client, member):
        client.force_login(member)
        client.post(COFFEE_URL, {"opted_in": "on", "mode": "online", "region": "", "frequency": "monthly"})
        client.post(COFFEE_URL, {"mode": "online", "region": "", "frequency": "monthly"})
        preference = CoffeePreference.objects.get(profile__user=member)
        assert preference.opted_in is False
        assert preference.mode == "online"

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"opted_in": "on", "mode": "in_person", "region": "", "frequency": "monthly"}, "Choose your region"),
            ({"opted_in": "on", "mode": "teleport", "region": "", "frequency": "monthly"}, "Select a valid choice"),
            ({"opted_in": "on", "mode": "online", "region": "99999", "frequency": "monthly"}, "Select a valid choice"),
            ({"opted_in": "on", "mode": "online", "region": "abc", "frequency": "monthly"}, "Select a valid choice"),
            ({"opted_in": "on", "mode": "online", "region": "", "frequency": "weekly"}, "Select a valid choice"),
            (
                {"opted_in": "on", "mode": "<script>", "region": "\x00", "frequency": "x" * 5000},
                "Select a valid choice",
            ),
            ({}, "This field is required"),
        ],
    )
    def test_bad_input_is_shown_beside_the_fields_and_nothing_is_saved(self, client, member, data, message):
        client.force_login(member)
        response = client.post(COFFEE_URL, data)
        assert response.status_code == 400
        assert message in response.content.decode()
        assert not CoffeePreference.objects.filter(profile__user=member).exists()

    def test_the_account_page_links_to_coffee_trials(self, client, member):
        client.force_login(member)
        assert COFFEE_URL in client.get("/en/members/account/").content.decode()

    def test_visitors_must_log_in(self, client, site):
        response = client.get(COFFEE_URL)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_people_who_are_not_members_are_sent_back_to_their_account(self, client, applicant):
        client.force_login(applicant)
        response = client.post(COFFEE_URL, {"opted_in": "on", "mode": "online", "frequency": "monthly"})
        assert response.status_code == 302
        assert not CoffeePreference.objects.exists()


class TestDrawingRounds:
    def test_a_round_pairs_everyone_and_stores_groups_with_a_snapshot(self, sections):
        people = make_members(6, region_slugs=("wales", "scotland"), job_titles=("Nurse", "Analyst"))
        result = services.draw_round(month(2026, 3), seed=1)
        assert result.groups == 3
        coffee_round = CoffeeRound.objects.get()
        assert coffee_round.participant_count == 6
        assert CoffeeMembership.objects.filter(round=coffee_round).count() == 6
        membership = CoffeeMembership.objects.get(profile=people[0])
        assert membership.profession == people[0].job_title
        assert membership.region == people[0].region

    def test_a_month_is_never_drawn_twice(self, sections):
        make_members(4)
        services.draw_round(month(2026, 3), seed=1)
        groups_before = list(CoffeeGroup.objects.values_list("pk", flat=True))
        with pytest.raises(services.RoundError, match="already been drawn"):
            services.draw_round(month(2026, 3).replace(day=20), seed=2)
        assert list(CoffeeGroup.objects.values_list("pk", flat=True)) == groups_before

    def test_nobody_meets_the_same_person_again_within_the_window(self, sections, settings):
        settings.COFFEE_NO_REPEAT_ROUNDS = 3
        make_members(8)
        rounds = [services.draw_round(month(2026, m), seed=m).round for m in range(1, 7)]
        for i, later in enumerate(rounds):
            for earlier in rounds[max(0, i - 3) : i]:
                assert not (pairs_of(later) & pairs_of(earlier))

    @pytest.mark.parametrize(("count", "groups", "sizes"), [(2, 1, [2]), (3, 1, [3]), (5, 2, [2, 3])])
    def test_small_rounds(self, sections, count, groups, sizes):
        make_members(count)
        result = services.draw_round(month(2026, 3), seed=4)
        assert result.groups == groups
        assert sorted(g.memberships.count() for g in CoffeeGroup.objects.all()) == sizes

    def test_no_participants_stores_no_round(self, sections):
        make_members(3, opted_in=False)
        with pytest.raises(services.RoundError, match="Nobody has opted in"):
            services.draw_round(month(2026, 3))
        assert not CoffeeRound.objects.exists()

    def test_one_participant_stores_no_round_and_stays_opted_in(self, sections):
        (person,) = make_members(1)
        with pytest.raises(services.RoundError, match="Only one member"):
            services.draw_round(month(2026, 3))
        assert not CoffeeRound.objects.exists()
        assert CoffeePreference.objects.get(profile=person).opted_in

    def test_former_and_deactivated_members_do_not_take_part(self, sections):
        people = make_members(4)
        people[0].user.is_active = False
        people[0].user.save()
        people[1].user.groups.clear()
        services.draw_round(month(2026, 3), seed=1)
        taking_part = set(CoffeeMembership.objects.values_list("profile_id", flat=True))
        assert taking_part == {people[2].pk, people[3].pk}

    def test_every_two_months_means_sitting_out_the_round_after_taking_part(self, sections):
        monthly = make_members(4)
        bimonthly = make_members(2, frequency=Frequency.BIMONTHLY)
        ids = {p.pk for p in bimonthly}
        in_round = {}
        for m in (1, 2, 3):
            coffee_round = services.draw_round(month(2026, m), seed=m).round
            in_round[m] = set(CoffeeMembership.objects.filter(round=coffee_round).values_list("profile_id", flat=True))
        assert ids <= in_round[1]
        assert not (ids & in_round[2])
        assert ids <= in_round[3]
        assert {p.pk for p in monthly} <= in_round[2]


class TestSendingEmails:
    def test_everyone_is_introduced_to_their_match_exactly_once(self, sections):
        people = make_members(5)
        coffee_round = services.draw_round(month(2026, 3), seed=3).round
        services.send_round(coffee_round)
        assert sorted(m.to[0] for m in mail.outbox) == sorted(p.user.email for p in people)
        for message in mail.outbox:
            group = CoffeeGroup.objects.get(memberships__profile__user__email=message.to[0])
            others = [m.profile for m in group.memberships.all() if m.profile.user.email != message.to[0]]
            for other in others:
                assert other.display_name in message.body
                assert other.user.email in message.body
            assert "/en/members/account/coffee/" in message.body
        coffee_round.refresh_from_db()
        assert coffee_round.status == RoundStatus.SENT

    def test_sending_again_without_asking_to_resend_is_refused(self, sections):
        make_members(2)
        coffee_round = services.draw_round(month(2026, 3), seed=3).round
        services.send_round(coffee_round)
        with pytest.raises(services.RoundError, match="already sent"):
            services.send_round(coffee_round)
        assert len(mail.outbox) == 2

    def test_a_resend_sends_every_introduction_again(self, sections):
        make_members(2)
        coffee_round = services.draw_round(month(2026, 3), seed=3).round
        services.send_round(coffee_round)
        services.send_round(coffee_round, resend=True)
        assert len(mail.outbox) == 4

    def test_names_are_escaped_in_the_html_email(self, sections):
        people = make_members(2)
        people[0].display_name = "<b>Bold</b>"
        people[0].save()
        services.send_round(services.draw_round(month(2026, 3), seed=3).round)
        to_other = next(m for m in mail.outbox if m.to[0] == people[1].user.email)
        assert "&lt;b&gt;Bold&lt;/b&gt;" in to_other.alternatives[0][0]


class TestCommand:
    def test_the_command_draws_and_sends_then_refuses_a_second_draw(self, sections):
        make_members(4)
        out = io.StringIO()
        call_command("draw_coffee_round", "--month", "2026-03", "--seed", "5", stdout=out)
        assert "4 taking part, 2 groups" in out.getvalue()
        assert len(mail.outbox) == 4
        with pytest.raises(CommandError, match="already been drawn"):
            call_command("draw_coffee_round", "--month", "2026-03", stdout=io.StringIO())
        assert len(mail.outbox) == 4

    def test_the_command_explains_empty_rounds_and_bad_months(self, sections):
        with pytest.raises(CommandError, match="Nobody has opted in"):
            call_command("draw_coffee_round", "--month", "2026-03", stdout=io.StringIO())
        with pytest.raises(CommandError, match="must look like"):
            call_command("draw_coffee_round", "--month", "March", stdout=io.StringIO())

    def test_resend_from_the_command(self, sections):
        make_members(2)
        call_command("draw_coffee_round", "--month", "2026-03", "--no-send", stdout=io.StringIO())
        assert mail.outbox == []
        call_command("draw_coffee_round", "--month", "2026-03", "--resend", stdout=io.StringIO())
        assert len(mail.outbox) == 2


class TestFigures:
    def test_figures_count_new_cross_region_and_cross_profession_connections(self, sections):
        people = make_members(4, region_slugs=("wales", "scotland"), job_titles=("Nurse", "Nurse", "Analyst", "GP"))
        coffee_round = CoffeeRound.objects.create(period=month(2026, 1), seed=1, participant_count=4)
        second = CoffeeRound.objects.create(period=month(2026, 2), seed=2, participant_count=4)

        def group(r, *members):
            g = CoffeeGroup.objects.create(round=r, mode=Mode.ONLINE)
            for p in members:
                CoffeeMembership.objects.create(round=r, group=g, profile=p, region=p.region, profession=p.job_title)

        # people 0 and 2 are in Wales; 1 and 3 in Scotland. Jobs: Nurse, Nurse, Analyst, GP.
        group(coffee_round, people[0], people[1])  # cross-region, same job
        group(coffee_round, people[2], people[3])  # cross-region, cross-job
        group(second, people[0], people[1])  # met before
        group(second, people[2], people[3])  # met before
        first_row, second_row = services.round_figures()
        assert (first_row.participants, first_row.groups, first_row.connections) == (4, 2, 2)
        assert (first_row.new_connections, first_row.cross_region, first_row.cross_profession) == (2, 2, 1)
        assert (second_row.new_connections, second_row.connections) == (0, 2)

    def test_figures_take_two_queries_however_many_rounds(self, sections, django_assert_num_queries):
        make_members(6)
        for m in (1, 2, 3):
            services.draw_round(month(2026, m), seed=m)
        # One query for the rounds, one for every membership with its region.
        with django_assert_num_queries(2):
            assert len(services.round_figures()) == 3
        for m in (4, 5, 6, 7, 8):
            services.draw_round(month(2026, m), seed=m)
        with django_assert_num_queries(2):
            assert len(services.round_figures()) == 8


class TestEditorsAdmin:
    def test_editors_see_the_figures_chart_and_table(self, sections, editor):
        make_members(4)
        services.draw_round(month(2026, 3), seed=1)
        client = Client()
        client.force_login(editor)
        response = client.get("/admin/coffee-trials/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<svg class="coffee-chart" role="img"' in html
        assert '<title id="coffee-chart-title">' in html
        assert "March 2026" in html

    def test_the_draw_button_draws_once_and_sends_once(self, sections, editor):
        make_members(4)
        client = Client()
        client.force_login(editor)
        this_month = services.next_period().isoformat()
        response = client.post("/admin/coffee-trials/draw/", {"period": this_month}, follow=True)
        assert "2 groups" in response.content.decode()
        assert len(mail.outbox) == 4
        response = client.post("/admin/coffee-trials/draw/", {"period": this_month}, follow=True)
        assert "already been drawn" in response.content.decode()
        assert CoffeeRound.objects.count() == 1
        assert len(mail.outbox) == 4

    @pytest.mark.parametrize("period", ["2020-01-01", "abc", "", "<script>"])
    def test_the_draw_button_refuses_other_months(self, sections, editor, period):
        make_members(4)
        client = Client()
        client.force_login(editor)
        response = client.post("/admin/coffee-trials/draw/", {"period": period}, follow=True)
        assert "Choose this month or next month" in response.content.decode()
        assert not CoffeeRound.objects.exists()

    def test_the_draw_button_with_too_few_people_explains(self, sections, editor):
        make_members(1)
        client = Client()
        client.force_login(editor)
        response = client.post(
            "/admin/coffee-trials/draw/", {"period": services.next_period().isoformat()}, follow=True
        )
        assert "Only one member" in response.content.decode()

    def test_resend_is_a_separate_button(self, sections, editor):
        make_members(2)
        coffee_round = services.draw_round(month(2026, 3), seed=1).round
        services.send_round(coffee_round)
        client = Client()
        client.force_login(editor)
        client.post(f"/admin/coffee-trials/{coffee_round.pk}/resend/")
        assert len(mail.outbox) == 4
        assert client.post("/admin/coffee-trials/999999/resend/").status_code == 404
        assert client.get(f"/admin/coffee-trials/{coffee_round.pk}/resend/").status_code == 405

    def test_members_cannot_reach_coffee_admin(self, sections, member):
        make_members(4)
        client = Client()
        client.force_login(member)
        assert client.get("/admin/coffee-trials/").status_code in (302, 403)
        assert client.post(
            "/admin/coffee-trials/draw/", {"period": services.next_period().isoformat()}
        ).status_code in (302, 403)
        assert not CoffeeRound.objects.exists()
        assert "/admin/coffee-trials/" not in client.get("/admin/").content.decode()
