"""The user's configuration file (``config.toml`` in ``rca.paths.config_dir()``).

```toml
theme = "rca-projector"     # any Textual theme name
workshop = false            # start in workshop mode
[keymap]                    # binding id = key(s), see the help screen (F1) for the ids
"why.add_child" = "insert"
```
A file that does not parse is reported once and ignored: the app still starts with the defaults.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from rca import paths
from rca.i18n import _


@dataclass
class Config:
    theme: str | None = None
    workshop: bool = False
    keymap: dict[str, str] = field(default_factory=dict)
    problem: str | None = None
    """What was wrong with the file, to tell the user once."""


def load_config(path: Path | None = None) -> Config:
    path = path or paths.config_file()
    if not path.exists():
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Config(problem=_("{file}: {error}; using the default settings", file=path, error=error))
    keymap = data.get("keymap", {})
    if not isinstance(keymap, dict) or not all(isinstance(v, str) for v in keymap.values()):
        return Config(problem=_("{file}: [keymap] must map binding ids to keys, like \"why.add_child\" = "
                                "\"insert\"; using the default keys", file=path))
    theme = data.get("theme")
    return Config(theme=theme if isinstance(theme, str) else None, workshop=bool(data.get("workshop", False)),
                  keymap={str(k): v for k, v in keymap.items()})
