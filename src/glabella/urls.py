from django.contrib import admin
from django.urls import include, path

from glabella.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("glabella.accounts.urls")),
    path("audit/", include("glabella.audit.urls")),
    path("patients/", include("glabella.patients.urls")),
    path("", include("glabella.web.urls")),
]
