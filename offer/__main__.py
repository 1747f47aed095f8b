"""`python -m offer check FILE|- [--json]`: see offer/cli.py."""

import sys

from offer.cli import main

sys.exit(main())
