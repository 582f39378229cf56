"""Comments in a real browser at phone and desktop widths: a guest posts, an editor approves it in
the Wagtail admin, the guest reloads and sees it. axe checks the form, its errors and its thanks."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible

EDITOR_PASSWORD = "a-long-editor-password"


@pytest.fixture
def commentable(transactional_db, live_server, settings):
    from blog.models import BlogIndexPage, BlogPage
    from demo.build import paragraph, stream
    from demo.site import build_site
    from members.roles import EDITORS_GROUP
    from qsite.setup import setup_site
    from tests.factories import UserFactory

    # A person takes longer than this; the browser test types at machine speed.
    settings.COMMENTS_MIN_FILL_SECONDS = 0
    site = setup_site()
    home = site.root_page.specific
    build_site(home)  # the frame, including the comments policy page in the site settings
    index = BlogIndexPage(title="Blog", slug="blog")
    home.add_child(instance=index)
    index.save_revision().publish()
    post = BlogPage(
        title="Learning from night shifts",
        slug="learning-from-night-shifts",
        intro="What the night team taught us about handovers.",
        body=stream(paragraph("A short post for the browser test.")),
    )
    index.add_child(instance=post)
    post.save_revision().publish()
    editor = UserFactory(username="edna", email="edna@example.org", password=EDITOR_PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return {"url": live_server.url, "post_url": live_server.url + post.url}


def test_guest_posts_editor_approves_guest_sees_it(page, browser, commentable, console_errors, viewport):
    page.goto(commentable["post_url"])
    form = page.locator("#comment-form")
    expect(form.get_by_role("heading", name="Leave a comment")).to_be_visible()
    expect(form.get_by_role("link", name="Read our comments policy")).to_be_visible()
    expect(form.get_by_text("Will not be publicly visible")).to_be_visible()
    assert_accessible(page)

    # The error state: nothing typed in the comment, and a bad email address.
    form.get_by_label("Your name").fill("Gwen Guest")
    form.get_by_label("Your email address").fill("not an email")
    form.get_by_role("button", name="Send comment").click()
    errors = page.locator("#comment-errors")
    expect(errors).to_be_visible()
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Write your comment.")
    expect(page.get_by_label("Your name")).to_have_value("Gwen Guest")
    expect(page.get_by_label("Your email address")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    # The counter counts down as the reader types (progressive enhancement).
    page.get_by_label("Your email address").fill("gwen.guest@example.org")
    page.get_by_label("Your comment").fill("Night shifts are where <b>handovers</b> break.\nThanks for this!")
    expect(page.locator("[data-comment-count]")).to_have_text("You have 2,937 characters left")
    page.get_by_role("button", name="Send comment").click()

    # The success state: thanked, not published.
    notice = page.locator("#comment-notice")
    expect(notice).to_contain_text("Thank you: your comment is awaiting moderation.")
    expect(notice).to_be_focused()
    expect(page.locator("#comments")).not_to_contain_text("Night shifts are where")
    assert_accessible(page)

    # An editor approves it in the Wagtail admin.
    editor_context = browser.new_context(viewport=viewport[1])
    admin = editor_context.new_page()
    admin.goto(commentable["url"] + "/admin/login/")
    admin.get_by_label("Username").fill("edna")
    admin.get_by_label("Password").fill(EDITOR_PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    expect(admin.get_by_text("1 comment is waiting for moderation.")).to_be_visible()
    admin.goto(commentable["url"] + "/admin/snippets/comments/comment/?status=pending")
    admin.get_by_role("link", name="Night shifts are where").first.click()
    expect(admin.get_by_text("gwen.guest@example.org")).to_be_visible()
    admin.get_by_role("button", name="Approve").click()
    expect(admin.get_by_text("Comment approved and published.")).to_be_visible()
    editor_context.close()

    # The guest reloads and sees it, escaped and with its line break.
    page.goto(commentable["post_url"])
    comment = page.locator(".comment").first
    expect(page.get_by_role("heading", name="1 comment")).to_be_visible()
    expect(comment).to_contain_text("Gwen Guest")
    expect(comment).to_contain_text("Night shifts are where <b>handovers</b> break.")
    expect(comment.locator("br")).to_have_count(1)
    expect(page.locator("#comments")).not_to_contain_text("gwen.guest@example.org")
    assert_accessible(page)
    assert console_errors == []
