"""A group's posts as Atom/RSS, and its upcoming events as a subscribable iCalendar feed."""

from django.utils.translation import gettext as _

from qsite.feeds import FEED_LENGTH, feed_response


def posts_feed(request, group, kind):
    return feed_response(
        request,
        group,
        group.posts().for_cards()[:FEED_LENGTH],
        kind,
        title=_("%(group)s: posts | Q community") % {"group": group.title},
        description=group.purpose,
    )


def events_calendar(request, group):
    events = group.upcoming_events().select_related("region")
    # Events build their own calendar files; groups reaches that through the related model, not an import.
    return group.events.model.calendar_response(
        request,
        events,
        filename=f"{group.slug}-events",
        title=_("%(group)s: events") % {"group": group.title},
        private=group.get_view_restrictions().exists(),
    )
