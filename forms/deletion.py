"""The form that deletes a supplier's conversation: the button carries the CSRF token."""

from flask_wtf import FlaskForm


class DeleteConversationForm(FlaskForm):
    """Delete this conversation and offer (confirmed on its own page, so no other field)."""
