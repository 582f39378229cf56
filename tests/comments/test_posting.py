"""Readers: what a commentable page shows, and what happens when someone posts."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale

from comments.models import Comment, Status
from qsite.models import SiteSettings

from .conftest import POST_URL, approved, form_data, send

pytestmark = pytest.mark.django_db


def comments_section(response):
    html = response.content.decode()
    return html[html.index('id="comments"') : html.index("</section>", html.index('id="comments"'))]


# --- What the page shows ---------------------------------------------------------------


def test_page_shows_approved_comments_oldest_first_with_count_in_heading(client, post):
    now = timezone.now()
    approved(post, "Second said", created=now - datetime.timedelta(hours=1))
    approved(post, "First said", created=now - datetime.timedelta(hours=2))
    section = comments_section(client.get(post.url))
    assert "2 comments" in section
    assert section.index("First said") < section.index("Second said")


def test_unapproved_comments_are_never_shown(client, post):
    for status in (Status.PENDING, Status.REJECTED, Status.SPAM):
        approved(post, f"Hidden {status}", status=status)
    section = comments_section(client.get(post.url))
    assert "Hidden" not in section
    assert "No comments yet." in section


def test_replies_are_shown_under_their_comment_one_level_deep(client, post):
    parent = approved(post, "The original point")
    approved(post, "A reply to it", parent=parent)
    section = comments_section(client.get(post.url))
    assert "2 comments" in section
    replies = section[section.index("comment-list--replies") :]
    assert "A reply to it" in replies
    assert "The original point" not in replies


def test_reply_to_a_hidden_comment_is_not_shown(client, post):
    parent = approved(post, "Rejected original", status=Status.REJECTED)
    approved(post, "Orphan reply", parent=parent)
    assert "Orphan reply" not in comments_section(client.get(post.url))


def test_form_marks_required_fields_and_says_email_is_not_public(client, post):
    section = comments_section(client.get(post.url))
    assert section.count("(required)") == 3
    assert "Will not be publicly visible" in section
    assert 'aria-describedby="id_email-hint"' in section


def test_form_links_to_comments_policy_and_invites_members_to_log_in(client, post, home):
    settings = SiteSettings.for_site(home.get_site())
    settings.comments_policy_page = home
    settings.save()
    section = comments_section(client.get(post.url))
    assert f'href="{home.url}">Read our comments policy' in section
    assert "/en/accounts/login/?next=%2Fen%2Fblog%2Fhuddles-that-work%2F%23comment-form" in section


def test_member_stories_are_commentable_too(client, story):
    approved(story, "Welcome aboard")
    response = client.get(story.url)
    assert "Welcome aboard" in comments_section(response)
    assert send(client, story).status_code == 302
    assert Comment.objects.filter(page=story, status=Status.PENDING).count() == 1


def test_english_and_welsh_versions_share_one_thread_and_keep_their_language(client, post, blog_index):
    welsh = Locale.objects.get(language_code="cy")
    welsh_home = post.get_parent().get_parent().copy_for_translation(welsh)
    welsh_home.save_revision().publish()
    welsh_index = blog_index.copy_for_translation(welsh)
    welsh_index.save_revision().publish()
    welsh_post = post.copy_for_translation(welsh)
    welsh_post.save_revision().publish()
    approved(post, "Said in English")
    send(client, welsh_post, body="Wedi'i ddweud yn Gymraeg")
    comment = Comment.objects.get(body="Wedi'i ddweud yn Gymraeg")
    assert comment.language == "cy"
    assert comment.translation_key == post.translation_key
    comment.status = Status.APPROVED
    comment.save()
    welsh_section = comments_section(client.get(welsh_post.url))
    english_section = comments_section(client.get(post.url))
    assert "Said in English" in welsh_section and "Wedi&#x27;i ddweud yn Gymraeg" in english_section
    # Each comment is marked with its own language where it differs from the page's.
    assert 'lang="cy"' in english_section and 'lang="en"' in welsh_section


# --- Posting -----------------------------------------------------------------------------


def test_guest_post_is_stored_pending_and_not_published(client, post):
    response = send(client, post)
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert (comment.author_name, comment.guest_email, comment.author) == ("Gwen Guest", "gwen.guest@example.org", None)
    assert comment.page_id == post.pk and comment.language == "en"
    assert "A thoughtful comment." not in client.get(post.url).content.decode()


def test_after_posting_the_reader_is_sent_back_with_an_awaiting_moderation_notice(client, post):
    response = send(client, post)
    assert response["Location"] == post.url + "#comment-notice"
    page = client.get(post.url).content.decode()
    assert "Thank you: your comment is awaiting moderation." in page
    # The notice is shown once, not on every later visit.
    assert "awaiting moderation." not in client.get(post.url).content.decode()


def test_member_comments_under_profile_name_and_sees_own_pending_comment_marked(client, post, member):
    client.force_login(member)
    assert "You are commenting as <strong>Mo from Manchester</strong>" in client.get(post.url).content.decode()
    response = client.post(POST_URL, form_data(post, name=None, email=None), REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.author, comment.author_name, comment.guest_email) == (member, "Mo from Manchester", "")
    assert response["Location"] == post.url + "#comment-notice"
    response = client.get(post.url)
    assert "Until then only you can see it, marked below." in response.content.decode()
    section = comments_section(response)
    assert "A thoughtful comment." in section
    assert "Awaiting moderation: only you can see this" in section
    # Pending comments do not count towards the published number.
    assert "1 comment" not in section
    client.logout()
    assert "A thoughtful comment." not in comments_section(client.get(post.url))


def test_member_without_profile_comments_under_full_name(client, post, django_user_model):
    user = django_user_model.objects.create_user(
        "plain", "plain@example.org", "pw-long-enough", first_name="Pat", last_name="Plain"
    )
    client.force_login(user)
    client.post(POST_URL, form_data(post, name=None, email=None))
    assert Comment.objects.get().author_name == "Pat Plain"


def test_members_name_and_email_fields_are_not_asked_for_or_trusted(client, post, member):
    client.force_login(member)
    client.post(POST_URL, form_data(post, name="Someone Else", email="else@example.org"))
    comment = Comment.objects.get()
    assert comment.author_name == "Mo from Manchester" and comment.guest_email == ""


def test_guest_email_is_never_rendered_anywhere_public(client, post):
    approved(post, "Visible words", author_name="Gwen Guest", guest_email="secret.address@example.org")
    send(client, post, email="another.secret@example.org", body="Waiting words")
    urls = [post.url, post.get_parent().url, post.get_parent().url + "feed/rss/", post.get_parent().url + "feed/atom/"]
    for url in urls:
        body = client.get(url).content.decode()
        assert "secret.address" not in body and "another.secret" not in body, url
    page = client.get(post.url).content.decode()
    assert "Gwen Guest" in page
    json_ld = page[page.index("application/ld+json") : page.index("</script>", page.index("application/ld+json"))]
    assert "example.org" not in json_ld.replace("http://", "")


def test_get_on_the_post_address_is_not_allowed(client):
    assert client.get(POST_URL).status_code == 405


# --- The body: plain text, escaped, links, line breaks -------------------------------------


def test_body_is_stored_exactly_as_typed_and_escaped_on_output(client, post):
    body = "  <script>alert('x')</script> <b>bold</b> & co\r\nsecond line  \n"
    send(client, post, body=body)
    comment = Comment.objects.get()
    assert comment.body == body
    comment.status = Status.APPROVED
    comment.save()
    section = comments_section(client.get(post.url))
    assert "<script>alert" not in section and "<b>bold</b>" not in section
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; co<br>second line" in section
    )


def test_links_are_clickable_with_nofollow_ugc_noopener(client, post):
    approved(post, "See https://example.org/report and www.example.net too")
    section = comments_section(client.get(post.url))
    assert '<a href="https://example.org/report" rel="nofollow ugc noopener">https://example.org/report</a>' in section
    assert '<a href="http://www.example.net" rel="nofollow ugc noopener">www.example.net</a>' in section


def test_javascript_urls_and_html_attributes_never_become_links(client, post):
    approved(post, 'javascript:alert(1) <a href="https://evil.example" onclick="x()">click</a> rel="nofollow"')
    section = comments_section(client.get(post.url))
    assert 'href="javascript' not in section
    assert "onclick=" not in section.replace("onclick=&quot;", "")
    assert "rel=&quot;nofollow&quot;" in section


def test_paragraphs_and_line_breaks_are_kept(client, post):
    approved(post, "One\nTwo\n\nThree")
    assert "<p>One<br>Two</p>\n\n<p>Three</p>" in comments_section(client.get(post.url))


# --- Closed comments -----------------------------------------------------------------------


def test_closed_page_shows_its_message_instead_of_the_form(client, blog_index, author_profile):
    from .conftest import make_post

    closed = make_post(
        blog_index, title="Closed one", comments_open=False, comments_closed_message="We have closed this."
    )
    approved(closed, "Earlier words")
    section = comments_section(client.get(closed.url))
    assert "We have closed this." in section and "Earlier words" in section
    assert 'id="comment-form"' not in section


def test_posting_to_a_closed_page_is_refused_with_the_message_and_keeps_the_text(client, blog_index):
    from .conftest import make_post

    closed = make_post(blog_index, title="Closed two", comments_open=False)
    response = send(client, closed, body="Words I typed")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Comments are closed on this page." in html
    assert "Here is what you wrote" in html and "Words I typed" in html
    assert Comment.objects.count() == 0


def test_comments_close_automatically_n_days_after_first_publication(client, post, home):
    settings = SiteSettings.for_site(home.get_site())
    settings.comments_close_after_days = 30
    settings.save()
    assert 'id="comment-form"' in client.get(post.url).content.decode()
    post.first_published_at = timezone.now() - datetime.timedelta(days=31)
    post.save(update_fields=["first_published_at"])
    assert 'id="comment-form"' not in client.get(post.url).content.decode()
    assert send(client, post).status_code == 403
    assert Comment.objects.count() == 0


def test_without_the_setting_old_pages_stay_open(client, post):
    post.first_published_at = timezone.now() - datetime.timedelta(days=3000)
    post.save(update_fields=["first_published_at"])
    assert send(client, post).status_code == 302


# --- Replies ----------------------------------------------------------------------------------


def test_reply_link_prefills_the_form(client, post):
    parent = approved(post, "Reply to me", author_name="Rhian")
    page = client.get(post.url + f"?reply_to={parent.pk}").content.decode()
    assert "Reply to Rhian" in page
    assert f'name="parent" value="{parent.pk}"' in page


def test_reply_is_stored_under_its_parent(client, post):
    parent = approved(post, "Parent words")
    send(client, post, parent=str(parent.pk))
    assert Comment.objects.get(status=Status.PENDING).parent == parent


def test_reply_to_a_reply_joins_the_first_comment(client, post):
    parent = approved(post, "Top")
    child = approved(post, "Child", parent=parent)
    send(client, post, parent=str(child.pk))
    assert Comment.objects.get(status=Status.PENDING).parent == parent


@pytest.mark.parametrize("target", ["other_page", "pending", "missing"])
def test_reply_to_a_comment_not_shown_on_this_page_is_refused_and_keeps_the_text(client, post, other_post, target):
    parent = {
        "other_page": lambda: approved(other_post, "Elsewhere"),
        "pending": lambda: approved(post, "Not yet", status=Status.PENDING),
        "missing": lambda: type("Missing", (), {"pk": 99999})(),
    }[target]()
    response = send(client, post, parent=str(parent.pk), body="My reply text")
    assert response.status_code == 200
    html = response.content.decode()
    assert "The comment you are replying to is not on this page." in html
    assert "My reply text" in html
    assert Comment.objects.filter(body="My reply text").count() == 0


def test_reply_links_are_offered_on_comments_but_not_on_replies_or_closed_pages(client, post):
    parent = approved(post, "Top level")
    reply = approved(post, "A reply", parent=parent)
    html = comments_section(client.get(post.url))
    assert f"?reply_to={parent.pk}#comment-form" in html
    assert f"?reply_to={reply.pk}#comment-form" not in html
    post.comments_open = False
    post.save()
    assert "?reply_to=" not in comments_section(client.get(post.url))


def test_the_include_renders_nothing_on_a_page_type_that_has_not_opted_in(rf, home):
    from django.contrib.auth.models import AnonymousUser
    from django.template import engines

    request = rf.get("/")
    request.user = AnonymousUser()
    html = engines["django"].from_string('{% include "includes/comments.html" %}').render({"page": home}, request)
    assert html.strip() == ""


def test_reply_to_value_that_is_not_a_comment_is_ignored(client, post):
    for value in ["abc", "%00", "-1", "99999999999999999999", "<script>"]:
        response = client.get(post.url, {"reply_to": value})
        assert response.status_code == 200
        assert "Leave a comment" in response.content.decode()
