"""`python -m fieldvisit`: the same as the `fieldvisit` command."""

from fieldvisit.app import main

raise SystemExit(main())
