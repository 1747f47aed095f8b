"""Pages for anyone: the start page and static pages, help, and each council's plan on a page."""

from web.public import help, pages, plan

BLUEPRINTS = (pages.bp, help.bp, plan.bp)
