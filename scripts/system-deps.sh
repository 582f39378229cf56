#!/usr/bin/env bash
# Install the Debian packages the tests use, when this machine allows it:
# Chromium for the browser tests, GNU gettext for the Welsh catalogue check
# (makemessages runs xgettext), and a Redis server if none is listening.
# Never fails: what cannot be installed is reported, and the tests say so loudly.
set -u

can_apt() { [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; }
apt_updated=0
apt_install() {
    if [ "$apt_updated" = "0" ]; then
        apt-get update -qq >/dev/null 2>&1 && apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1
}

if [ -x /usr/bin/chromium ]; then
    echo "system-deps: Chromium present ($(/usr/bin/chromium --version 2>/dev/null))"
elif can_apt; then
    echo "system-deps: installing Chromium from Debian (apt-get install chromium)..."
    if apt_install chromium fonts-dejavu-core; then
        echo "system-deps: Chromium installed"
    else
        echo "system-deps: WARNING could not install Chromium; browser tests will be skipped"
    fi
else
    echo "system-deps: WARNING no /usr/bin/chromium and no root apt-get; browser tests will be skipped"
fi

if command -v wrk >/dev/null 2>&1; then
    echo "system-deps: wrk present (make loadtest)"
elif can_apt; then
    apt_install wrk && echo "system-deps: wrk installed" || echo "system-deps: WARNING could not install wrk; make loadtest needs it"
else
    echo "system-deps: WARNING no wrk; make loadtest needs it (apt-get install wrk)"
fi

if command -v xgettext >/dev/null 2>&1 && command -v msgmerge >/dev/null 2>&1; then
    echo "system-deps: GNU gettext present ($(xgettext --version | head -n 1))"
elif can_apt; then
    echo "system-deps: installing GNU gettext from Debian (apt-get install gettext)..."
    if apt_install gettext; then
        echo "system-deps: gettext installed"
    else
        echo "system-deps: WARNING could not install gettext; the translation catalogue check will be skipped"
    fi
else
    echo "system-deps: WARNING no xgettext and no root apt-get; the translation catalogue check will be skipped"
fi

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if redis_up; then
    echo "system-deps: Redis listening on 127.0.0.1:6379"
elif can_apt; then
    echo "system-deps: no Redis on 127.0.0.1:6379, installing and starting redis-server..."
    if command -v redis-server >/dev/null 2>&1 || apt_install redis-server; then
        redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1
        sleep 1
    fi
    redis_up && echo "system-deps: Redis started" || echo "system-deps: WARNING Redis unavailable; Redis tests will be skipped"
else
    echo "system-deps: WARNING no Redis on 127.0.0.1:6379; Redis tests will be skipped"
fi
exit 0
