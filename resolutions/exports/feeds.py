"""Atom feeds (Django's syndication framework): the newest resolutions, the trafficking in
persons collection, any search with its filters -- a saved search is an alert in any
feed reader -- and the reuses of one paragraph's wording (its agreed language followed).

In: the request (for a search, its query string as the search page takes it). Out: Atom 1.0.
Entries are permalinks; a resolution's entry is updated when the archive's copy changes
(``Resolution.updated_at``), and published on its adoption date.

Example::

    GET /feeds/search.atom?q=%22supply+chains%22&year_from=2017
    -> one <entry> per matching paragraph, newest resolution first
    GET /resolutions/2331/op16/reuses.atom
    -> one <entry> per later paragraph reusing op 16's wording, newest first
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, time

from django.contrib.syndication.views import Feed
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
)
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from resolutions import selectors
from resolutions.exports.citations import cited_work
from resolutions.exports.links import absolute, site_origin
from resolutions.exports.selectors import (
    feed_resolutions,
    paragraph_reuses_feed,
    resolution_dates,
)
from resolutions.search import DATE, search_paragraphs
from resolutions.search.filters import search_params_from
from resolutions.views.errors import not_found
from resolutions.views.pages import PID_SHAPE_RE

FEED_SIZE = 50
# XML 1.0 cannot carry these; a query that holds one is still answered, without them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
AUTHOR = "United Nations Security Council"


def _adopted(resolution) -> datetime | None:
    if resolution.adopted_on is None:
        return None
    return datetime.combine(resolution.adopted_on, time(), tzinfo=UTC)


class _ArchiveFeed(Feed):
    feed_type = Atom1Feed
    author_name = AUTHOR

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.origin = site_origin(request)
        return super().__call__(request, *args, **kwargs)

    def feed_url(self) -> str:
        return absolute(reverse(self.url_name), origin=self.origin)


class _ResolutionFeed(_ArchiveFeed):
    trafficking = False

    def items(self):
        return feed_resolutions(trafficking=self.trafficking, limit=FEED_SIZE)

    def item_title(self, item) -> str:
        return f"{item.symbol}: {item.title}" if item.title else item.symbol

    def item_description(self, item) -> str:
        parts = []
        if item.adopted_on:
            when = f"{item.adopted_on.day} {item.adopted_on:%B %Y}"
            meeting = f" at its {item.meeting} meeting" if item.meeting else ""
            parts.append(f"Adopted by the Security Council{meeting} on {when}.")
        if item.agenda:
            parts.append(f"Agenda item: {item.agenda}.")
        if item.vote_in_favour is not None:
            parts.append(
                f"Vote: {item.vote_in_favour} in favour, {item.vote_against or 0} against, "
                f"{item.vote_abstaining or 0} abstaining."
            )
        return " ".join(parts) or item.symbol

    def item_link(self, item) -> str:
        return absolute(item.get_absolute_url(), origin=self.origin)

    def item_guid(self, item) -> str:
        return self.item_link(item)

    def item_pubdate(self, item) -> datetime | None:
        return _adopted(item)

    def item_updateddate(self, item) -> datetime:
        return item.updated_at


class NewestResolutionsFeed(_ResolutionFeed):
    url_name = "exports:feed_newest"
    title = "Security Council resolutions: newest in the archive"
    subtitle = "Resolutions of the UN Security Council, newest first, with their full text."

    def link(self) -> str:
        return absolute(reverse("resolutions:list"), origin=self.origin)


class TraffickingFeed(_ResolutionFeed):
    url_name = "exports:feed_trafficking"
    trafficking = True
    title = "Security Council resolutions on trafficking in persons"
    subtitle = "Resolutions with a paragraph that addresses trafficking in persons."

    def link(self) -> str:
        return absolute(reverse("resolutions:list") + "?topic=trafficking", origin=self.origin)


class SearchFeed(_ArchiveFeed):
    """The newest paragraphs matching a search, with its filters (the search page's
    parameters; ``sort`` and ``page`` are ignored: a feed is always newest first)."""

    url_name = "exports:feed_search"

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        params = search_params_from(request.GET)
        if not params.is_valid:
            lines = [f"{name}: {message}" for name, message in params.error_messages().items()]
            return HttpResponseBadRequest(
                "Invalid search parameters.\n" + "\n".join(lines),
                content_type="text/plain; charset=utf-8",
            )
        self.params = params
        self.query_string = request.GET.urlencode()
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        words = _NOT_XML.sub("", self.params.q).strip()[:200]
        return f"Search: {words}" if words else "Search"

    def subtitle(self) -> str:
        return "Paragraphs of Security Council resolutions matching this search, newest first."

    def link(self) -> str:
        path = reverse("resolutions:search")
        return absolute(
            f"{path}?{self.query_string}" if self.query_string else path, origin=self.origin
        )

    def feed_url(self) -> str:
        path = reverse(self.url_name)
        return absolute(
            f"{path}?{self.query_string}" if self.query_string else path, origin=self.origin
        )

    def items(self):
        results = search_paragraphs(
            query=self.params.q, filters=self.params.filters, sort=DATE, per_page=FEED_SIZE
        )
        self.query_text = results.query.text
        self.dates = resolution_dates(ids=[h.paragraph.resolution_id for h in results.hits])
        return results.hits

    def item_title(self, hit) -> str:
        return f"{hit.paragraph.resolution.symbol}, {hit.label}"

    def item_description(self, hit) -> str:
        return hit.paragraph.text

    def item_link(self, hit) -> str:
        return absolute(hit.url(self.query_text), origin=self.origin)

    def item_guid(self, hit) -> str:
        return absolute(hit.paragraph.get_absolute_url(), origin=self.origin)

    def item_updateddate(self, hit) -> datetime:
        return self.dates[hit.paragraph.resolution_id][0]

    def item_pubdate(self, hit) -> datetime | None:
        adopted = self.dates[hit.paragraph.resolution_id][1]
        return datetime.combine(adopted, time(), tzinfo=UTC) if adopted else None


class ParagraphReusesFeed(_ArchiveFeed):
    """Later paragraphs that reuse one paragraph's wording (the permalink's "Reused in"),
    newest first: a drafter follows where an agreed text goes next. An identifier once
    served leads to the current one's feed, as the permalink does."""

    url_name = "exports:feed_reuses"

    def __call__(self, request: HttpRequest, number: int, pid: str) -> HttpResponse:
        paragraph = (
            selectors.paragraph_get(number=number, pid=pid) if PID_SHAPE_RE.match(pid) else None
        )
        if paragraph is None:
            current = (
                selectors.paragraph_alias_get(number=number, pid=pid)
                if PID_SHAPE_RE.match(pid)
                else None
            )
            if current is None:
                return not_found(request, number=number, pid=pid)
            return HttpResponsePermanentRedirect(f"/resolutions/{number}/{current.pid}/reuses.atom")
        self.paragraph = paragraph
        self.cited = cited_work(paragraph.resolution, url="", paragraph=paragraph).pinpoint
        return super().__call__(request, number=number, pid=pid)

    def title(self) -> str:
        return f"Reuses of {self.cited}"

    def subtitle(self) -> str:
        return (
            f"Later Security Council paragraphs that repeat 80 % or more of the wording of "
            f"{self.cited}, newest first."
        )

    def link(self) -> str:
        return absolute(self.paragraph.get_absolute_url(), origin=self.origin)

    def feed_url(self) -> str:
        resolution = self.paragraph.resolution
        path = reverse(
            self.url_name, kwargs={"number": resolution.number, "pid": self.paragraph.pid}
        )
        return absolute(path, origin=self.origin)

    def items(self):
        return paragraph_reuses_feed(paragraph=self.paragraph, limit=FEED_SIZE)

    def item_title(self, link) -> str:
        cited = cited_work(link.paragraph.resolution, url="", paragraph=link.paragraph).pinpoint
        return f"{cited}: {link.share // 10} % of the wording"

    def item_description(self, link) -> str:
        return link.paragraph.text

    def item_link(self, link) -> str:
        return absolute(link.paragraph.get_absolute_url(), origin=self.origin)

    def item_guid(self, link) -> str:
        return self.item_link(link)

    def item_pubdate(self, link) -> datetime | None:
        return _adopted(link.paragraph.resolution)

    def item_updateddate(self, link) -> datetime:
        return link.paragraph.resolution.updated_at


def feed_view(feed_class: type[Feed]):
    """A view that makes a new feed object for each request: the feeds keep the request's
    origin and search on the object, which threads must not share."""

    def view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return feed_class()(request, *args, **kwargs)

    return view
