"""`python -m riskdocs` runs the command-line interface."""

from riskdocs.cli import main

if __name__ == "__main__":
    main()
