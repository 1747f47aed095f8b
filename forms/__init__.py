"""WTForms classes, one per page or concern, with messages written for the user."""
