"""The web layer: the app factory that wires config, security, data and blueprints."""

import os
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from knowledge.service import KnowledgeService
from web import (
    api,
    api_conversations,
    assistant,
    auth,
    chat,
    cli,
    councils,
    db,
    deletion,
    errors,
    exchange_accounts,
    exchange_auth,
    exchange_board,
    exchange_needs,
    help,
    limits,
    navigation,
    offers,
    public,
    security,
    staff,
    staff_budget,
    staff_contracts,
    staff_exchange,
    staff_opportunities,
    staff_questions,
    staff_sessions,
    submissions,
    supplier_contracts,
    training,
)
from web.config import configure

ROOT = Path(__file__).resolve().parent.parent
csrf = CSRFProtect()


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask app; `config` overrides environment settings (tests use it)."""
    instance_path = (config or {}).get("INSTANCE_PATH") or os.environ.get("SVOA_INSTANCE_PATH")
    if instance_path:
        instance_path = str(Path(instance_path).resolve())
    app = Flask(__name__, template_folder=str(ROOT / "templates"), instance_path=instance_path)
    configure(app, config)
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)
    csrf.init_app(app)

    app.extensions["knowledge"] = KnowledgeService.load()
    app.extensions["councils"] = app.extensions["knowledge"].library.packs
    if app.config["DEFAULT_COUNCIL"] not in app.extensions["councils"]:
        raise RuntimeError(
            f"SVOA_DEFAULT_COUNCIL '{app.config['DEFAULT_COUNCIL']}' is not a council pack; "
            f"known: {', '.join(sorted(app.extensions['councils']))}"
        )

    security.init_app(app)
    db.init_app(app)
    chat.init_app(app)
    auth.init_app(app)
    exchange_auth.init_app(app)
    councils.init_app(app)
    navigation.init_app(app)
    errors.init_app(app)
    cli.init_app(app)

    csrf.exempt(api_conversations.bp)  # Bearer tokens, not cookies: CSRF does not apply.
    blueprints = (public.bp, assistant.bp, offers.bp, help.bp, councils.bp, staff.bp, api.bp)
    staff_blueprints = (
        staff_opportunities.bp,
        staff_contracts.bp,
        staff_budget.bp,
        staff_sessions.bp,
        staff_questions.bp,
        staff_exchange.bp,
    )
    for blueprint in (
        *blueprints,
        submissions.bp,
        deletion.bp,
        supplier_contracts.bp,
        training.bp,
        exchange_board.bp,
        exchange_accounts.bp,
        exchange_needs.bp,
        *staff_blueprints,
        api_conversations.bp,
    ):
        app.register_blueprint(blueprint)
    limits.init_app(app)
    return app
