import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from members.models import MemberProfile
from members.roles import EDITORS_GROUP, MEMBERS_GROUP
from tests.factories import BlogIndexPageFactory, MemberStoryIndexPageFactory, UserFactory


def verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def sections(site, home):
    """Blog and stories indexes, with groups and permissions set up over them as setup_site does."""
    from members.setup import ensure_groups_and_workflow

    blog = BlogIndexPageFactory(parent=home)
    stories = MemberStoryIndexPageFactory(parent=home)
    ensure_groups_and_workflow(home)
    return {"blog": blog, "stories": stories}


@pytest.fixture
def member(sections):
    user = verified(UserFactory(username="mo", email="mo@example.org"))
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    MemberProfile.objects.create(user=user, display_name="Mo Member", slug="mo-member", organisation="Lakeside")
    return user


@pytest.fixture
def other_member(sections):
    user = verified(UserFactory(username="ola", email="ola@example.org"))
    user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
    MemberProfile.objects.create(user=user, display_name="Ola Other", slug="ola-other")
    return user


@pytest.fixture
def editor(sections):
    user = verified(UserFactory(username="edith", email="edith@example.org"))
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def applicant(site):
    return verified(UserFactory(username="app", email="applicant@example.org"))
