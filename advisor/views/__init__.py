"""One module per command: a result becomes a View (advisor/document.py), the
document and the JSON of the same result, citing the same sources."""
