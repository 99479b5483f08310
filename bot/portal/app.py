"""The therapist portal's web application: log-in, log-out, the home page and the account page.

Server-rendered pages (Jinja2) that work without JavaScript. Every form carries a CSRF token:
before log-in a double-submit cookie, after it the token of the browser's session. Cookies are
HttpOnly and SameSite=Strict, and Secure when the portal's public address is https.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from bot.config import Settings, settings
from bot.exercises.catalogue import MEASURES, is_measure
from bot.portal.accounts import (
    MIN_PASSWORD_CHARS,
    AccountError,
    TooManyAttemptsError,
    change_password,
    close_session,
    log_in,
    open_session,
    session_for,
)
from bot.portal.api import build_router
from bot.portal.assignments import (
    RECURRENCES,
    STATUS_LABELS,
    AssignmentRequest,
    FieldError,
    assignable_exercises,
    assignment_of,
    assignments_of,
    create_assignment,
    links_for,
    message_to_client,
    next_occurrence,
    revocable,
    revoke,
    shown_status,
    today,
)
from bot.portal.results import is_flagged, trend, trend_svg, views_of
from bot.storage import session_scope
from bot.storage.models import PortalSession, Therapist

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "portal_session"
LOGIN_CSRF_COOKIE = "portal_login_csrf"
templates = Jinja2Templates(directory=str(HERE / "templates"))


class LoginRequiredError(Exception):
    """The page needs a logged-in therapist; the handler redirects to the log-in page."""


class CsrfRejectedError(Exception):
    """A form came without the token of the page it was served on."""


def _secure_cookies(config: Settings) -> bool:
    return urlsplit(config.portal_public_url).scheme == "https"


def _set_cookie(response: Response, name: str, value: str, config: Settings, max_age: int | None = None) -> None:
    response.set_cookie(
        name, value, max_age=max_age, httponly=True, samesite="strict", secure=_secure_cookies(config), path="/"
    )


def _page(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def current_session(request: Request) -> PortalSession:
    """The logged-in browser's session (with its therapist loaded); raises LoginRequiredError."""
    with session_scope() as db:
        record = session_for(db, request.cookies.get(SESSION_COOKIE))
        if record is None:
            raise LoginRequiredError
        # Read what the pages need while the database session is open.
        record.therapist.email  # noqa: B018
        db.expunge_all()
    return record



def _date_field(field: str, value: str) -> date | None:
    """A form's date (YYYY-MM-DD, as browsers send it), None when empty; FieldError when not a date."""
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FieldError(field, "Please give a date as YYYY-MM-DD.") from None


def _vocabulary() -> dict:
    """The names pages show for exercises, statuses and recurrences."""
    return {
        "exercises": assignable_exercises(),
        "measures": MEASURES,
        "status_labels": STATUS_LABELS,
        "recurrences": RECURRENCES,
    }


def _check_csrf(expected: str | None, given: str) -> None:
    if not expected or not given or not secrets.compare_digest(expected, given):
        raise CsrfRejectedError


def build_app(config: Settings | None = None) -> FastAPI:
    """The portal's application (the JSON API's OpenAPI description is served at /api/openapi.json)."""
    config = config or settings()
    app = FastAPI(title="Therapist portal", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(build_router(config))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
            "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.exception_handler(LoginRequiredError)
    async def to_login(request: Request, _error: LoginRequiredError) -> Response:
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(CsrfRejectedError)
    async def csrf_rejected(request: Request, _error: CsrfRejectedError) -> Response:
        return _page(
            request,
            "message.html",
            403,
            title="Please try again",
            message="This form had expired or didn't come from this portal. "
            "Please go back, reload the page and try again.",
        )

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    @app.get("/login", response_class=HTMLResponse)
    async def login_page(request: Request) -> Response:
        if session_for_request(request):
            return RedirectResponse("/", status_code=303)
        return _login_form(request)

    def _login_form(request: Request, status_code: int = 200, error: str | None = None, email: str = "") -> Response:
        token = secrets.token_urlsafe(32)
        response = _page(request, "login.html", status_code, csrf_token=token, error=error, email=email)
        _set_cookie(response, LOGIN_CSRF_COOKIE, token, config)
        return response

    @app.post("/login")
    async def login(
        request: Request,
        email: str = Form("", max_length=320),
        password: str = Form("", max_length=2048),
        csrf_token: str = Form("", max_length=128),
    ) -> Response:
        _check_csrf(request.cookies.get(LOGIN_CSRF_COOKIE), csrf_token)
        address = request.client.host if request.client else "unknown"
        with session_scope() as db:
            try:
                therapist = log_in(db, email, password, address)
            except TooManyAttemptsError:
                logger.warning("Portal log-in throttled after repeated failures")
                return _login_form(
                    request, 429, "Too many attempts. Please wait 15 minutes before trying again.", email
                )
            if therapist is None:
                return _login_form(request, 401, "That email and password don't match an account.", email)
            opened = open_session(db, therapist)
        response = RedirectResponse("/", status_code=303)
        _set_cookie(response, SESSION_COOKIE, opened.token, config, max_age=12 * 3600)
        response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
        return response

    def session_for_request(request: Request) -> bool:
        with session_scope() as db:
            return session_for(db, request.cookies.get(SESSION_COOKIE)) is not None

    @app.post("/logout")
    async def logout(
        request: Request,
        csrf_token: str = Form("", max_length=128),
        record: PortalSession = Depends(current_session),
    ) -> Response:
        _check_csrf(record.csrf_token, csrf_token)
        with session_scope() as db:
            close_session(db, request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    @app.get("/", response_class=HTMLResponse)
    async def home(request: Request, record: PortalSession = Depends(current_session)) -> Response:
        day = today()
        with session_scope() as db:
            rows = [
                {"assignment": assignment, "status": shown_status(assignment, day), "flagged": is_flagged(assignment)}
                for assignment in assignments_of(db, record.therapist_id)
            ]
        return _page(
            request, "home.html", therapist=record.therapist, csrf_token=record.csrf_token, rows=rows, **_vocabulary()
        )

    def _assign_form(
        request: Request, record: PortalSession, status_code: int = 200, error: FieldError | None = None, **values
    ) -> Response:
        return _page(
            request,
            "assign.html",
            status_code,
            therapist=record.therapist,
            csrf_token=record.csrf_token,
            error=error,
            values=values,
            today=today().isoformat(),
            **_vocabulary(),
        )

    @app.get("/assignments/new", response_class=HTMLResponse)
    async def new_assignment(request: Request, record: PortalSession = Depends(current_session)) -> Response:
        return _assign_form(request, record)

    @app.post("/assignments")
    async def assign(
        request: Request,
        exercise: str = Form("", max_length=64),
        client_label: str = Form("", max_length=400),
        note: str = Form("", max_length=4000),
        due: str = Form("", max_length=32),
        recurrence: str = Form("none", max_length=16),
        until: str = Form("", max_length=32),
        csrf_token: str = Form("", max_length=128),
        record: PortalSession = Depends(current_session),
    ) -> Response:
        _check_csrf(record.csrf_token, csrf_token)
        values = {"exercise": exercise, "client_label": client_label, "note": note, "due": due,
                  "recurrence": recurrence, "until": until}  # fmt: skip
        try:
            checked = AssignmentRequest(
                exercise, client_label, note, _date_field("due", due), recurrence, _date_field("until", until)
            ).checked(today())
        except FieldError as error:
            return _assign_form(request, record, 422, error, **values)
        with session_scope() as db:
            assignment = create_assignment(db, db.get(Therapist, record.therapist_id), checked)
            assignment_id = assignment.id
        return RedirectResponse(f"/assignments/{assignment_id}", status_code=303)

    @app.get("/assignments/{assignment_id}", response_class=HTMLResponse)
    async def assignment_page(
        request: Request, assignment_id: int, record: PortalSession = Depends(current_session)
    ) -> Response:
        with session_scope() as db:
            assignment = assignment_of(db, record.therapist_id, assignment_id)
            if assignment is None:
                return _not_found(request, record)
            day = today()
            events = list(assignment.events)
            status = shown_status(assignment, day)
            results = views_of(assignment)
            chart = ""
            if is_measure(assignment.exercise):
                scores = trend(db, record.therapist_id, assignment.client_label, assignment.exercise)
                chart = trend_svg(scores, assignment.exercise)
            upcoming = next_occurrence(assignment, day)
            can_revoke = revocable(assignment)
        links = links_for(assignment.code, config)
        return _page(
            request,
            "assignment.html",
            therapist=record.therapist,
            csrf_token=record.csrf_token,
            assignment=assignment,
            events=events,
            status=status,
            links=links,
            message=message_to_client(links),
            results=results,
            flags=[result for result in results if result.flag],
            chart=Markup(chart),  # built from numbers, dates and fixed labels only
            upcoming=upcoming if status not in ("revoked", "declined") else None,
            can_revoke=can_revoke,
            **_vocabulary(),
        )

    @app.post("/assignments/{assignment_id}/revoke")
    async def revoke_assignment(
        request: Request,
        assignment_id: int,
        csrf_token: str = Form("", max_length=128),
        record: PortalSession = Depends(current_session),
    ) -> Response:
        _check_csrf(record.csrf_token, csrf_token)
        with session_scope() as db:
            assignment = assignment_of(db, record.therapist_id, assignment_id)
            if assignment is None:
                return _not_found(request, record)
            revoke(db, assignment)
        return RedirectResponse(f"/assignments/{assignment_id}", status_code=303)

    def _not_found(request: Request, record: PortalSession) -> Response:
        return _page(
            request,
            "message.html",
            404,
            therapist=record.therapist,
            csrf_token=record.csrf_token,
            title="Not found",
            message="There is no such assignment among yours.",
        )

    @app.get("/account", response_class=HTMLResponse)
    async def account(request: Request, record: PortalSession = Depends(current_session)) -> Response:
        return _account_page(request, record)

    def _account_page(
        request: Request, record: PortalSession, status_code: int = 200, error: str | None = None, done: bool = False
    ) -> Response:
        return _page(
            request,
            "account.html",
            status_code,
            therapist=record.therapist,
            csrf_token=record.csrf_token,
            error=error,
            done=done,
            min_chars=MIN_PASSWORD_CHARS,
        )

    @app.post("/account/password")
    async def new_password(
        request: Request,
        current_password: str = Form("", max_length=2048),
        new_password: str = Form("", max_length=2048),
        repeat_password: str = Form("", max_length=2048),
        csrf_token: str = Form("", max_length=128),
        record: PortalSession = Depends(current_session),
    ) -> Response:
        _check_csrf(record.csrf_token, csrf_token)
        if new_password != repeat_password:
            return _account_page(request, record, 422, "The two new passwords don't match.")
        with session_scope() as db:
            therapist = db.get(type(record.therapist), record.therapist_id)
            try:
                change_password(db, therapist, current_password, new_password, request.cookies[SESSION_COOKIE])
            except AccountError as error:
                return _account_page(request, record, 422, str(error))
        return _account_page(request, record, done=True)

    return app


def main() -> int:
    """Serve the portal on BIND_ADDRESS:PORTAL_PORT (``python -m bot portal``)."""
    import uvicorn

    from bot.storage import upgrade_schema

    config = settings()
    upgrade_schema()
    print(f"Therapist portal: {config.portal_public_url}/ (listening on {config.bind_address}:{config.portal_port})")
    # No access log: paths will carry assignment codes, and a log is no place for them.
    uvicorn.run(
        build_app(config), host=config.bind_address, port=config.portal_port, access_log=False, log_level="warning"
    )
    return 0
