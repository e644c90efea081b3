"""python -m cleannews.training {align,features,cv,train} ... (see each --help)."""

from cleannews.training.cli import main

raise SystemExit(main())
