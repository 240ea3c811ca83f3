from django.contrib import admin
from django.urls import include, path

from glabella.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("glabella.accounts.urls")),
    path("audit/", include("glabella.audit.urls")),
    path("patients/", include("glabella.patients.urls")),
    path("treatments/", include("glabella.treatments.urls")),
    path("followup/", include("glabella.followup.urls")),
    path("inventory/", include("glabella.inventory.urls")),
    path("", include("glabella.refresh.urls")),
    path("", include("glabella.web.urls")),
]
