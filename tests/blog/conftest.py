import pytest

from tests.factories import BlogIndexPageFactory, MemberProfileFactory, MemberStoryIndexPageFactory


@pytest.fixture
def blog(home):
    return BlogIndexPageFactory(parent=home)


@pytest.fixture
def stories(home):
    return MemberStoryIndexPageFactory(parent=home)


@pytest.fixture
def author(db):
    return MemberProfileFactory(
        display_name="Priya Raman", slug="priya-raman", job_title="QI lead", organisation="Riverside"
    )
