"""GOV.UK Frontend widgets for fields that are a group (radios, checkboxes, a date), keeping
the field's label as the fieldset's legend when a template styles the legend, leaving out an
empty hint, and keeping `required` off the group's `div` (govuk-frontend-wtf drops the legend's
text when a template passes `fieldset.legend.classes`, renders an empty hint the group is
described by, and puts `required` on a date's wrapper)."""

from govuk_frontend_wtf import wtforms_widgets as gov


class _NoEmptyHint:
    """No hint unless it says something."""

    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        hint = params.get("hint")
        if hint is not None and not hint.get("text") and not hint.get("html"):
            params["hint"] = None
        return params


class _Grouped(_NoEmptyHint):
    """The label as the legend's text unless the template gives one; no `required` on the
    group's wrapper (a `div` cannot be required: each input is)."""

    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        (params.get("attributes") or {}).pop("required", None)
        legend = params.setdefault("fieldset", {}).setdefault("legend", {})
        if not legend.get("text") and not legend.get("html"):
            legend["text"] = field.label.text
        return params


class GovRadioInput(_Grouped, gov.GovRadioInput):
    """Radios, with their legend."""


class GovCheckboxesInput(_Grouped, gov.GovCheckboxesInput):
    """Checkboxes for several choices, with their legend."""


class GovDateInput(_Grouped, gov.GovDateInput):
    """Day, month and year, with their legend."""


class GovCheckboxInput(_NoEmptyHint, gov.GovCheckboxInput):
    """One checkbox (a yes-or-no field), with no fieldset of its own."""


class GovSelect(_NoEmptyHint, gov.GovSelect):
    """A select. `required` only when its first option is an empty prompt ("Choose…"): a
    select that opens on a real choice always sends one, and the HTML standard allows
    `required` only with a placeholder option."""

    def map_gov_params(self, field, **kwargs):
        params = super().map_gov_params(field, **kwargs)
        first = next(iter(field.iter_choices()), None)
        if first is None or first[0] not in ("", None):
            (params.get("attributes") or {}).pop("required", None)
        return params
