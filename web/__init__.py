"""The web layer: the app factory that wires config, security, data and blueprints."""

import os
from pathlib import Path

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from knowledge.packs import load_packs
from web import auth, cli, councils, db, errors, security
from web.config import configure

ROOT = Path(__file__).resolve().parent.parent
csrf = CSRFProtect()


def create_app(config: dict | None = None) -> Flask:
    """Build the Flask app; `config` overrides environment settings (tests use it)."""
    instance_path = (config or {}).get("INSTANCE_PATH") or os.environ.get("SVOA_INSTANCE_PATH")
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

    app.extensions["councils"] = load_packs()
    if app.config["DEFAULT_COUNCIL"] not in app.extensions["councils"]:
        raise RuntimeError(
            f"SVOA_DEFAULT_COUNCIL '{app.config['DEFAULT_COUNCIL']}' is not a council pack; "
            f"known: {', '.join(sorted(app.extensions['councils']))}"
        )

    security.init_app(app)
    db.init_app(app)
    auth.init_app(app)
    councils.init_app(app)
    errors.init_app(app)
    cli.init_app(app)

    from web.assistant import bp as assistant_bp
    from web.public import bp as public_bp
    from web.staff import bp as staff_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(assistant_bp)
    app.register_blueprint(staff_bp)
    return app
