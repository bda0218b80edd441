"""Open the archive's data to other sites' scripts: ``Access-Control-Allow-Origin: *`` on every
successful or not-modified ``GET``/``HEAD`` response that is data (JSON, feeds, CSV, XML,
citations, plain text, the bulk files) -- never on HTML pages, which need no sharing.

Reading is all the archive offers (no cookies, no writes), so a wildcard is safe; a
preflight is never needed for these simple requests.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

OPEN_TYPES = (
    "application/json",
    "application/jsonl",
    "application/atom+xml",
    "application/xml",
    "application/akn+xml",
    "application/x-bibtex",
    "application/x-research-info-systems",
    "application/vnd.citationstyles.csl+json",
    "application/opensearchdescription+xml",
    "text/csv",
    "text/plain",
)
EXPOSED = "ETag, Last-Modified, Content-Disposition, X-Total-Hits, X-Rows, X-Rows-Truncated"


def open_data_cors(get_response):
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response
        media_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if media_type in OPEN_TYPES:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED
        return response

    return middleware
