"""members.roles is the one definition of member, editor, panel and staff powers; these are its edge cases."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from members import roles
from members.models import MemberProfile, MembershipApplication
from members.roles import EDITORS_GROUP, MEMBERS_GROUP, PANEL_GROUP
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def user_in(*group_names, **fields):
    user = UserFactory(**fields)
    for name in group_names:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def fresh(user):
    """The user as a new request would load it, with no cached groups."""
    return type(user).objects.get(pk=user.pk)


def test_anonymous_visitors_have_no_role():
    anonymous = AnonymousUser()
    assert not roles.is_member(anonymous)
    assert not roles.is_editor(anonymous)
    assert not roles.is_panel(anonymous)
    assert not roles.has_staff_powers(anonymous)
    assert not roles.is_member(None)


def test_a_member_of_the_members_group_is_a_member_and_nothing_more():
    user = user_in(MEMBERS_GROUP)
    assert roles.is_member(user)
    assert not roles.is_editor(user)
    assert not roles.is_panel(user)
    assert not roles.has_staff_powers(user)


def test_a_profile_without_the_members_group_is_not_membership():
    # Applicants get a profile-shaped record before approval; a profile on its own grants nothing.
    user = UserFactory()
    MemberProfile.objects.create(user=user, display_name="Pat Pending", slug="pat-pending")
    assert not roles.is_member(user)


def test_a_former_member_whose_group_was_removed_is_not_a_member():
    user = user_in(MEMBERS_GROUP)
    user.groups.clear()
    assert not roles.is_member(fresh(user))


def test_an_inactive_account_has_no_role_whatever_its_groups():
    user = user_in(MEMBERS_GROUP, EDITORS_GROUP, PANEL_GROUP, is_active=False, is_staff=True)
    assert not roles.is_member(user)
    assert not roles.is_editor(user)
    assert not roles.is_panel(user)
    assert not roles.has_staff_powers(user)


def test_staff_without_a_profile_count_as_members_with_staff_powers():
    user = UserFactory(is_staff=True)
    assert not MemberProfile.objects.filter(user=user).exists()
    assert roles.is_member(user)
    assert roles.has_staff_powers(user)
    assert not roles.is_editor(user)  # publishing is given by the Editors group, not by the staff flag


def test_superusers_are_everything():
    user = UserFactory(is_superuser=True)
    assert roles.is_member(user) and roles.is_editor(user) and roles.is_panel(user) and roles.has_staff_powers(user)


def test_editors_are_members_and_may_stand_in_for_a_panel():
    user = user_in(EDITORS_GROUP)
    assert roles.is_member(user) and roles.is_editor(user) and roles.is_panel(user)
    assert roles.has_staff_powers(user)


def test_panel_members_score_but_do_not_edit():
    user = user_in(PANEL_GROUP)
    assert roles.is_member(user) and roles.is_panel(user)
    assert not roles.is_editor(user)
    assert roles.has_staff_powers(user)


def test_any_group_besides_members_gives_staff_powers():
    assert roles.has_staff_powers(user_in(MEMBERS_GROUP, "Moderators"))


def test_groups_are_read_once_per_user_object(django_assert_num_queries):
    user = fresh(user_in(MEMBERS_GROUP))
    with django_assert_num_queries(1):
        for _ in range(5):
            roles.is_member(user)
            roles.is_editor(user)
            roles.has_staff_powers(user)


def test_forget_rereads_the_groups_after_a_change():
    user = fresh(UserFactory())
    assert not roles.is_member(user)
    user.groups.add(Group.objects.get_or_create(name=MEMBERS_GROUP)[0])
    assert not roles.is_member(user)  # still the cached answer within the same request
    roles.forget(user)
    assert roles.is_member(user)


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("member", True),
        ("editor", True),
        ("panel", True),
        ("staff", True),
        ("superuser", True),
        ("profile_only", False),
        ("inactive_member", False),
        ("nobody", False),
    ],
)
def test_members_q_agrees_with_is_member(kind, expected):
    django_user_model = UserFactory._meta.model
    makers = {
        "member": lambda: user_in(MEMBERS_GROUP),
        "editor": lambda: user_in(EDITORS_GROUP),
        "panel": lambda: user_in(PANEL_GROUP),
        "staff": lambda: UserFactory(is_staff=True),
        "superuser": lambda: UserFactory(is_superuser=True),
        "profile_only": lambda: MemberProfile.objects.create(user=UserFactory(), display_name="P", slug="p").user,
        "inactive_member": lambda: user_in(MEMBERS_GROUP, is_active=False),
        "nobody": lambda: UserFactory(),
    }
    user = makers[kind]()
    in_query = django_user_model.objects.filter(roles.members_q()).filter(pk=user.pk).exists()
    assert in_query is expected
    assert roles.is_member(fresh(user)) is expected


def test_members_q_gives_each_member_once_even_in_several_groups():
    user = user_in(MEMBERS_GROUP, EDITORS_GROUP, PANEL_GROUP)
    assert list(type(user).objects.filter(roles.members_q())) == [user]


def test_approving_an_application_makes_the_same_user_object_a_member(site):
    user = UserFactory()
    application = MembershipApplication.objects.create(
        user=user, display_name="Ada Applicant", role="Nurse", organisation="Riverside", why_join="To learn."
    )
    assert not roles.is_member(user)
    application.approve(by=UserFactory(is_superuser=True))
    assert roles.is_member(user)
