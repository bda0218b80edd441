"""Checking a draft: the page (``/draft-check/``) and the JSON (``POST /api/draft-check``).

A drafter pastes a draft or uploads a .txt or .docx file; each paragraph comes back with the
closest agreed language (see :mod:`resolutions.drafts`). Nothing of the draft is stored or
logged: the views write nothing, Django's error reports hide the posted fields and these
functions' variables (``sensitive_post_parameters``, ``sensitive_variables``), an upload stays
in memory (a request body past ``MAX_BODY_BYTES`` is refused before it is read), and the
answer is sent ``Cache-Control: no-store`` (every POST is, archive_site.security).

No CSRF token: the check changes nothing and the archive sets no cookie, so a forged request
could only show its sender a report; both forms are exempt, the API as APIs are.

Example: ``curl -F file=@draft.docx https://archive.example.org/api/draft-check``.
"""

from __future__ import annotations

import json

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from resolutions.drafts import MATCH_SHARE, MAX_CHARS, MAX_PARAGRAPHS, MAX_UPLOAD_BYTES
from resolutions.drafts.reading import DraftError, check_text, read_draft
from resolutions.drafts.selectors import IndexNotReady, draft_report_get
from resolutions.drafts.serializers import draft_report_dict
from resolutions.exports.links import site_origin

# The largest body read: an upload of MAX_UPLOAD_BYTES with its form, or MAX_CHARS characters
# of text however encoded (percent-encoding takes up to 9 bytes for one character).
MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 100_000
RETRY_AFTER_SECONDS = 30
NOT_READY = (
    "The draft check is preparing its index of the archive (it does so once after a restart "
    "or an update). Please send the draft again in half a minute."
)
TOO_LARGE = (
    f"The draft is too large: the check reads up to {MAX_CHARS:,} characters, "
    f"{MAX_PARAGRAPHS} paragraphs or a file of {MAX_UPLOAD_BYTES:,} bytes. Check it in parts."
)


class _InMemoryUploads(MemoryFileUploadHandler):
    """Every upload kept in memory, never in a temporary file: the body is already known to
    be small (MAX_BODY_BYTES), so Django's size test for memory is not needed."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = True


class _Draft(str):
    """The draft's text in a template's context: its repr() -- what Django's template engine
    logs of a context when a lookup fails -- says nothing of it."""

    def __repr__(self) -> str:
        return f"<draft text, {len(self):,} characters>"


def _limits() -> dict:
    return {
        "max_chars": MAX_CHARS,
        "max_chars_text": f"{MAX_CHARS:,}",
        "max_paragraphs": MAX_PARAGRAPHS,
        "max_upload_bytes": MAX_UPLOAD_BYTES,
        "threshold_percent": round(MATCH_SHARE * 100),
    }


@sensitive_variables()
def _draft_text(request: HttpRequest) -> str:
    """The draft's text from the request: a JSON body's ``text``, the form's ``file`` or its
    ``text``. DraftError with what to do otherwise."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise DraftError(TOO_LARGE, status=413)
    try:
        request.upload_handlers = [_InMemoryUploads(request)]
    except AttributeError:  # the body was read already (by a middleware): nothing to choose
        pass
    try:
        if request.content_type == "application/json":
            text = _json_text(request.body)
        else:
            upload = request.FILES.get("file")
            text = request.POST.get("text", "")
            if upload is not None:
                if text.strip():
                    raise DraftError(
                        "Paste the draft or choose a file, not both: clear the text box to "
                        "check the file."
                    )
                text = read_draft(upload.name or "", upload.read(MAX_UPLOAD_BYTES + 1))
    except RequestDataTooBig:
        raise DraftError(TOO_LARGE, status=413) from None
    except (SuspiciousOperation, MultiPartParserError, UnicodeDecodeError):
        raise DraftError(
            "The form could not be read. Paste the draft's text, or choose a .txt or .docx file."
        ) from None
    if len(text) > MAX_CHARS:
        raise DraftError(
            f"The draft has {len(text):,} characters; the check reads up to {MAX_CHARS:,} at "
            "a time. Check it in parts.",
            status=413,
        )
    check_text(text)
    if not text.strip():
        raise DraftError("The draft is empty: paste its text, or choose a .txt or .docx file.")
    return text


@sensitive_variables()
def _json_text(body: bytes) -> str:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise DraftError(
            'The body is not JSON. Send {"text": "the draft"} as UTF-8 JSON, or a form with '
            "a text or file field."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise DraftError('Send a JSON object with the draft\'s text as "text".')
    return data["text"]


@sensitive_post_parameters()
@sensitive_variables()
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def draft_check_page(request: HttpRequest) -> HttpResponse:
    # Every name the template reads is given, so no lookup fails (and nothing is logged).
    context = {"limits": _limits(), "report": None, "error": "", "text": "", "archive_count": ""}
    if request.method != "POST":
        return render(request, "resolutions/draft_check.html", context)
    try:
        text = _draft_text(request)
        report = draft_report_get(text=text)
    except DraftError as error:
        context.update(error=error.message, text=_Draft(_posted_text(request)))
        return render(request, "resolutions/draft_check.html", context, status=error.status)
    except IndexNotReady:
        context.update(error=NOT_READY, text=_Draft(_posted_text(request)))
        response = render(request, "resolutions/draft_check.html", context, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    context.update(report=report, text=_Draft(text), archive_count=f"{report.archive_paragraphs:,}")
    return render(request, "resolutions/draft_check.html", context)


@sensitive_variables()
def _posted_text(request: HttpRequest) -> str:
    """What was pasted, to give it back in the form after an error (never a file's bytes,
    nor a body too large to read)."""
    if request.content_type == "application/json":
        return ""
    try:
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
            return ""
        return request.POST.get("text", "")
    except (ValueError, SuspiciousOperation, MultiPartParserError, UnicodeDecodeError):
        return ""


@sensitive_post_parameters()
@sensitive_variables()
@csrf_exempt
def draft_check_json(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = _json_error(
            405,
            "method not allowed",
            'POST the draft: a JSON body {"text": "..."}, or a form with a text or file field.',
        )
        response["Allow"] = "POST"
        return response
    try:
        report = draft_report_get(text=_draft_text(request))
    except DraftError as error:
        code = "too large" if error.status == 413 else "unreadable draft"
        return _json_error(error.status, code, error.message)
    except IndexNotReady:
        response = _json_error(503, "not ready", NOT_READY)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return JsonResponse(draft_report_dict(report, origin=site_origin(request)))


def _json_error(status: int, error: str, detail: str) -> JsonResponse:
    return JsonResponse({"error": error, "detail": detail, "status": status}, status=status)
