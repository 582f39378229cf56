import contextlib
import logging
import time

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from demo.blog import build_blog
from demo.comments import build_comments
from demo.community import build_community
from demo.events import build_events
from demo.groups import build_groups
from demo.insights import build_insights
from demo.members import DEMO_LOGINS, build_members
from demo.people import build_people
from demo.site import build_site, order_menu
from demo.welsh import build_welsh
from members.setup import ensure_groups_and_workflow
from qsite.cache import purging_paused
from qsite.renditions import renditions_paused
from qsite.setup import setup_site

DEMO_ADMIN = {"username": "admin", "email": "admin@q.example.org", "password": "qsite-demo-admin"}


class Command(BaseCommand):
    help = "Build the demo site: page tree, content and an admin user. Safe to re-run; nothing is duplicated."

    def execute(self, *args, **options):
        # Page-by-page cache purges are wasted on a bulk build: the whole site is purged once at the end.
        # Image sizes are made when a page first asks for them, unless --renditions: made inline (the dev
        # task backend) they were two thirds of the load.
        with purging_paused(), contextlib.nullcontext() if options.get("renditions") else renditions_paused():
            return super().execute(*args, **options)

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Generate N times more content, for benchmarks (default 1).",
        )
        parser.add_argument(
            "--renditions",
            action="store_true",
            help="Make every reader image size as pages are published (queued for db_worker in production), "
            "instead of on first view.",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even when DEBUG is off (benchmarks on production settings). Never on the real site.",
        )

    def handle(self, *args, scale, allow_production, renditions=False, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off, so this looks like a production database. load_demo creates an admin user with a "
                "published password; pass --allow-production if this really is a throwaway database."
            )
        started = time.monotonic()
        found = {}
        stages = [
            ("Site, locales and regions", lambda: found.update(home=setup_site().root_page.specific)),
            ("Standard pages", lambda: found.update(pages=build_site(found["home"], scale=scale))),
            ("People", lambda: found.update(people=build_people(found["home"].locale))),
            ("Blog posts and stories", lambda: found.update(blog=build_blog(found["home"], found["people"], scale))),
            ("Events", lambda: found.update(events=build_events(found["home"], found["people"], scale=scale))),
            ("Insights", lambda: found.update(insights=build_insights(found["home"], found["people"], scale=scale))),
            # Before order_menu, which moves the index pages and so changes their tree paths.
            ("Comments", lambda: found.update(comments=build_comments(found["blog"], found["people"]))),
            ("Menu", lambda: order_menu(found["home"])),
            # After the English pages and their menu order, before the groups: editors' permissions and the
            # workflow then cover the Welsh tree too.
            ("Welsh translations", lambda: found.update(welsh=build_welsh(found["home"]))),
            # Again, now that the index pages members write under exist.
            ("Editorial workflow", lambda: ensure_groups_and_workflow(found["home"])),
            ("Members and applicants", lambda: found.update(members=build_members(found["home"].locale))),
            ("Get updates and coffee trials", lambda: found.update(community=build_community(found["home"]))),
            # Groups are made of members, so after them; then the menu again to place the new index.
            ("Special interest groups", lambda: found.update(groups=build_groups(found["home"]))),
            ("Menu", lambda: order_menu(found["home"])),
            ("Admin account", lambda: found.update(admin=self.ensure_admin())),
        ]
        # One line per stage instead of Wagtail's line per page created, edited, published and moved.
        wagtail_log = logging.getLogger("wagtail")
        level = wagtail_log.level
        wagtail_log.setLevel(max(level, logging.WARNING))
        try:
            for number, (label, run) in enumerate(stages, start=1):
                stage_started = time.monotonic()
                self.stdout.write(f"  [{number:2}/{len(stages)}] {label}...", ending="")
                self.stdout.flush()
                run()
                self.stdout.write(f" {time.monotonic() - stage_started:.1f}s")
        finally:
            wagtail_log.setLevel(level)
        home, pages, blog, events, insights = (found[k] for k in ("home", "pages", "blog", "events", "insights"))
        comments, welsh_created, members_created = found["comments"], found["welsh"], found["members"]
        community, groups, admin = found["community"], found["groups"], found["admin"]

        self.stdout.write(self.style.SUCCESS(f"Demo site ready in {time.monotonic() - started:.1f}s at scale {scale}."))
        self.stdout.write(f"  Home page: {home.full_url}")
        self.stdout.write(f"  Admin:     {settings.WAGTAILADMIN_BASE_URL}{settings.ADMIN_URL_PREFIX}")
        admin_at = settings.ADMIN_URL_PREFIX
        self.stdout.write(
            f"  Admin login:  {admin.get_username()} / {DEMO_ADMIN['password']}  (at {admin_at}; on the site's own "
            f"log-in page use {admin.email})"
        )
        for role, (email, _name, password) in DEMO_LOGINS.items():
            self.stdout.write(f"  {role.capitalize()} login: {email} / {password}  (at /en/accounts/login/)")
        self.stdout.write(f"  Members created: {members_created}")
        self.stdout.write(f"  Blog posts created: {blog['posts_created']}, member stories: {blog['stories_created']}")
        self.stdout.write(f"  Events created: {events['events_created']}")
        self.stdout.write(f"  Insights created: {insights['insights_created']}")
        self.stdout.write(f"  Comments created: {comments}")
        self.stdout.write(f"  Welsh translations created: {welsh_created}")
        self.stdout.write(
            f"  Get updates subscribers created: {community['subscribers_created']}, "
            f"coffee rounds created: {community['coffee_rounds_created']}"
        )
        self.stdout.write(f"  Special interest groups created: {groups['groups_created']}")
        if pages["scaled_pages"]:
            self.stdout.write(f"  Generated {pages['scaled_pages']} extra pages.")

    def ensure_admin(self):
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_ADMIN["username"],
            defaults={"email": DEMO_ADMIN["email"], "is_staff": True, "is_superuser": True},
        )
        # Always the documented password, so the README's login works after any re-run.
        if created or not user.check_password(DEMO_ADMIN["password"]):
            user.set_password(DEMO_ADMIN["password"])
            user.is_staff = user.is_superuser = True
            user.save()
        # A verified address, so the admin can also log in on the site (email login, verification required).
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        return user
