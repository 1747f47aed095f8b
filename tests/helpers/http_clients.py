"""HTTP clients for tests against the real server: a cookie-keeping browser and JSON calls."""

import http.cookiejar
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.helpers.conversation_driver import Supplier, drive


class Browser:
    """A cookie-keeping HTTP client against the real server."""

    def __init__(self, url):
        self.url = url
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect()
        )

    def get(self, path):
        with self.opener.open(f"{self.url}{path}", timeout=30) as response:
            return response.status, response.read().decode()

    def post(self, path, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        try:
            with self.opener.open(f"{self.url}{path}", data=body, timeout=30) as response:
                return response.status, response.headers.get("Location"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location"), error.read().decode()

    def fetch(self, path, data=None) -> tuple[int, dict[str, str], bytes]:
        """GET (or POST `data`) without raising on an error status: (status, headers, body)."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(f"{self.url}{path}", data=body, timeout=30) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def post_files(self, path, data, files) -> tuple[int, str | None, str]:
        """POST a multipart form: `data` fields, and `files` as (field, name, bytes)."""
        fields = MultiDict()
        for key, value in data.items():
            for item in value if isinstance(value, list) else [value]:
                fields.add(key, item)
        for field, name, content in files:
            fields.add(field, FileStorage(io.BytesIO(content), name))
        boundary, body = encode_multipart(fields)
        request = urllib.request.Request(f"{self.url}{path}", data=body)
        request.add_header("Content-Type", f"multipart/form-data; boundary={boundary}")
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location"), error.read().decode()

    def form_token(self, path):
        _, page = self.get(path)
        return re.search(r'<input[^>]*name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def call(url, method="GET", body=None, token=None) -> tuple[int, Any]:
    """A JSON request, with the conversation's Bearer token if given: (status, body)."""
    request = urllib.request.Request(url, method=method)
    if body is not None:
        request.data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def api(url, body, token=None) -> tuple[int, Any]:
    """POST a JSON body: (status, body)."""
    return call(url, "POST", body, token)


def finished_conversation(base_url: str, kind: str = "charity") -> dict[str, Any]:
    """A Tower Hamlets conversation driven to its end through the API: as created (id, token)."""
    _, created = api(f"{base_url}/api/v1/conversations", {})
    url = f"{base_url}/api/v1/conversations/{created['id']}/messages"
    drive(
        created["prompt"],
        lambda text: api(url, {"text": text}, created["token"])[1]["prompt"],
        Supplier(kind, "tower-hamlets"),
    )
    return created


class JsonResponse:
    """What the Flask test client's response gives the helpers that drive the API."""

    def __init__(self, status_code: int, body: Any):
        self.status_code = status_code
        self.json = body


class JsonClient:
    """The conversation API on the real server, called as the helpers call the Flask test
    client (`post(path, json=..., headers=...)`), so tests/helpers/scripted.py drives both."""

    def __init__(self, url: str):
        self.url = url

    def post(self, path: str, json: Any = None, headers: dict | None = None) -> JsonResponse:
        token = (headers or {}).get("Authorization", "").removeprefix("Bearer ") or None
        return JsonResponse(*call(f"{self.url}{path}", "POST", json or {}, token))

    def get(self, path: str, headers: dict | None = None) -> JsonResponse:
        token = (headers or {}).get("Authorization", "").removeprefix("Bearer ") or None
        return JsonResponse(*call(f"{self.url}{path}", "GET", None, token))
