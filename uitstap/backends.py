"""The model backend, loading the user with organisation and gemeente: every page's audit event reads them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from uitstap.query_shapes import QueryShape


def _gebruiker_bouwen(pk):
    return get_user_model()._default_manager.select_related("organisatie", "gemeente").filter(pk=pk)


# Every request loads its user: the same query each time, compiled once per process (uitstap.query_shapes).
_GEBRUIKER = QueryShape(_gebruiker_bouwen, maxsize=1)


class GebruikerBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            gevonden = _GEBRUIKER.fetch("gebruiker", [user_id])
        except (TypeError, ValueError):
            return None
        user = gevonden[0] if gevonden else None
        return user if user is not None and self.user_can_authenticate(user) else None
