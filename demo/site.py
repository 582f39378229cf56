"""The frame of the demo site: home page, About and the other standard pages, site settings."""

from django.db import transaction
from wagtail.models import Page, Site

from home.models import HomePage, StandardPage
from qsite.models import SiteSettings

from .build import add_live_copy, bullets, call_to_action, ensure_child, heading, link_cards, paragraph, stream
from .images import get_or_create_image

ABOUT_BODY = stream(
    heading("Who we are"),
    paragraph(
        "Q is a community of several thousand people across England, Scotland, Wales and Northern Ireland "
        "who share one aim: making health and care better for the people who use it and the people who work in it.",
        "Members are nurses and doctors, service managers, data analysts, carers, people with lived experience "
        "of services, researchers and many more. What they have in common is that they are trying to change "
        "something, and they know it goes better with others.",
    ),
    heading("What we do"),
    bullets(
        "Connect people working on similar problems in different places, so nobody starts from a blank page.",
        "Run events, from small site visits to UK-wide gatherings, where members learn from each other's work.",
        "Fund and support member-led projects, and share what they find, including what did not work.",
        "Publish insights from our Lab and insight projects so that learning travels beyond the room.",
    ),
    heading("How we work"),
    paragraph(
        "The community is shaped by its members. Members propose events, write for this site, run special "
        "interest groups and review each other's ideas. A small staff team looks after the infrastructure and "
        "keeps the community open, safe and useful.",
    ),
)

PRINCIPLES_BODY = stream(
    paragraph(
        "These principles came out of conversations with members in every nation. We come back to them when we "
        "decide what to do next."
    ),
    heading("Start from what matters to people"),
    paragraph(
        "Improvement is worth doing when it changes something people care about: a shorter wait, a safer ward, "
        "a clinic that fits around a working day. We ask who benefits before we ask how."
    ),
    heading("Share early, share honestly"),
    paragraph(
        "Half-finished work shared today is often more useful than a polished report next year. We value "
        "accounts of what went wrong as much as stories of success."
    ),
    heading("Everyone brings expertise"),
    paragraph(
        "A porter who knows how a corridor really gets used and an analyst who can read a run chart both have "
        "something to teach. Titles matter less here than curiosity."
    ),
)

GOVERNANCE_BODY = stream(
    paragraph(
        "Day-to-day decisions sit with a small staff team. Bigger choices, such as what the community funds or "
        "which themes it focuses on for the year, are made with a members' advisory group that changes every two years."
    ),
    heading("The members' advisory group"),
    paragraph(
        "Twelve members, at least two from each nation, meet every quarter. Their notes are shared with all "
        "members, and any member can raise a question for them through the staff team."
    ),
    heading("Money and independence"),
    paragraph(
        "The community is funded by grants from organisations that care about better health and care. Funders "
        "do not choose what members write or which projects they run."
    ),
)

GET_INVOLVED_BODY = stream(
    paragraph(
        "Joining is free for anyone working to improve health and care in the UK, paid or unpaid. You apply with "
        "a few lines about your work and why you want to join, and a member of staff reviews every application."
    ),
    heading("Once you are a member you can"),
    bullets(
        "Come to welcome events, masterclasses and visits to teams who are trying something new.",
        "Write for this site: a blog post about your work, or your story as a new member.",
        "Join or start a special interest group on a topic you care about.",
        "Meet another member for a virtual coffee through our random pairing scheme.",
    ),
    heading("Not ready to join?"),
    paragraph(
        "Everything published here is free to read. You can comment on posts as a guest; comments are read by a "
        "moderator before they appear."
    ),
)

COMMENTS_POLICY_BODY = stream(
    paragraph(
        "Comments are where readers talk back to writers and to each other. We want them to be useful, kind and "
        "safe, so every comment is read by a moderator before it appears."
    ),
    heading("We will publish comments that"),
    bullets(
        "respond to the post and add to the conversation, including when you disagree;",
        "share experience or evidence, with links where they help;",
        "are written with respect for the writer and for other readers.",
    ),
    heading("We will not publish comments that"),
    bullets(
        "identify patients, service users or colleagues who have not agreed to be named;",
        "are abusive, discriminatory or threatening;",
        "advertise products or services, or are clearly automated;",
        "repeat the same point many times.",
    ),
    heading("Your details"),
    paragraph(
        "If you comment as a guest we ask for your name and email address. We show your name with your comment. "
        "Your email address is only ever seen by moderators, is never shown on the site and is never used to send "
        "you marketing."
    ),
    paragraph("Moderators aim to review comments within two working days."),
)

ACCESSIBILITY_BODY = stream(
    paragraph(
        "We want everyone to be able to use this site, whatever device, browser or assistive technology they use, "
        "and however fast their connection."
    ),
    heading("What we do"),
    bullets(
        "Pages are built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.",
        "Every page is checked with automated accessibility tests before changes go live.",
        "Text can be zoomed to 400% without losing content, and the site works without JavaScript.",
        "Pictures that carry meaning have text alternatives; decorative ones are hidden from screen readers.",
    ),
    heading("Tell us about a problem"),
    paragraph(
        "If something on the site does not work for you, please email the team and say which page and what "
        "happened. We will reply within five working days."
    ),
)


@transaction.atomic
def build_site(home: HomePage, scale: int = 1) -> dict:
    """Fill in the home page and create the standard pages. Returns the pages other modules link to."""
    about, _ = ensure_child(
        home,
        StandardPage,
        "about",
        title="About Q",
        show_in_menus=True,
        intro="A UK-wide community of people improving health and care, learning together in the open.",
        body=ABOUT_BODY,
    )
    principles, _ = ensure_child(
        about,
        StandardPage,
        "our-principles",
        title="Our principles",
        intro="Three ideas that guide what the community does and how it does it.",
        body=PRINCIPLES_BODY,
    )
    governance, _ = ensure_child(
        about,
        StandardPage,
        "how-the-community-is-run",
        title="How the community is run",
        intro="Who makes decisions, how members have a say, and where the money comes from.",
        body=GOVERNANCE_BODY,
    )
    get_involved, _ = ensure_child(
        home,
        StandardPage,
        "get-involved",
        title="Get involved",
        show_in_menus=True,
        intro="Join the community, come to an event, write for the site or simply read along.",
        body=GET_INVOLVED_BODY,
    )
    policy, _ = ensure_child(
        home,
        StandardPage,
        "comments-policy",
        title="Comments policy",
        intro="How we moderate comments, and what happens to the details you give us.",
        body=COMMENTS_POLICY_BODY,
    )
    accessibility, _ = ensure_child(
        home,
        StandardPage,
        "accessibility",
        title="Accessibility statement",
        intro="How we make this site usable by everyone, and how to tell us when it is not.",
        body=ACCESSIBILITY_BODY,
    )

    # The home page was created bare by setup_site; give it its demo content once.
    if not home.body:
        home.title = "Home"
        home.hero_heading = "Improving health and care, together"
        home.intro = (
            "Q connects thousands of people across the UK who are working to make health and care better. "
            "We share what works, learn from what does not, and help good ideas travel."
        )
        home.hero_image = get_or_create_image("People and connections", seed=7)
        home.hero_link = about
        home.hero_link_label = "Find out about Q"
        home.body = stream(
            link_cards(
                "Find your way in",
                [
                    ("How the community works", "Who decides what, and how members shape it.", governance),
                    ("Our principles", "The ideas we return to when we choose what to do next.", principles),
                    ("Get involved", "Join, come to an event or write for the site.", get_involved),
                ],
            ),
            call_to_action(
                "Working to improve health or care?",
                "Membership is free for anyone in the UK doing improvement work, paid or unpaid.",
                "See how to join",
                page=get_involved,
            ),
        )
        home.save_revision().publish()

    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if not site_settings.footer_text:
        site_settings.footer_text = (
            "<p>Q is a community of people improving health and care across England, Scotland, Wales and "
            "Northern Ireland. This is a demonstration site with made-up content.</p>"
        )
        site_settings.contact_email = "hello@q.example.org"
        site_settings.comments_policy_page = policy
        site_settings.social_links = stream(
            ("link", {"platform": "linkedin", "label": "Q on LinkedIn", "url": "https://www.linkedin.com/"}),
            ("link", {"platform": "bluesky", "label": "Q on Bluesky", "url": "https://bsky.app/"}),
        )
        site_settings.save()

    notes = build_scaled_pages(home, scale)
    return {
        "home": home,
        "about": about,
        "get_involved": get_involved,
        "comments_policy": policy,
        "accessibility": accessibility,
        "scaled_pages": notes,
    }


def build_scaled_pages(home, scale):
    """Extra standard pages for benchmarks: 20 per step of scale above 1."""
    if scale <= 1:
        return 0
    notes, _ = ensure_child(
        home,
        StandardPage,
        "community-notes",
        title="Community notes",
        intro="Short notes from around the community, generated for load testing.",
    )
    existing = set(StandardPage.objects.child_of(notes).values_list("slug", flat=True))
    wanted = 20 * (scale - 1)
    created = 0
    for n in range(1, wanted + 1):
        slug = f"note-{n}"
        if slug in existing:
            continue
        add_live_copy(
            notes,
            StandardPage(
                slug=slug,
                locale=notes.locale,
                title=f"Community note {n}",
                intro=f"Note {n}: a short update from a member about a change they are testing.",
                body=stream(paragraph("This page was generated to give the site realistic volume for load tests.")),
            ),
        )
        created += 1
    return created


# The main menu, in reading order. Sections that do not exist yet are skipped.
MENU_ORDER = ["blog", "new-member-stories", "events", "insights", "groups", "about", "get-involved"]


def order_menu(home):
    """Put the menu pages in MENU_ORDER ahead of the other children of the home page."""
    current = list(Page.objects.child_of(home).values_list("slug", flat=True))
    wanted = [slug for slug in MENU_ORDER if slug in current]
    if current[: len(wanted)] == wanted:
        return
    for slug in reversed(MENU_ORDER):
        # Fetched afresh each time: every move rewrites the tree paths of its siblings.
        page = Page.objects.child_of(home).filter(slug=slug).first()
        if page is not None:
            page.move(Page.objects.get(pk=home.pk), pos="first-child")
