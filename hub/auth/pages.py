"""The pages the account e-mails link to: confirming an address, choosing a new password.

Plain server-rendered HTML in Greek and English (no script), so the links work before any web
frontend is built. The token in the link is the only credential; nothing is stored in a cookie.
"""

from __future__ import annotations

from html import escape
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse

from hub.auth import accounts
from hub.ecosystem.errors import HubError
from hub.runtime import Runtime

MAX_FORM_BYTES = 4096
PAGE = """<!doctype html>
<html lang="el"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>{title}</title></head>
<body><main><h1>{title}</h1>{body}</main></body></html>"""


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(PAGE.format(title=escape(title), body=body), status_code=status)


def _message(greek: str, english: str) -> str:
    return f'<p lang="el">{escape(greek)}</p><p lang="en">{escape(english)}</p>'


async def verify_email_page(request: Request) -> HTMLResponse:
    runtime: Runtime = request.app.state.runtime
    token = request.query_params.get("token", "")
    title = "Επιβεβαίωση e-mail / E-mail confirmation"
    try:
        await accounts.verify_email(runtime.graph, token)
    except HubError as exc:
        return _page(title, _message("Ο σύνδεσμος δεν ισχύει.", exc.message), 400)
    return _page(
        title, _message("Η διεύθυνσή σας επιβεβαιώθηκε.", "Your e-mail address is confirmed.")
    )


def _reset_form(token: str, problem: str = "") -> str:
    shown = f'<p role="alert">{escape(problem)}</p>' if problem else ""
    return (
        f'{shown}<form method="post"><input type="hidden" name="token" value="{escape(token)}">'
        '<p><label for="password">Νέος κωδικός / New password</label> '
        '<input id="password" name="password" type="password" autocomplete="new-password" '
        "required></p><p><button>Αλλαγή / Change</button></p></form>"
    )


async def reset_password_page(request: Request) -> HTMLResponse:
    title = "Νέος κωδικός / New password"
    if request.method == "GET":
        return _page(title, _reset_form(request.query_params.get("token", "")))
    runtime: Runtime = request.app.state.runtime
    body = await request.body()
    form = parse_qs(body[:MAX_FORM_BYTES].decode("utf-8", "replace"))
    token, password = form.get("token", [""])[0], form.get("password", [""])[0]
    try:
        await accounts.reset_password(runtime.graph, token, password)
    except HubError as exc:
        return _page(title, _reset_form(token, exc.message), 400)
    return _page(
        title,
        _message(
            "Ο κωδικός σας άλλαξε· συνδεθείτε ξανά.",
            "Your password is changed; sign in again.",
        ),
    )
