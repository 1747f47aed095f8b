"""The JSON API, version 1: knowledge search and the OpenAPI document."""

import json
from functools import cache
from pathlib import Path

import yaml
from flask import Blueprint, Response, current_app, jsonify, request

from knowledge.content import SAFE_LOADER
from knowledge.matcher import MAX_QUESTION_LENGTH
from offer.model import Offer, offer_schema
from web.common import limits
from web.common.questions import answer_question

bp = Blueprint("api", __name__, url_prefix="/api/v1")
OPENAPI_FILE = Path(__file__).with_name("openapi.yaml")


@cache
def openapi_document() -> dict:
    """The OpenAPI description of this API: web/openapi.yaml, with the offer's schema (generated
    from offer/model.py) added to its components."""
    document = yaml.load(OPENAPI_FILE.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    schemas = document["components"]["schemas"]
    offer = Offer.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(offer.pop("$defs"))
    schemas["Offer"] = offer
    return document


@bp.get("/schema/offer.json")
def offer_json_schema():
    """The published, versioned JSON Schema of the structured offer."""
    return jsonify(offer_schema())


@bp.get("/openapi.json")
def openapi():
    """The OpenAPI document, as JSON."""
    return Response(json.dumps(openapi_document(), indent=1), mimetype="application/json")


def api_error(status: int, code: str, message: str, field: str | None = None):
    """A JSON error in the documented shape."""
    error = {"code": code, "message": message}
    if field:
        error["field"] = field
    return jsonify({"error": error}), status


@bp.get("/knowledge/search")
@limits.rate_limited(limits.SEARCH)
def knowledge_search():
    """Answer a question from a council's knowledge base."""
    question = request.args.get("q", "")
    council_id = request.args.get("council") or current_app.config["DEFAULT_COUNCIL"]
    if not question.strip():
        return api_error(400, "missing_parameter", "Enter a question in the q parameter.", "q")
    if len(question) > MAX_QUESTION_LENGTH:  # Spaces count: the document limits what is sent.
        message = f"The question must be {MAX_QUESTION_LENGTH} characters or fewer."
        return api_error(400, "too_long", message, "q")
    if council_id not in current_app.extensions["councils"]:
        return api_error(404, "unknown_council", f"There is no council '{council_id}'.", "council")
    return jsonify(answer_question(question.strip(), council_id, source="api").to_dict())
