"""URL map. Every path here is public and permanent: change none, only add.

Paragraph permalinks are ``/resolutions/<number>/<pid>/``; see resolutions.services.identifiers.
"""

from django.urls import path, re_path

from resolutions.views import pages, search

app_name = "resolutions"

urlpatterns = [
    path("", pages.home, name="home"),
    path("about/", pages.about, name="about"),
    path("resolutions/", pages.resolution_list, name="list"),
    path("resolutions/<int:number>.json", pages.resolution_json, name="json"),
    path("resolutions/<int:number>.txt", pages.resolution_text, name="text"),
    path("resolutions/<int:number>/", pages.resolution_detail, name="detail"),
    path("resolutions/<int:number>/<str:pid>/", pages.paragraph_detail, name="paragraph"),
    # A sub-paragraph: /resolutions/2653/op16/a/, /resolutions/2653/op12/a/iii/
    path(
        "resolutions/<int:number>/<str:pid>/<path:sub>/",
        pages.paragraph_detail,
        name="subparagraph",
    ),
    path("search/", search.search_page, name="search"),
    path("search.json", search.search_json, name="search_json"),
    path("search/help/", search.search_help, name="search_help"),
    # Symbols as people paste them: /S/RES/2388(2017), /S/RES/2388 (2017), /2388
    re_path(r"^(?P<symbol>[Ss]/[Rr][Ee][Ss]/.*)$", pages.symbol_redirect, name="symbol"),
    re_path(r"^(?P<symbol>\d{1,5})/?$", pages.symbol_redirect, name="number"),
]
