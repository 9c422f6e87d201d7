"""`python -m isnad`: the same as the `isnad` command."""
from isnad.cli.main import main

main()
