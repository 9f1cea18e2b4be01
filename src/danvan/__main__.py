"""``python -m danvan``."""

from danvan.cli import main

raise SystemExit(main())
