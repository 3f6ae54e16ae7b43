"""The package build compiles the translation catalogs, so that an installed COP Hub has them.

Everything else about the package is in pyproject.toml.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithCatalogs(build_py):
    def run(self):
        super().run()
        sys.path.insert(0, str(HERE))
        from cophub.core.catalogs import compile_catalogs

        compile_catalogs(Path(self.build_lib) / "cophub")


setup(cmdclass={"build_py": BuildWithCatalogs})
