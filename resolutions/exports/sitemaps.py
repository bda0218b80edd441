"""``sitemap.xml``: every resolution, paragraph and sub-paragraph permalink, for search engines.

Django's sitemaps framework writes a sitemap index (``/sitemap.xml``) pointing at sections
(``/sitemap-resolutions.xml``, ``/sitemap-paragraphs.xml?p=2``,
``/sitemap-subparagraphs.xml``), each under the protocol's limit of 50,000 addresses per
file. Addresses are on ``DJANGO_SITE_ORIGIN`` when set.

Example::

    GET /sitemap.xml -> <sitemapindex> with one <sitemap> per section page
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from resolutions.addresses import item_paths
from resolutions.exports.links import paragraph_path, resolution_path
from resolutions.exports.selectors import (
    sitemap_paragraphs,
    sitemap_resolutions,
    sitemap_subparagraphs,
)

URLS_PER_FILE = 50_000  # sitemaps.org: at most 50,000 URLs (and 50 MB) per file


class _ArchiveSitemap(Sitemap):
    limit = URLS_PER_FILE

    def get_domain(self, site=None) -> str:
        origin = getattr(settings, "SITE_ORIGIN", "")
        return urlsplit(origin).netloc if origin else super().get_domain(site)

    def get_protocol(self, protocol=None) -> str:
        origin = getattr(settings, "SITE_ORIGIN", "")
        return urlsplit(origin).scheme if origin else super().get_protocol(protocol)


class ResolutionSitemap(_ArchiveSitemap):
    def items(self):
        return sitemap_resolutions()

    def location(self, item) -> str:
        return resolution_path(item[0])

    def lastmod(self, item):
        return item[1]


class ParagraphSitemap(_ArchiveSitemap):
    def items(self):
        return sitemap_paragraphs()

    def location(self, item) -> str:
        return paragraph_path(item[0], item[1])

    def lastmod(self, item):
        return item[2]


class SubParagraphSitemap(_ArchiveSitemap):
    """``/resolutions/2653/op16/a/``: one address per sub-paragraph the UN labelled."""

    def items(self):
        return [
            (number, pid, keys, updated)
            for number, pid, structure, updated in sitemap_subparagraphs().iterator()
            for keys in item_paths(structure)
        ]

    def location(self, item) -> str:
        return paragraph_path(item[0], item[1]) + "".join(f"{key}/" for key in item[2])

    def lastmod(self, item):
        return item[3]


SITEMAPS = {
    "resolutions": ResolutionSitemap,
    "paragraphs": ParagraphSitemap,
    "subparagraphs": SubParagraphSitemap,
}
