"""Feeds, exports and the API description: the archive in the forms other tools read.

In: what ingest computed (resolutions, paragraphs, records), read through :mod:`.selectors`
and the search package's public functions. Out: Atom feeds (:mod:`.feeds`), CSV of every
search hit (:mod:`.tables`), citations as BibTeX, RIS and CSL-JSON (:mod:`.citations`),
Akoma Ntoso XML that the archive's reader reads back (:mod:`.akn`), the bulk download
(:mod:`.bulk`), the sitemap (:mod:`.sitemaps`), schema.org JSON-LD (:mod:`.jsonld`) and the
OpenAPI description of the JSON (:mod:`.openapi`). Views (:mod:`.views`) stay thin.
"""
