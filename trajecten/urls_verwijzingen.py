from django.urls import path

from trajecten import views_verwijzingen

urlpatterns = [
]
urlpatterns += [
    path("deelnemers/<int:pk>/verwijzingen/", views_verwijzingen.verwijzingen, name="verwijzingen"),
    path("sociale-kaart/", views_verwijzingen.sociale_kaart, name="sociale_kaart"),
]
