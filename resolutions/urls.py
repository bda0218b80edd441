"""URL map. Every path here is public and permanent: change none, only add.

Paragraph permalinks are ``/resolutions/<number>/<pid>/``; see resolutions.services.identifiers.
"""

from django.urls import path, re_path, register_converter

from resolutions.views import compare, drafts, languages, pages, search


class SubParagraphConverter:
    """Sub-paragraph keys as ingest makes them (resolutions.addresses.item_key): "a",
    "a/iii", "1-1-3". Anything else is not an address, so it is a 404, not a redirect."""

    regex = r"[a-z0-9-]+(?:/[a-z0-9-]+)*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(SubParagraphConverter, "subparagraph")


app_name = "resolutions"
OTHER = "ar|zh|fr|ru|es"  # the five official languages besides English (languages.forms)
ANY = "en|" + OTHER

urlpatterns = [
    path("", pages.home, name="home"),
    path("about/", pages.about, name="about"),
    path("resolutions/", pages.resolution_list, name="list"),
    path("resolutions/<int:number>.json", pages.resolution_json, name="json"),
    path("resolutions/<int:number>.txt", pages.resolution_text, name="text"),
    path("resolutions/<int:number>/", pages.resolution_detail, name="detail"),
    # Two resolutions compared; before the paragraph routes, whose <pid> "compare" would match.
    path("resolutions/<int:number>/compare/", compare.compare_form, name="compare_form"),
    path("resolutions/<int:number>/compare/<int:other>/", compare.compare, name="compare"),
    path("resolutions/<int:number>/<str:pid>/", pages.paragraph_detail, name="paragraph"),
    # A sub-paragraph: /resolutions/2653/op16/a/, /resolutions/2653/op12/a/iii/
    path(
        "resolutions/<int:number>/<str:pid>/<subparagraph:sub>/",
        pages.paragraph_detail,
        name="subparagraph",
    ),
    path("search/", search.search_page, name="search"),
    path("search.json", search.search_json, name="search_json"),
    path("search/help/", search.search_help, name="search_help"),
    # Checking a draft against the archive's agreed language (resolutions/drafts/).
    path("draft-check/", drafts.draft_check_page, name="draft_check"),
    path("api/draft-check", drafts.draft_check_json, name="draft_check_json"),
    # The other five official languages (resolutions.views.languages): /fr/resolutions/2546/,
    # /fr/resolutions/2546/op3/, side by side /fr-en/resolutions/2546/, /fr/search/?q=...
    re_path(
        rf"^(?P<lang>{OTHER})/resolutions/(?P<number>\d{{1,5}})/$",
        languages.resolution_in_language,
        name="lang_detail",
    ),
    re_path(
        rf"^(?P<lang>{OTHER})/resolutions/(?P<number>\d{{1,5}})/(?P<pid>[^/]+)/$",
        languages.paragraph_in_language,
        name="lang_paragraph",
    ),
    re_path(
        rf"^(?P<first>{ANY})-(?P<second>{ANY})/resolutions/(?P<number>\d{{1,5}})/$",
        languages.side_by_side,
        name="side_by_side",
    ),
    re_path(
        rf"^(?P<first>{ANY})-(?P<second>{ANY})/resolutions/(?P<number>\d{{1,5}})/(?P<pid>[^/]+)/$",
        languages.side_by_side,
        name="side_by_side_paragraph",
    ),
    re_path(rf"^(?P<lang>{OTHER})/search/$", languages.search_in_language, name="lang_search"),
    # Symbols as people paste them: /S/RES/2388(2017), /S/RES/2388 (2017), /2388
    re_path(r"^(?P<symbol>[Ss]/[Rr][Ee][Ss]/.*)$", pages.symbol_redirect, name="symbol"),
    re_path(r"^(?P<symbol>\d{1,5})/?$", pages.symbol_redirect, name="number"),
]
