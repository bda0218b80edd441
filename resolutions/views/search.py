"""Placeholder replaced by the views work."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


search_page = search_json = search_help = _todo
