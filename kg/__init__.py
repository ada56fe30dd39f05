"""kg — a knowledge graph of the Bali Process built from news articles."""

__version__ = "0.1.0"
