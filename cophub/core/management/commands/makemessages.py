from django.core.management.commands import makemessages


class Command(makemessages.Command):
    # No fuzzy guesses: a new string stays untranslated, so that the catalog test names it,
    # instead of borrowing a near-miss translation that would ship unnoticed.
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
