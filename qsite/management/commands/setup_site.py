from django.core.management.base import BaseCommand

from qsite.setup import setup_site


class Command(BaseCommand):
    help = "Create the locales, home page and site record every qsite database needs. Safe to re-run."

    def handle(self, *args, **options):
        site = setup_site()
        self.stdout.write(self.style.SUCCESS(f"Site ready: {site.site_name} at {site.root_url}/"))
