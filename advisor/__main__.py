"""Allow `python -m advisor`."""

import sys

try:
    from advisor.entry import main
except KeyboardInterrupt:  # Ctrl-C in the first milliseconds
    sys.stderr.write("\nInterrupted.\n")
    raise SystemExit(130) from None

main()
