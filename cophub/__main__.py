"""The `cophub` console command: Django's manage.py for operators.

`cophub migrate`, `cophub loaddemo`, `cophub serve`, `cophub createsecretariat` and every other
management command run with the project's settings, whatever the current directory.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cophub.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["cophub", *sys.argv[1:]])


if __name__ == "__main__":
    main()
