"""Former name of bench/ocr_fields.py (design §9 names that one): runs it with the same arguments.

    python bench/prefill_accuracy.py [--pages 48] [--workers 2] [--seed 7] [--json] [--show-misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ocr_fields import main  # the bench folder is not a package

if __name__ == "__main__":
    sys.exit(main())
