"""Local organisations' accounts on the needs exchange: register with a council, sign in and
out. No email is sent; the council's staff verify each organisation themselves."""

from flask import Blueprint, current_app, redirect, render_template, request, url_for

from forms.exchange import RegisterForm
from forms.staff import SignInForm
from store.exchange_organisations import (
    OrganisationExists,
    authenticate_organisation,
    register_organisation,
)
from web.common import limits, security
from web.common.councils import council_from_query, use_council
from web.common.db import get_db
from web.common.sign_in import attempt_sign_in, safe_next
from web.exchange import auth as exchange_auth

bp = Blueprint("exchange_accounts", __name__, url_prefix="/exchange")
ADVICE = "email the council if you have forgotten your password"


@bp.route("/<council_id>/register", methods=["GET", "POST"])
@limits.rate_limited(limits.REGISTER)
@security.not_stored
def register(council_id: str):
    """Create an organisation's account with this council; its needs stay off the public
    board until staff verify it. Whether or not the email address already had an account,
    the answer is the same, the sign-in page ("registered"), so nobody can find out whose
    address has one."""
    pack = use_council(council_id)
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            organisation = register_organisation(
                get_db(),
                council_id=pack.id,
                name=form.name.data,
                number=form.number.data,
                address=form.address.data,
                postcode=form.postcode.data,
                contact_name=form.contact_name.data,
                email=form.email.data,
                password=form.password.data,
            )
        except OrganisationExists:
            current_app.logger.info("A registration for an address that has an account")
        else:
            current_app.logger.info("Organisation %s registered", organisation.id)
        return redirect(url_for(".sign_in", council=pack.id, registered=1), 303)
    status = 400 if form.errors else 200
    return render_template("exchange/register.html", form=form), status


@bp.route("/sign-in", methods=["GET", "POST"])
@limits.rate_limited(limits.SIGN_IN)
@security.not_stored
def sign_in():
    """Sign an organisation in (locked after repeated wrong passwords, like staff)."""
    council_from_query()
    form = SignInForm()
    if form.validate_on_submit():
        organisation, problem = attempt_sign_in(
            "organisation", form.email.data, form.password.data, authenticate_organisation, ADVICE
        )
        if organisation:
            exchange_auth.sign_in(organisation)
            current_app.logger.info("Organisation %s signed in", organisation.id)
            fallback = url_for("exchange_needs.index")
            return redirect(safe_next(request.args.get("next"), fallback), 303)
        form.email.errors.append(problem)
    status = 400 if form.errors else 200
    return render_template("exchange/sign_in.html", form=form), status


@bp.post("/sign-out")
def sign_out():
    """Sign the organisation out, everywhere it is signed in."""
    exchange_auth.sign_out()
    return redirect(url_for("exchange_accounts.signed_out"), 303)


@bp.get("/signed-out")
def signed_out():
    """Confirm that the organisation has signed out."""
    return render_template("exchange/signed_out.html")
