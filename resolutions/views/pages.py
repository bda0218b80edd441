"""Placeholder replaced by the views work."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


home = about = resolution_list = resolution_json = resolution_text = _todo
resolution_detail = paragraph_detail = symbol_redirect = _todo
