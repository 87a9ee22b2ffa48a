"""Entry point: `python build.py ARGS` is `readsite ARGS`; a bare `python build.py` builds."""

from readsite.cli import main

raise SystemExit(main())
