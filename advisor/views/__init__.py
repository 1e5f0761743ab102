"""One module per command: a result becomes a format-neutral Document (views/blocks.py)."""
