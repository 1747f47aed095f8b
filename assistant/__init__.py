"""The conversation engine: a rule-based question flow, as pure Python (no Flask, no SQL)."""
