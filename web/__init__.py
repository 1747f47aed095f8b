"""The web layer: the app factory that wires config, security, data and each audience's pages."""

import os
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers

from knowledge.service import KnowledgeService
from offer.tidying import tidiers
from web import api, exchange, public, staff, supplier
from web.cli import commands
from web.common import councils, db, errors, limits, navigation, security, templates
from web.common.config import configure
from web.common.requests import SafeRequest
from web.exchange import auth as exchange_auth
from web.staff import auth as staff_auth
from web.supplier import chat

csrf = CSRFProtect()


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask app; `config` overrides environment settings (tests use it)."""
    instance_path = (config or {}).get("INSTANCE_PATH") or os.environ.get("SVOA_INSTANCE_PATH")
    if instance_path:
        instance_path = str(Path(instance_path).resolve())
    app = Flask(__name__, template_folder=str(templates.FOLDER), instance_path=instance_path)
    app.request_class = SafeRequest
    configure(app, config)
    templates.init_app(app)
    WTFormsHelpers(app)
    # Before CSRF protection, which reads the form: the upload limit of a view that takes
    # files must be set first, and files sent anywhere else refused.
    security.init_app(app)
    csrf.init_app(app)

    app.extensions["knowledge"] = KnowledgeService.load()
    app.extensions["councils"] = app.extensions["knowledge"].library.packs
    app.extensions["tidiers"] = tidiers(app.extensions["knowledge"].library)
    if app.config["DEFAULT_COUNCIL"] not in app.extensions["councils"]:
        raise RuntimeError(
            f"SVOA_DEFAULT_COUNCIL '{app.config['DEFAULT_COUNCIL']}' is not a council pack; "
            f"known: {', '.join(sorted(app.extensions['councils']))}"
        )

    for part in (db, chat, staff_auth, exchange_auth, councils, navigation, errors):
        part.init_app(app)
    commands.init_app(app)

    csrf.exempt(api.conversations.bp)  # Bearer tokens, not cookies: CSRF does not apply.
    for audience in (public, supplier, staff, exchange, api):
        for blueprint in audience.BLUEPRINTS:
            app.register_blueprint(blueprint)
    limits.init_app(app)
    return app
