from django.urls import path

from glabella.web import views

urlpatterns = [
    path("", views.home, name="home"),
]
