"""One byte range of a document (RFC 9110 §14), so a <video> seeks without first
downloading the whole file, and Safari, which plays video only from a server that answers
`Range` with 206, plays it at all.

Only a single range of a whole-file answer: several ranges, another unit, or an `If-Range`
that no longer matches get the whole file, as the RFC allows. A range past the end is 416.
"""

import re

from django.http import FileResponse, HttpResponse

SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _bounds(header, size):
    """(first, last) byte of the range asked for, None for "send it all", or "unsatisfiable"."""
    match = SINGLE_RANGE.match(header.replace(" ", ""))
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        length = int(last)
        return (max(size - length, 0), size - 1) if length and size else "unsatisfiable"
    first = int(first)
    if last and int(last) < first:
        return None
    if first >= size:
        return "unsatisfiable"
    return first, min(int(last), size - 1) if last else size - 1


def _still_current(request, response):
    """No If-Range, or one naming the version we have (a strong ETag or the date)."""
    if_range = request.headers.get("If-Range")
    if not if_range:
        return True
    etag = response.get("ETag", "")
    return (if_range == etag and not etag.startswith("W/")) or if_range == response.get(
        "Last-Modified"
    )


def partial(request, response):
    """`response` as it is, or narrowed to the one range `request` asks for."""
    if response.status_code != 200 or not isinstance(response, FileResponse):
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    stream = response.file_to_stream
    size = response.get("Content-Length")
    if not header or request.method != "GET" or stream is None or size is None:
        return response
    if not _still_current(request, response):
        return response
    bounds = _bounds(header, int(size))
    if bounds is None:
        return response
    if bounds == "unsatisfiable":
        response.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        return refused
    first, last = bounds
    stream.seek(first)
    remaining = last - first + 1

    def chunks(left=remaining):
        while left > 0:
            chunk = stream.read(min(response.block_size, left))
            if not chunk:
                return
            left -= len(chunk)
            yield chunk

    response.streaming_content = chunks()  # the file still closes with the response
    response.status_code = 206
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Length"] = str(remaining)
    return response
