"""The community needs exchange: local organisations' accounts and needs, and the public board."""

from web.exchange import accounts, board, needs

BLUEPRINTS = (board.bp, accounts.bp, needs.bp)
