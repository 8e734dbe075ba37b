from fieldvisit.app import main

raise SystemExit(main())
