"""The inter-process lock of a workspace, and who holds it.

``flock`` (through filelock) on ``<file>.lock``: the OS releases it when its holder dies, so a crashed
writer never blocks the others. After taking it, the holder writes ``<file>.lock.info`` (user, host,
pid, since) so that a writer who waits too long is told who is working. A holder killed outright
leaves that file behind: information naming a process of this host that is no longer alive is not
believed (the lock may be held by someone else who could not write theirs).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path

import orjson
from filelock import FileLock, Timeout

from rca import paths
from rca.errors import WorkspaceBusy
from rca.i18n import _
from rca.store_disk import unwritable


class WorkspaceLock:
    """The lock of one workspace file (reentrant in one thread; one holder across processes)."""

    def __init__(self, workspace: Path, *, user: str) -> None:
        self.workspace = workspace
        self.user = user
        self.path = paths.lock_path(workspace)
        self.info_path = self.path.with_name(self.path.name + ".info")
        # flock is polled: a short interval keeps the lock busy when several writers queue for it.
        self._lock = FileLock(self.path, poll_interval=0.005)

    @contextmanager
    def held(self, timeout: float) -> Iterator[None]:
        """Hold the lock, waiting at most ``timeout`` seconds (``WorkspaceBusy`` names the holder)."""
        try:
            self._lock.acquire(timeout=timeout)
        except Timeout:
            raise WorkspaceBusy(
                _("workspace {path} is busy (held by {holder}); try again in a moment",
                  path=self.workspace, holder=self.holder()),
                path=self.workspace,
            ) from None
        except OSError as error:
            raise unwritable(self.path, error) from error
        try:
            with suppress(OSError):
                self.info_path.write_bytes(orjson.dumps({
                    "user": self.user, "host": socket.gethostname(), "pid": os.getpid(),
                    "since": datetime.now(UTC).isoformat(timespec="seconds"),
                }))
            yield
        finally:
            # Removed before the release, so the next holder's information is never deleted.
            with suppress(OSError):
                self.info_path.unlink()
            self._lock.release()

    def still_held(self) -> bool:
        """Whether the lock file is still the one this process locked (call it while holding the lock).

        flock locks a file, not a name: if someone deletes or replaces ``<file>.lock`` while a change is
        running (a tidy user, a sync client), the next writer creates a new one and gets in at once. The
        change running then must not be written over the other one's. True when this cannot be told (a
        lock backend without a descriptor).
        """
        context = getattr(self._lock, "_context", None)  # filelock keeps the locked descriptor there
        descriptor = getattr(context, "lock_file_fd", None)
        if not isinstance(descriptor, int):
            return True
        try:
            locked, named = os.fstat(descriptor), os.stat(self.path)
        except FileNotFoundError:
            return False
        except OSError:
            return True
        return (locked.st_dev, locked.st_ino) == (named.st_dev, named.st_ino)

    def lost_error(self) -> WorkspaceBusy:
        """The error for a change whose lock file was deleted or replaced while it ran: nothing was saved."""
        return WorkspaceBusy(
            _("the lock file {lock} was deleted or replaced while this change was being saved, so someone else "
              "may have been saving at the same time; nothing was saved, try again (and do not delete .lock "
              "files while rca runs)", lock=self.path),
            path=self.workspace,
        )

    def holder(self) -> str:
        """Who holds the lock, from the information file the holder wrote (unless its process is dead)."""
        try:
            info = orjson.loads(self.info_path.read_bytes())
            if info["host"] == socket.gethostname() and not _alive(int(info["pid"])):
                return _("another process")
            since = datetime.fromisoformat(info["since"]).astimezone()
            shown = since.strftime("%H:%M:%S" if since.date() == date.today() else "%Y-%m-%d %H:%M")
            return _("{user} on {host} since {time}", user=info["user"], host=info["host"], time=shown)
        except (OSError, ValueError, KeyError, TypeError):
            return _("another process")


def _alive(pid: int) -> bool:
    """Whether a process of this host is running (a pid may be reused: then it is wrongly thought alive,
    which only costs a less precise message)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True
