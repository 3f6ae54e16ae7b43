"""What a serving process imports.

django-ninja imports `django.test.signals` for the signal sent when a setting changes. Importing
it loads its package first, and `django/test/__init__.py` loads the whole test framework: the test
client, the test cases, unittest, xml.dom (about 7 MB in every worker). The signal module itself
needs none of it. `signals_without_the_test_framework` loads Django's own `django/test/signals.py`
under its own name, so that the package is not loaded on its account; a later `import
django.test` (the test suite's) loads the package as usual and finds this same module.
"""

import importlib.util
import sys
from pathlib import Path

SIGNALS = "django.test.signals"


def signals_without_the_test_framework() -> None:
    if SIGNALS in sys.modules or "django.test" in sys.modules:
        return
    import django

    path = Path(django.__file__).parent / "test" / "signals.py"
    spec = importlib.util.spec_from_file_location(SIGNALS, path)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules[SIGNALS] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[SIGNALS]
        raise
