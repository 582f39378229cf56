"""What an event says in RSS and Atom feeds (the index's, a topic's or a group's).

A feed reader shows the description, so it leads with when (London time) and where; the
joining link never goes in, because feeds are public and easily forwarded.
"""

from django.utils.translation import gettext as _


def venue_text(event):
    """'Hall, 14 Aire Street, Leeds', 'Online', or the venue and online for a hybrid event."""
    address = ", ".join(line.strip() for line in event.venue_address.splitlines() if line.strip())
    place = ", ".join(p for p in (event.venue_name, address) if p)
    if event.is_in_person and event.is_online:
        return _("%(place)s, and online") % {"place": place}
    if event.is_online:
        return _("Online")
    return place


def feed_description(event):
    status = f"{event.get_status_display()}: " if event.is_cancelled or event.is_postponed else ""
    lines = [f"{status}{event.when}. {venue_text(event)}.", event.card_summary]
    return "\n\n".join(line for line in lines if line)
