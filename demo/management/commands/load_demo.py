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
from qsite.setup import setup_site

DEMO_ADMIN = {"username": "admin", "email": "admin@q.example.org", "password": "qsite-demo-admin"}


class Command(BaseCommand):
    help = "Build the demo site: page tree, content and an admin user. Safe to re-run; nothing is duplicated."

    def execute(self, *args, **options):
        # Page-by-page cache purges are wasted on a bulk build: the whole site is purged once at the end.
        with purging_paused():
            return super().execute(*args, **options)

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=1,
            help="Generate N times more content, for benchmarks (default 1).",
        )
        parser.add_argument(
            "--allow-production",
            action="store_true",
            help="Run even when DEBUG is off (benchmarks on production settings). Never on the real site.",
        )

    def handle(self, *args, scale, allow_production, **options):
        if scale < 1:
            raise CommandError("--scale must be 1 or more.")
        if not settings.DEBUG and not allow_production:
            raise CommandError(
                "DEBUG is off, so this looks like a production database. load_demo creates an admin user with a "
                "published password; pass --allow-production if this really is a throwaway database."
            )
        started = time.monotonic()
        site = setup_site()
        home = site.root_page.specific
        pages = build_site(home, scale=scale)
        people = build_people(home.locale)
        blog = build_blog(home, people, scale=scale)
        events = build_events(home, people, scale=scale)
        insights = build_insights(home, people, scale=scale)
        # Before order_menu, which moves the index pages and so changes their tree paths.
        comments = build_comments(blog, people)
        order_menu(home)
        # After the English pages and their menu order, before the groups: editors' permissions and the
        # workflow then cover the Welsh tree too.
        welsh_created = build_welsh(home)
        # Again, now that the index pages members write under exist.
        ensure_groups_and_workflow(home)
        members_created = build_members(home.locale)
        community = build_community(home)
        # Groups are made of members, so after them; then the menu again to place the new index.
        groups = build_groups(home)
        order_menu(home)
        admin = self.ensure_admin()

        self.stdout.write(self.style.SUCCESS(f"Demo site ready in {time.monotonic() - started:.1f}s at scale {scale}."))
        self.stdout.write(f"  Home page: {home.full_url}")
        self.stdout.write(f"  Admin:     {settings.WAGTAILADMIN_BASE_URL}{settings.ADMIN_URL_PREFIX}")
        admin_at = settings.ADMIN_URL_PREFIX
        self.stdout.write(f"  Admin login:  {admin.get_username()} / {DEMO_ADMIN['password']}  (at {admin_at})")
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
