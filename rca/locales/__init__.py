"""Translation catalogues, one module per language, each a ``MESSAGES`` dict from English to the language."""
