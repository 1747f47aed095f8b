"""`python -m knowledge check | search | suggest`: see knowledge/cli.py."""

import sys

from knowledge.cli import main

sys.exit(main())
