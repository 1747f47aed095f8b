"""The JSON API, version 1: knowledge search, conversations, and the OpenAPI document."""

from web.api import conversations, knowledge

BLUEPRINTS = (knowledge.bp, conversations.bp)
