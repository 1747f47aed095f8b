"""After award (pure Python): a contract's KPI schedule, reporting periods, ratings of delivery
against what was promised, the annual assessment and the council's social value budget."""
