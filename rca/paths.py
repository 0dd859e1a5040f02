"""Where rca keeps things: small functions over platformdirs, each overridable by an environment variable.

Tests set these variables (see ``tests/conftest.py``) so they never touch the real home directory.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "rca"


def _from_env(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """The folder of the default workspace (``RCA_DATA_DIR`` overrides)."""
    return _from_env("RCA_DATA_DIR") or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder of ``config.toml`` (keymap, theme, language); ``RCA_CONFIG_DIR`` overrides."""
    return _from_env("RCA_CONFIG_DIR") or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The user's configuration file."""
    return config_dir() / "config.toml"


def default_workspace() -> Path:
    """The workspace used when neither ``--workspace`` nor ``RCA_WORKSPACE`` is given."""
    return data_dir() / "workspace.json"


def workspace_path(option: str | os.PathLike[str] | None = None) -> Path:
    """The workspace to open: the ``--workspace`` option, then ``RCA_WORKSPACE``, then the default."""
    if option:
        return Path(option).expanduser()
    return _from_env("RCA_WORKSPACE") or default_workspace()


def backups_dir(workspace: Path) -> Path:
    """Backups of a workspace live beside it, so they travel with it on a shared drive."""
    return workspace.with_name(workspace.name + ".backups")


def lock_path(workspace: Path) -> Path:
    """The inter-process lock file of a workspace."""
    return workspace.with_name(workspace.name + ".lock")


def demo_dir() -> Path:
    """Where ``rca demo`` puts its fresh copies (``RCA_DEMO_DIR`` overrides)."""
    return _from_env("RCA_DEMO_DIR") or Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "demo"
