"""Rewrite tests/data/demo/ (the demo's pinned export and figures) after a deliberate change of the demo.

`python -m scripts.demo_golden` seeds a fresh SQLite database of its own, on the fixed demo day.
"""

import os
import tempfile

import django
import time_machine

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uitstap.settings_test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='uitstap-golden-')}/demo.sqlite3"


def main():
    from tests.uitstap import test_demo as demo

    with time_machine.travel(demo.DEMO_DAG, tick=False):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        demo._seed()
        demo.GOLDEN.mkdir(parents=True, exist_ok=True)
        for naam, tekst in demo._uitvoer().items():
            (demo.GOLDEN / naam).write_text(tekst, encoding="utf-8")
            print("geschreven:", demo.GOLDEN / naam)


if __name__ == "__main__":
    django.setup()
    main()
