"""The test suite.

No test keeps compiled patterns between runs: the suite turns the pattern cache off before
anything imports the package, so that it writes nothing to the user's cache directory and every
pattern is compiled from its text. ``tests/test_pattern_cache.py`` tries the cache in
directories of its own.
"""

import os

os.environ["TEI_PLENUM_CACHE_DIR"] = ""
