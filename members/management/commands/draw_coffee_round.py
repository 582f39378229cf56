import datetime

from django.core.management.base import BaseCommand, CommandError

from members.coffee import services


class Command(BaseCommand):
    help = (
        "Draw this month's Randomised Coffee Trials round and email the introductions. "
        "A month is drawn once: running it again is refused. Use --resend to send a drawn round's emails again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="The month to draw, as YYYY-MM (default: this month).")
        parser.add_argument("--seed", type=int, help="Random seed, to reproduce a draw in a test database.")
        parser.add_argument("--no-send", action="store_true", help="Draw and store the round, send no emails.")
        parser.add_argument("--resend", action="store_true", help="Send the emails of the month's round again.")

    def handle(self, *args, month, seed, no_send, resend, **options):
        period = self.parse_month(month) if month else services.next_period()
        if resend:
            coffee_round = services.CoffeeRound.objects.filter(period=period).first()
            if coffee_round is None:
                raise CommandError(f"There is no round for {period:%B %Y} to re-send.")
            services.send_round(coffee_round, resend=True)
            self.stdout.write(f"Re-sent the introductions for {coffee_round}.")
            return
        try:
            result = services.draw_round(period, seed=seed)
        except services.RoundError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Drew {result.round}: {result.round.participant_count} taking part, {result.groups} groups, "
            f"{result.left_out} sitting out (seed {result.round.seed})."
        )
        if not no_send:
            services.send_round(result.round)
            self.stdout.write("Introductions queued.")

    def parse_month(self, value):
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise CommandError(f"--month must look like 2026-11, not {value!r}.") from None
