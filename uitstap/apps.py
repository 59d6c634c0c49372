from django.apps import AppConfig


class UitstapConfig(AppConfig):
    name = "uitstap"
    verbose_name = "Uitstap"

    def ready(self):
        from uitstap import signals  # noqa: F401  (login/logout/lockout audit events)
