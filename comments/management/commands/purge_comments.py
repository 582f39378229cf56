import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from comments import services
from comments.models import Comment


class Command(BaseCommand):
    help = "Delete rejected and spam comments older than --days days. Approved and waiting comments are kept."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, required=True, help="Age in days beyond which they are deleted.")
        parser.add_argument("--dry-run", action="store_true", help="Say how many would go, delete nothing.")

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        if dry_run:
            count = Comment.objects.removable(cutoff).count()
            self.stdout.write(f"{count} rejected or spam comments older than {days} days would be deleted.")
            return
        deleted = services.purge(cutoff)
        self.stdout.write(self.style.SUCCESS(f"Deleted {deleted} rejected or spam comments older than {days} days."))
