"""advisor: find the right kind of help in the health-care system."""

__version__ = "0.1.0"
