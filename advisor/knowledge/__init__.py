"""The knowledge base: data/*.json read into validated pydantic objects. Nothing here prints."""
