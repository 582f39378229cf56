"""Who sees an event's joining link, and when the event page next changes on its own.

Members-only links go to approved members as members/roles.py decides (a profile alone is not
membership: applicants have one before they are approved). Other links appear to everyone from an
hour before the start until the end, so the page's cache lifetime ends at those moments.
"""

import datetime

from django.utils import timezone

from members.roles import is_member

from .choices import JoiningLinkVisibility
from .timing import JOINING_LINK_OPENS, local_midnight


class JoiningLinkMixin:
    """Behaviour for EventPage (no fields)."""

    def joining_link_visible(self, user, now=None):
        """Whether this reader may see the joining link now (the editor chooses who and when)."""
        now = now or timezone.now()
        if not self.is_online or not self.joining_link or self.is_cancelled or self.end < now:
            return False
        if self.joining_link_visibility == JoiningLinkVisibility.MEMBERS:
            return is_member(user)
        return now >= self.start - JOINING_LINK_OPENS

    def next_change(self, now=None):
        """When what this page shows next changes on its own (link opens, event starts, turns past)."""
        now = now or timezone.now()
        moments = [self.start - JOINING_LINK_OPENS, self.start, self.end, local_midnight(self.last_day)]
        moments.append(moments[-1] + datetime.timedelta(days=1))
        return min((m for m in moments if m > now), default=None)
