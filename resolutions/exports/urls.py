"""Addresses of the feeds, exports, API description and the web's conventions. Public and
permanent like every address of the archive: change none, only add.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from resolutions.exports import views
from resolutions.exports.feeds import (
    NewestResolutionsFeed,
    ParagraphReusesFeed,
    SearchFeed,
    TraffickingFeed,
    feed_view,
)
from resolutions.exports.sitemaps import SITEMAPS

app_name = "exports"

urlpatterns = [
    path("feeds/newest.atom", feed_view(NewestResolutionsFeed), name="feed_newest"),
    path("feeds/trafficking.atom", feed_view(TraffickingFeed), name="feed_trafficking"),
    path("feeds/search.atom", feed_view(SearchFeed), name="feed_search"),
    path(
        "resolutions/<int:number>/<str:pid>/reuses.atom",
        feed_view(ParagraphReusesFeed),
        name="feed_reuses",
    ),
    path("search.csv", views.search_csv, name="search_csv"),
    path("resolutions/<int:number>.akn.xml", views.resolution_akn_view, name="akn"),
    path(
        "resolutions/<int:number>.bib", views.resolution_citation, {"extension": "bib"}, name="bib"
    ),
    path(
        "resolutions/<int:number>.ris", views.resolution_citation, {"extension": "ris"}, name="ris"
    ),
    path(
        "resolutions/<int:number>.csl.json",
        views.resolution_citation,
        {"extension": "csl.json"},
        name="csl",
    ),
    path(
        "resolutions/<int:number>/<str:pid>.csl.json",
        views.paragraph_citation,
        {"extension": "csl.json"},
        name="paragraph_csl",
    ),
    path(
        "resolutions/<int:number>/<str:pid>.bib",
        views.paragraph_citation,
        {"extension": "bib"},
        name="paragraph_bib",
    ),
    path(
        "resolutions/<int:number>/<str:pid>.ris",
        views.paragraph_citation,
        {"extension": "ris"},
        name="paragraph_ris",
    ),
    path("resolutions/<int:number>/<str:pid>.json", views.paragraph_json, name="paragraph_json"),
    path("downloads/<str:name>", views.bulk_download, name="bulk"),
    path("api/", views.api_index, name="api"),
    path("api/openapi.json", views.openapi_json, name="openapi"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("opensearch.xml", views.opensearch_xml, name="opensearch"),
    path("favicon.ico", views.favicon_ico, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "exports:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
]
