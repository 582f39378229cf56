"""Small helpers that every demo module uses to build pages idempotently."""

import json
import uuid

from django.utils import timezone
from django.utils.text import slugify


def ensure_child(parent, model, slug, *, publish=True, **fields):
    """The child of `parent` with this slug, created and published if it is missing.

    An existing page is left as it is, so re-running load_demo never duplicates
    content and never overwrites what someone edited in the admin.
    """
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    return page, True


def add_live_copy(parent, page):
    """Add `page` under `parent` already live, without a revision or the publish signals.

    Only for the bulk copies that `load_demo --scale` makes for benchmarks: a revision and the
    publish signal handlers cost more than the page itself, and thousands of copies took over an
    hour to load. Readers see these pages exactly as published ones (live, with publish dates);
    the search index and reference index are still updated by the page's own save. Editing one
    in the admin creates its first revision as usual.
    """
    now = timezone.now()
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)
    return page


def stream(*blocks):
    """StreamField content in Wagtail's raw JSON form, from (type, value) pairs."""
    return json.dumps([{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks])


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def paragraph(*paragraphs):
    return ("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))


def bullets(*items):
    return ("paragraph", "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>")


def call_to_action(title, text, button_label, page=None, url=""):
    return (
        "call_to_action",
        {"title": title, "text": text, "page": page.pk if page else None, "url": url, "button_label": button_label},
    )


def link_cards(heading_text, cards):
    """cards: (title, text, page) triples."""
    return (
        "link_cards",
        {
            "heading": heading_text,
            "cards": [{"title": t, "text": x, "page": p.pk, "url": ""} for t, x, p in cards],
        },
    )


def slug_for(title):
    return slugify(title)[:80]
