"""Who is asking: the client's address, and fixed-window counters for rate limits.

The one place that reads a client address. Comments, Get updates sign-ups, the admin sign-in and
allauth's own limits all call `client_ip`, so one setting (TRUSTED_PROXY_COUNT) governs them all.

Behind N trusted proxies (a load balancer is 1), each proxy appends the address it saw to
X-Forwarded-For, so the Nth entry from the right is the address our outermost proxy saw: the
client. Entries further left were written by the client and could be forged to dodge a limit.
With no proxy configured the header is ignored entirely and REMOTE_ADDR is the answer.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.crypto import salted_hmac

# Where windows are counted while the shared cache is away: this process alone. Limits then apply per
# web process (a little looser than the shared limit) rather than not at all.
_local = LocMemCache("qsite-rate-windows", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def _store():
    # The resilient Redis cache (qsite.cache_backends) says when it is down; other backends never are.
    return _local if getattr(cache, "is_down", False) else cache


def trusted_proxy_count():
    return max(0, int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0))


def client_ip(request):
    """The client's address as our own outermost proxy saw it ('' when unknown)."""
    proxies = trusted_proxy_count()
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
        # Fewer entries than proxies: a request that reached us without passing through them all
        # (a health check on the host itself). Its own peer is the best we know.
    return (request.META.get("REMOTE_ADDR", "") or "")[:64]


def hashed(value, purpose):
    """A keyed hash (HMAC with the secret key), so counters and records can link requests from one
    address or account without storing it, and an arbitrary posted value never becomes an odd cache key."""
    return salted_hmac(f"qsite.clients.{purpose}", str(value), algorithm="sha256").hexdigest()[:40]


@dataclass(frozen=True)
class RateWindow:
    """At most `allowed` events per `seconds`, counted per key in the shared cache.

    A fixed window from the first event: add() starts it and incr() counts within it without
    extending it. Both are atomic on Redis, which several web hosts share, so `hit()` followed by a
    comparison of its answer is the race-free way to take a place ("reserve"): of any number of
    concurrent requests exactly `allowed` get a count within the limit. While the shared cache is
    down, windows are counted in this process instead (see `_store`).
    """

    name: str
    allowed: int
    seconds: int

    def key(self, identity):
        return f"rate:{self.name}:{hashed(identity, self.name)}"

    def count(self, identity):
        """Events counted so far in the current window."""
        return _store().get(self.key(identity), 0)

    def is_full(self, identity):
        """True when no more events are allowed in this window."""
        return self.count(identity) >= self.allowed

    def hit(self, identity):
        """Count one event; returns the count including it."""
        store = _store()
        count = self._hit(store, self.key(identity))
        if store is cache and _store() is _local:
            # The shared cache went away during this call: count here instead of letting it through.
            count = self._hit(_local, self.key(identity))
        return count

    def _hit(self, store, key):
        if store.add(key, 1, timeout=self.seconds):
            return 1
        try:
            return store.incr(key)
        except ValueError:  # the window ended between add and incr
            store.add(key, 1, timeout=self.seconds)
            return 1

    def reserve(self, identity):
        """Take a place in the window: True if this event is within the limit (and is now counted)."""
        return self.hit(identity) <= self.allowed

    def reset(self, identity):
        for store in (cache, _local):
            store.delete(self.key(identity))


def any_full(windows_and_identities):
    """True when any of the (window, identity) pairs is full; one cache round trip."""
    pairs = list(windows_and_identities)
    counts = _store().get_many([window.key(identity) for window, identity in pairs])
    return any(counts.get(window.key(identity), 0) >= window.allowed for window, identity in pairs)
