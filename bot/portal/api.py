"""The portal's JSON API: the same assignments as the pages, for a therapist's own tools.

Authenticated by a personal access token (``python -m bot therapist token EMAIL``) sent as
``Authorization: Bearer …``. Described by OpenAPI at ``/api/openapi.json``. Another therapist's
assignment answers 404, a missing or bad token 401, and bad input 422 naming the field.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

from fastapi import APIRouter, Depends, HTTPException, status
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from bot.config import Settings
from bot.portal.accounts import therapist_for_api_token
from bot.portal.assignments import (
    AssignmentRequest,
    FieldError,
    assignable_exercises,
    assignment_of,
    assignments_of,
    create_assignment,
    links_for,
    revoke,
    shown_status,
    today,
)
from bot.portal.results import views_of
from bot.storage import session_scope
from bot.storage.models import Assignment, Therapist, as_utc

bearer = HTTPBearer(auto_error=False, description="A personal access token: python -m bot therapist token EMAIL")


class NewAssignment(BaseModel):
    exercise: str = Field(..., max_length=64, description="an exercise's name, as GET /api/exercises lists them")
    client_label: str = Field(..., max_length=400, description="a label you recognise; no real name needed")
    note: str = Field("", max_length=4000, description="shown to the client when they open the homework")
    due: date | None = Field(None, description="YYYY-MM-DD")
    recurrence: str = Field("none", description="none, daily or weekly")
    until: date | None = Field(None, description="YYYY-MM-DD; required when the homework repeats")


class CreatedAssignment(BaseModel):
    id: int
    code: str
    telegram_link: str | None
    web_link: str


class AssignmentSummary(BaseModel):
    id: int
    code: str
    exercise: str
    client_label: str
    status: str
    due: date | None
    recurrence: str
    until: date | None
    created_at: datetime


class Event(BaseModel):
    kind: str
    at: datetime


class AssignmentDetail(AssignmentSummary):
    note: str | None
    telegram_link: str | None
    web_link: str
    events: list[Event]


class Completion(BaseModel):
    completed_on: date
    measure: str | None = Field(None, description="phq9 or gad7 for a questionnaire")
    score: int | None = Field(None, description="a questionnaire's total; null when an item was skipped")
    most: int | None = Field(None, description="the highest total the questionnaire has")
    band: str | None = Field(None, description="the published severity band of the total")
    flagged: bool = Field(False, description="an answer called for the crisis path (PHQ-9's ninth item)")
    flag: str | None = Field(None, description="what was answered to that item")
    items: dict[str, int | None] | None = Field(None, description="a questionnaire's answers, 0 to 3, null if skipped")
    answers: list[str] | None = Field(None, description="an exercise's answers, when the client chose to share them")


class Results(BaseModel):
    id: int
    status: str
    shared: dict | None = Field(None, description="what the client chose to share last time, and nothing else")
    results: list[Completion] = Field(description="every completion, oldest first (recurring homework has several)")
    crisis_lines_shown: bool
    events: list[Event]


def _summary(assignment: Assignment, day: date) -> dict:
    return {
        "id": assignment.id,
        "code": assignment.code,
        "exercise": assignment.exercise,
        "client_label": assignment.client_label,
        "status": shown_status(assignment, day),
        "due": assignment.due_on,
        "recurrence": assignment.recurrence,
        "until": assignment.recurrence_until,
        "created_at": as_utc(assignment.created_at),
    }


def _events(assignment: Assignment) -> list[dict]:
    return [{"kind": event.kind, "at": as_utc(event.created_at)} for event in assignment.events]



def build_router(config: Settings) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["assignments"])

    def therapist_id(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> int:
        with session_scope() as db:
            therapist = therapist_for_api_token(db, credentials.credentials if credentials else None)
            if therapist is None:
                raise HTTPException(
                    status.HTTP_401_UNAUTHORIZED,
                    "A valid personal access token is needed (Authorization: Bearer ...).",
                    headers={"WWW-Authenticate": "Bearer"},
                )
            return therapist.id

    def not_found() -> HTTPException:
        return HTTPException(status.HTTP_404_NOT_FOUND, "There is no such assignment among yours.")

    @router.post("/assignments", status_code=201, response_model=CreatedAssignment)
    def create(body: NewAssignment, owner: int = Depends(therapist_id)):
        request = AssignmentRequest(body.exercise, body.client_label, body.note, body.due, body.recurrence, body.until)
        try:
            checked = request.checked(today())
        except FieldError as error:
            detail = [{"loc": ["body", error.field], "msg": str(error), "type": "value_error"}]
            return JSONResponse({"detail": detail}, status_code=422)
        with session_scope() as db:
            assignment = create_assignment(db, db.get(Therapist, owner), checked)
            links = links_for(assignment.code, config)
            created = {"id": assignment.id, "code": assignment.code}
            return {**created, "telegram_link": links.telegram, "web_link": links.web}

    @router.get("/assignments", response_model=list[AssignmentSummary])
    def list_assignments(owner: int = Depends(therapist_id)):
        day = today()
        with session_scope() as db:
            return [_summary(assignment, day) for assignment in assignments_of(db, owner)]

    @router.get("/assignments/{assignment_id}", response_model=AssignmentDetail)
    def read(assignment_id: int, owner: int = Depends(therapist_id)):
        with session_scope() as db:
            assignment = assignment_of(db, owner, assignment_id)
            if assignment is None:
                raise not_found()
            links = links_for(assignment.code, config)
            return {
                **_summary(assignment, today()),
                "note": assignment.note,
                "telegram_link": links.telegram,
                "web_link": links.web,
                "events": _events(assignment),
            }

    @router.delete("/assignments/{assignment_id}", response_model=AssignmentSummary)
    def revoke_assignment(assignment_id: int, owner: int = Depends(therapist_id)):
        with session_scope() as db:
            assignment = assignment_of(db, owner, assignment_id)
            if assignment is None:
                raise not_found()
            revoke(db, assignment)
            db.flush()
            return _summary(assignment, today())

    @router.get("/assignments/{assignment_id}/results", response_model=Results)
    def results(assignment_id: int, owner: int = Depends(therapist_id)):
        with session_scope() as db:
            assignment = assignment_of(db, owner, assignment_id)
            if assignment is None:
                raise not_found()
            return {
                "id": assignment.id,
                "status": shown_status(assignment, today()),
                "shared": assignment.shared if assignment.status != "declined" else None,
                "results": [
                    {**asdict(result), "flagged": result.flag is not None} for result in views_of(assignment)
                ],
                "crisis_lines_shown": assignment.crisis_shown,
                "events": _events(assignment),
            }

    @router.get("/exercises", response_model=dict[str, str])
    def exercises(owner: int = Depends(therapist_id)):
        return assignable_exercises()

    return router
