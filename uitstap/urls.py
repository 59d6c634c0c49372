"""URL map. Every route needs a login (LoginRequiredMiddleware) unless marked login_not_required."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from two_factor.admin import AdminSiteOTPRequired
from two_factor.urls import urlpatterns as tf_urls

from uitstap.views import algemeen, audit, beheer, criteria, programma

if settings.MFA_VERPLICHT:
    # The admin demands a verified second factor too (django-otp's admin protection).
    admin.site.__class__ = AdminSiteOTPRequired
admin.site.site_header = "uitstap beheer"

tf_core, tf_namespace = tf_urls
tf_core = list(tf_core)
for i, pattern in enumerate(tf_core):
    if getattr(pattern, "name", None) == "login":
        tf_core[i] = path("account/login/", login_not_required(algemeen.UitstapLoginView.as_view()), name="login")

urlpatterns = [
    path("", algemeen.start, name="start"),
    path("", include((tf_core, tf_namespace))),
    path("account/", algemeen.account, name="account"),
    path("account/uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/wachtwoord/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("account/wachtwoord/klaar/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("account/wachtwoord-vergeten/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path("account/wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("account/wachtwoord-instellen/<uidb64>/<token>/", auth_views.PasswordResetConfirmView.as_view(post_reset_login=False),
         name="password_reset_confirm"),
    path("account/wachtwoord-ingesteld/", auth_views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("gemeente/", algemeen.klantmanager_start, name="klantmanager_start"),
    path("programma/", programma.programma_lijst, name="programma_lijst"),
    path("programma/<slug:slug>/", programma.programma_detail, name="programma_detail"),
    path("programma/<slug:slug>/bewerken/", programma.programma_bewerken, name="programma_bewerken"),
    path("programma/<slug:slug>/criteria/", criteria.criteria, name="programma_criteria"),
    path("programma/<slug:slug>/criteria/<int:pk>/actief/", criteria.criterium_actief, name="criterium_actief"),
    path("programma/<slug:slug>/jaar/nieuw/", programma.programmajaar_bewerken, name="programmajaar_nieuw"),
    path("programma/<slug:slug>/jaar/<int:jaar>/", programma.programmajaar_bewerken, name="programmajaar_bewerken"),
    # the beheerder's accounts and the coordinator's audit search
    path("beheer/gebruikers/", beheer.gebruikers, name="gebruikers"),
    path("beheer/gebruikers/nieuw/", beheer.gebruiker_nieuw, name="gebruiker_nieuw"),
    path("beheer/gebruikers/<int:pk>/", beheer.gebruiker_detail, name="gebruiker_detail"),
    path("beheer/gebruikers/<int:pk>/wijzigen/", beheer.gebruiker_bewerken, name="gebruiker_bewerken"),
    path("beheer/gebruikers/<int:pk>/deactiveren/", beheer.gebruiker_deactiveren, name="gebruiker_deactiveren"),
    path("beheer/gebruikers/<int:pk>/activeren/", beheer.gebruiker_activeren, name="gebruiker_activeren"),
    path("beheer/gebruikers/<int:pk>/tweede-factor/", beheer.gebruiker_tweede_factor_resetten,
         name="gebruiker_tweede_factor_resetten"),
    path("beheer/gebruikers/<int:pk>/deblokkeren/", beheer.gebruiker_deblokkeren, name="gebruiker_deblokkeren"),
    path("beheer/gebruikers/<int:pk>/wachtwoordlink/", beheer.gebruiker_wachtwoordlink,
         name="gebruiker_wachtwoordlink"),
    path("beheer/verzoeken/", beheer.accountverzoeken, name="accountverzoeken"),
    path("beheer/verzoeken/<int:pk>/goedkeuren/", beheer.accountverzoek_goedkeuren,
         name="accountverzoek_goedkeuren"),
    path("beheer/verzoeken/<int:pk>/afwijzen/", beheer.accountverzoek_afwijzen, name="accountverzoek_afwijzen"),
    path("audit/", audit.audit_zoeken, name="audit_zoeken"),
    path("", include("trajecten.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "uitstap.views.algemeen.error_400"
handler403 = "uitstap.views.algemeen.error_403"
handler404 = "uitstap.views.algemeen.error_404"
handler500 = "uitstap.views.algemeen.error_500"
