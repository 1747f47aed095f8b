"""The structured offer: model and schema, checks, narrative and exports (pure Python)."""
