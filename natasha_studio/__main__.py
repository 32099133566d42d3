from natasha_studio.cli import main

raise SystemExit(main())
