from django.urls import include, path

urlpatterns = [
    path("", include("resolutions.exports.urls")),
    path("", include("resolutions.urls")),
]

handler404 = "resolutions.views.errors.not_found"
