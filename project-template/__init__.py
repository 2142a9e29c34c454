"""The project template `riskdocs init` copies (this file lets setuptools map the folder; init skips it)."""
