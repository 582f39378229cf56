"""What readers see on the home page and standard pages, and where editors may put them."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import HomePage, StandardPage
from qsite.blocks import CallToActionBlock, HeadingBlock
from qsite.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def publish_home(home, **fields):
    for name, value in fields.items():
        setattr(home, name, value)
    home.save_revision().publish()
    return home


class TestPageTreeRules:
    def test_home_page_sits_only_under_the_root(self, home):
        root = Page.get_first_root_node()
        assert HomePage.can_create_at(root) is False  # one already there
        assert HomePage.can_create_at(home) is False

    def test_standard_pages_sit_under_home_or_another_standard_page(self, home):
        root = Page.get_first_root_node()
        about = StandardPageFactory(parent=home)
        assert StandardPage.can_create_at(home)
        assert StandardPage.can_create_at(about)
        assert not StandardPage.can_create_at(root)

    def test_only_standard_pages_go_under_a_standard_page(self, home):
        about = StandardPageFactory(parent=home)
        assert about.specific_class.allowed_subpage_models() == [StandardPage]


class TestHomePage:
    def test_root_url_redirects_to_the_english_home_page(self, client, home):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/en/"

    def test_root_url_follows_the_browsers_language(self, client, home):
        response = client.get("/", headers={"accept-language": "cy,en;q=0.5"})
        assert response["Location"] == "/cy/"

    def test_hero_shows_heading_intro_and_button(self, client, home):
        about = StandardPageFactory(parent=home, title="About us", slug="about-us")
        publish_home(
            home,
            hero_heading="Better care, shared",
            intro="People improving care, together.",
            hero_link=about,
            hero_link_label="Read about us",
        )
        response = client.get("/en/")
        html = response.content.decode()
        assert response.status_code == 200
        assert '<h1 id="hero-heading" class="hero__heading">Better care, shared</h1>' in html
        assert "People improving care, together." in html
        assert '<a class="button button--inverse" href="/en/about-us/">Read about us</a>' in html

    def test_page_title_is_used_when_there_is_no_hero_heading(self, client, home):
        publish_home(home, title="Welcome", hero_heading="")
        assert ">Welcome</h1>" in client.get("/en/").content.decode()

    def test_content_sections_are_hidden_while_there_is_nothing_to_show(self, client, home):
        html = client.get("/en/").content.decode()
        assert "Latest from the blog" not in html
        assert "Upcoming events" not in html
        assert "Latest insights" not in html
        assert home.sections() == []

    def test_navigation_lists_live_menu_pages_in_tree_order(self, client, home):
        StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
        StandardPageFactory(parent=home, title="Hidden from menu", slug="hidden", show_in_menus=False)
        StandardPageFactory(parent=home, title="Draft page", slug="draft", show_in_menus=True, live=False)
        StandardPageFactory(parent=home, title="Get involved", slug="join", show_in_menus=True)
        html = client.get("/en/").content.decode()
        nav = html.split('aria-label="Main"')[1].split("</nav>")[0]
        assert nav.index(">About<") < nav.index(">Get involved<")
        assert "Hidden from menu" not in nav
        assert "Draft page" not in nav

    def test_navigation_marks_the_current_section(self, client, home):
        about = StandardPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
        StandardPageFactory(parent=about, title="Principles", slug="principles")
        html = client.get("/en/about/principles/").content.decode()
        assert '<a class="site-nav__link" href="/en/about/" aria-current="true">About</a>' in html

    def test_home_page_has_no_breadcrumbs(self, client, home):
        assert 'aria-label="Breadcrumb"' not in client.get("/en/").content.decode()

    def test_home_page_query_count_does_not_grow_with_menu_pages(self, client, home, django_assert_num_queries):
        for n in range(3):
            StandardPageFactory(parent=home, show_in_menus=True, slug=f"menu-{n}")
        client.get("/en/")  # warm per-process caches (content types, site root paths)
        # 17 = site + active locale + page route + alias check + view restrictions (Wagtail's serve),
        # blog section: view restrictions + posts (empty here, so nothing to prefetch),
        # events section: view restrictions + upcoming events (empty, likewise),
        # insights section: the same two,
        # locale of the localized root + menu restrictions + menu pages + menu locale (main_nav),
        # site settings (footer), and the language switcher and hreflang links (the page's translations and
        # the home pages, one query).
        # None of them depends on how many pages there are.
        with django_assert_num_queries(17) as few:
            client.get("/en/")
        for n in range(3, 15):
            StandardPageFactory(parent=home, show_in_menus=True, slug=f"menu-{n}")
        with django_assert_num_queries(len(few.captured_queries)):
            client.get("/en/")


class TestStandardPage:
    def test_shows_title_intro_and_body(self, client, home):
        StandardPageFactory(
            parent=home,
            title="Comments policy",
            slug="comments-policy",
            intro="How we moderate.",
            body=[("heading", {"text": "What we publish", "level": "h2"}), ("paragraph", "<p>Kind comments.</p>")],
        )
        html = client.get("/en/comments-policy/").content.decode()
        assert "<h1>Comments policy</h1>" in html
        assert '<p class="lede">How we moderate.</p>' in html
        assert '<h2 id="what-we-publish">What we publish</h2>' in html
        assert "<p>Kind comments.</p>" in html

    def test_breadcrumbs_lead_home_and_mark_the_current_page(self, client, home):
        about = StandardPageFactory(parent=home, title="About", slug="about")
        StandardPageFactory(parent=about, title="Principles", slug="principles")
        html = client.get("/en/about/principles/").content.decode()
        crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
        assert '<a href="/en/">Home</a>' in crumbs
        assert '<a href="/en/about/">About</a>' in crumbs
        assert '<span aria-current="page">Principles</span>' in crumbs

    def test_lists_its_live_child_pages(self, client, home):
        about = StandardPageFactory(parent=home, title="About", slug="about")
        StandardPageFactory(parent=about, title="Our principles", slug="principles", intro="What guides us.")
        StandardPageFactory(parent=about, title="Unpublished child", slug="draft", live=False)
        html = client.get("/en/about/").content.decode()
        assert "In this section" in html
        assert "Our principles" in html
        assert "What guides us." in html
        assert "Unpublished child" not in html

    def test_no_section_list_without_children(self, client, home):
        StandardPageFactory(parent=home, title="Alone", slug="alone")
        assert "In this section" not in client.get("/en/alone/").content.decode()

    def test_draft_pages_are_not_served(self, client, home):
        StandardPageFactory(parent=home, title="Secret plans", slug="secret", live=False)
        assert client.get("/en/secret/").status_code == 404


class TestSiteSettingsInFooter:
    def test_footer_shows_text_links_and_policy_page(self, client, home, site):
        policy = StandardPageFactory(parent=home, title="Comments policy", slug="comments-policy")
        settings = SiteSettings.for_site(site)
        settings.footer_text = "<p>Run by members, for members.</p>"
        settings.contact_email = "hello@example.org"
        settings.comments_policy_page = policy
        settings.social_links = [
            ("link", {"platform": "linkedin", "label": "Q on LinkedIn", "url": "https://li.example/q"})
        ]
        settings.save()
        html = client.get("/en/").content.decode()
        footer = html.split('<footer class="site-footer">')[1]
        assert "Run by members, for members." in footer
        assert '<a href="/en/comments-policy/">Comments policy</a>' in footer
        assert 'href="mailto:hello@example.org"' in footer
        assert '<a href="https://li.example/q" rel="me noopener">Q on LinkedIn</a>' in footer

    def test_footer_leaves_out_links_that_are_not_set(self, client, home):
        footer = client.get("/en/").content.decode().split('<footer class="site-footer">')[1]
        assert "Comments policy" not in footer
        # The "Get updates" link (not the footer sign-up form, which is always there) needs a chosen page.
        assert ">Get updates</a>" not in footer
        assert "mailto:" not in footer


class TestSharedBlocks:
    def test_call_to_action_needs_a_page_or_an_address(self, home):
        block = CallToActionBlock()
        value = block.to_python({"title": "Join", "text": "", "page": None, "url": "", "button_label": "Join"})
        with pytest.raises(ValidationError):
            block.clean(value)

    def test_call_to_action_refuses_both_a_page_and_an_address(self, home):
        block = CallToActionBlock()
        value = block.to_python(
            {"title": "Join", "text": "", "page": home.pk, "url": "https://example.org", "button_label": "Join"}
        )
        with pytest.raises(ValidationError):
            block.clean(value)

    def test_call_to_action_with_one_link_is_valid(self, home):
        block = CallToActionBlock()
        value = block.to_python({"title": "Join", "text": "", "page": home.pk, "url": "", "button_label": "Join"})
        assert block.clean(value)["page"].pk == home.pk

    def test_heading_text_is_escaped_and_anchored(self):
        html = HeadingBlock().render(HeadingBlock().to_python({"text": "Safety <script>x</script>", "level": "h3"}))
        assert "<script>" not in html
        assert html.startswith('<h3 id="safety-scriptxscript">Safety &lt;script&gt;')
