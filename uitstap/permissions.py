"""Role checks for pages that are not about one participant (those go through deelnemers_visible_to)."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def rol_vereist(*rollen):
    """Only users with one of `rollen` may use the view; others get the Dutch 403 page."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.rol not in rollen:
                raise PermissionDenied("Deze pagina is niet beschikbaar voor jouw rol.")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
