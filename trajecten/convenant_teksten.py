"""Code-list labels the convenant PDF prints through `{% translate %}`, marked here so `makemessages` keeps
their translations in locale/ (the labels themselves live in uitstap.codes and the models)."""

from django.utils.translation import gettext_noop

LABELS = [
    # Leefgebied
    gettext_noop("Huisvesting"), gettext_noop("Financiën"), gettext_noop("Werk en dagbesteding"),
    gettext_noop("Sociaal functioneren"), gettext_noop("Psychisch functioneren"),
    gettext_noop("Lichamelijk functioneren"), gettext_noop("Middelengebruik"), gettext_noop("Praktisch functioneren"),
    gettext_noop("Zingeving"), gettext_noop("Juridische ondersteuning"), gettext_noop("Veiligheid en weerbaarheid"),
    # DoelStatus
    gettext_noop("Open"), gettext_noop("Bezig"), gettext_noop("Behaald"), gettext_noop("Niet behaald"),
    gettext_noop("Vervallen"),
    # Trajectplan.Status
    gettext_noop("Concept"), gettext_noop("Actief (ondertekend)"), gettext_noop("Vervangen"),
]
