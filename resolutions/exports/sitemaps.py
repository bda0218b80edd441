"""``sitemap.xml``: every resolution page and every paragraph permalink, for search engines.

Django's sitemaps framework writes a sitemap index (``/sitemap.xml``) pointing at sections
(``/sitemap-resolutions.xml``, ``/sitemap-paragraphs.xml?p=2``), each under the protocol's
limit of 50,000 addresses per file. Addresses are on ``DJANGO_SITE_ORIGIN`` when set.

Example::

    GET /sitemap.xml -> <sitemapindex> with one <sitemap> per section page
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from resolutions.exports.links import paragraph_path, resolution_path
from resolutions.exports.selectors import sitemap_paragraphs, sitemap_resolutions

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


SITEMAPS = {"resolutions": ResolutionSitemap, "paragraphs": ParagraphSitemap}
