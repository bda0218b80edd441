from django.urls import include, path

urlpatterns = [
    path("", include("resolutions.urls")),
]

handler404 = "resolutions.views.errors.not_found"
