"""The bundled example project `riskdocs demo` reports on (this file lets setuptools map the
folder into the package; the demo skips it)."""
