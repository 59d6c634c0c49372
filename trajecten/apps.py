from django.apps import AppConfig


class TrajectenConfig(AppConfig):
    name = "trajecten"

    def ready(self):
        # These modules register caseload annotations (goals past target date, long waits).
        from trajecten import selectors_plan, selectors_verwijzingen  # noqa: F401
