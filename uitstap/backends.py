"""The model backend, loading the user with organisation and gemeente: every page's audit event reads them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class GebruikerBackend(ModelBackend):
    def get_user(self, user_id):
        user = get_user_model()._default_manager.select_related("organisatie", "gemeente").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
