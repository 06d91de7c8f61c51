"""``python -m lab up|down|status`` - see lab/launcher.py."""
import sys

from lab.launcher import main

sys.exit(main())
