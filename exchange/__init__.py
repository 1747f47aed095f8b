"""The community needs exchange (pure Python): which council measures a need can ask for, how
a need's status changes, and filtering the public board."""
