"""Who may do what (pure Python): staff roles and what each may do, and who sees whose scores."""
