"""One module per output format (terminal, markdown, html, json), plus the console and files."""
