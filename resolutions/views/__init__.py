"""Thin views: parse the request, call one selector, render.

``pages`` -- home, browse, resolution, paragraph permalinks, downloads, redirects;
``search`` -- the search page, its JSON twin and help; ``errors`` -- helpful 404s.
"""
