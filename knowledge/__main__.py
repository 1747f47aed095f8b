"""`python -m knowledge check | search | suggest`: see knowledge/cli.py."""

import signal
import sys

from knowledge.cli import main

# Piped into `head` or `less`, stop quietly when the reader closes the pipe.
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
sys.exit(main())
