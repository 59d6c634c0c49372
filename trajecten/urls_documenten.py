from django.urls import path

from trajecten import views_documenten

urlpatterns = [
]
urlpatterns += [path("deelnemers/<int:pk>/documenten/", views_documenten.documenten, name="documenten")]
