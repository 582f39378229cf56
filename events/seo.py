"""schema.org data for events, rendered as JSON-LD by the `json_ld` tag."""

from qsite.pages import absolute_to, site_root

from .choices import EventFormat, EventStatus

STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
}
MODE = {
    EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}


def _locations(event):
    locations = []
    if event.is_in_person:
        address = {"@type": "PostalAddress", "streetAddress": event.venue_address.replace("\n", ", ")}
        address["addressCountry"] = "GB"
        if event.region_id:
            address["addressRegion"] = event.region.name
        locations.append({"@type": "Place", "name": event.venue_name, "address": address})
    if event.is_online:
        # The page, never the joining link itself, which may be for members only.
        locations.append({"@type": "VirtualLocation", "url": event.full_url})
    return locations


def event_data(event):
    """schema.org Event, for search engines."""
    locations = _locations(event)
    if event.all_day:
        start, end = event.local_start.date().isoformat(), event.last_day.isoformat()
    else:
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.intro,
        "url": event.full_url,
        "startDate": start,
        "endDate": end,
        "eventStatus": f"https://schema.org/{STATUS[event.status]}",
        "eventAttendanceMode": f"https://schema.org/{MODE[event.event_format]}",
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": event.locale.language_code,
    }
    root = site_root(event)
    if event.organiser_profile_id:
        data["organizer"] = {
            "@type": "Person",
            "name": event.organiser_profile.display_name,
            "url": absolute_to(root, event.organiser_profile.get_absolute_url()),
        }
    elif event.organiser_name:
        data["organizer"] = {"@type": "Organization", "name": event.organiser_name}
        if event.organiser_url:
            data["organizer"]["url"] = event.organiser_url
    if event.booking_url and not event.is_cancelled:
        data["offers"] = {
            "@type": "Offer",
            "url": event.booking_url,
            "availability": "https://schema.org/" + ("InStock" if event.booking_open else "SoldOut"),
        }
    if event.share_image:
        data["image"] = absolute_to(root, event.share_image.get_rendition("fill-1200x630|format-jpeg").url)
    return data
