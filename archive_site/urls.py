from django.urls import include, path

from resolutions.health.views import healthz

urlpatterns = [
    path("", include("resolutions.exports.urls")),
    path("healthz", healthz, name="healthz"),
    path("", include("resolutions.urls")),
]

handler404 = "resolutions.views.errors.not_found"
