"""`python -m trainer` is `webcare`."""

import sys

from trainer.cli import main

sys.exit(main())
