from django.core.management.base import BaseCommand

from updates.services import confirm_days, purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Delete 'Get updates' sign-ups nobody confirmed before their link expired "
        "(UPDATES_CONFIRM_DAYS, default 7). Safe to run daily from cron."
    )

    def handle(self, *args, **options):
        deleted = purge_unconfirmed()
        self.stdout.write(f"Deleted {deleted} unconfirmed sign-ups older than {confirm_days()} days.")
