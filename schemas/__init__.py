"""riskdocs JSON Schemas, shipped as package data (this file lets setuptools map the folder)."""
