"""Role checks for pages that are not about one participant (those go through deelnemers_visible_to)."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from uitstap.selectors import programmas_of


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


def programma_of_403(user):
    """The programme a user registers in (the first of their organisation's); 403 when there is none."""
    programma = programmas_of(user).order_by("pk").first()
    if programma is None:
        raise PermissionDenied("Je organisatie voert geen programma uit.")
    return programma
