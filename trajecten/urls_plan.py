from django.urls import path

from trajecten import views_plan

urlpatterns = [
]
urlpatterns += [path("deelnemers/<int:pk>/trajectplan/", views_plan.trajectplan, name="trajectplan")]
