"""`python -m kg`: the same CLI as `kg`."""
from .cli import main

main()
