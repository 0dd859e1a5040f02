"""French catalogue. Keys are the English source strings; values use the profession's own words.

Two parts, written side by side: ``fr_methods`` (the methods and the domain core: ``methods/``,
``rca/model.py``, ``causes.py``, ``actions.py``, ``demo.py``) and ``fr_app`` (everything else: the TUI,
the CLI, the store, the follow-up, the exports). Where both translate a string, ``fr_app`` wins.
Typography: « » with a non-breaking space inside, a non-breaking space (U+00A0) before : and %, a narrow
one (U+202F) before ; ? ! — ``tests/unit/test_i18n_catalogue.py`` checks it and the placeholders.
"""

from rca.locales import fr_app

try:
    from rca.locales import fr_methods
except ImportError:  # the other half of the catalogue has not landed yet
    _METHODS: dict[str, str] = {}
else:
    _METHODS = fr_methods.MESSAGES

MESSAGES: dict[str, str] = {**_METHODS, **fr_app.MESSAGES}
