"""The data layer: the only place SQL and sqlite-utils calls live."""

from store.database import connect, health, migrate

__all__ = ["connect", "health", "migrate"]
