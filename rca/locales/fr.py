"""French catalogue. Keys are the English source strings; values use the profession's own words.

The complete catalogue is its own piece of work (issue "Français"); entries are added as strings appear.
"""

MESSAGES: dict[str, str] = {}
