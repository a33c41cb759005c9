"""A small in-memory file system that the simulated commands see.

It looks like a Debian machine from the inside: the learner's home
``/home/learner`` (the working directory of every process the program
starts), ``/tmp``, ``/etc/hostname``, ``/dev/null``, the programs in
``/usr/bin`` (with ``/bin`` a symbolic link to it, as on merged-/usr
systems) and the exercise's own programs in ``/usr/local/bin``.

Errors are the ``OSError`` subclasses a real system call raises, with
Linux's errno numbers and messages written out, because the WebAssembly
build numbers its errno values differently.
"""

import posixpath
import stat as _stat
from dataclasses import dataclass

__all__ = ["VirtualFileSystem", "FileStat", "HOME", "USER"]

HOME = "/home/learner"
USER = "learner"

_ROOT = "root"

#: Linux's errno values and messages for the errors this file system raises.
_ERRORS = {
    "ENOENT": (FileNotFoundError, 2, "No such file or directory"),
    "EACCES": (PermissionError, 13, "Permission denied"),
    "EEXIST": (FileExistsError, 17, "File exists"),
    "ENOTDIR": (NotADirectoryError, 20, "Not a directory"),
    "EISDIR": (IsADirectoryError, 21, "Is a directory"),
    "ENOTEMPTY": (OSError, 39, "Directory not empty"),
    "ELOOP": (OSError, 40, "Too many levels of symbolic links"),
}

#: How many symbolic links one lookup may follow (Linux's limit).
_MAX_SYMLINKS = 40

_DAYS = 86400.0


def _error(name, path):
    kind, number, message = _ERRORS[name]
    return kind(number, message, path)


class _Node:
    """An inode: what a directory entry points to."""

    def __init__(self, mode, owner, mtime):
        #: file type and permission bits, as in ``st_mode``
        self.mode = mode
        self.owner = owner
        self.mtime = mtime

    @property
    def is_dir(self):
        return _stat.S_ISDIR(self.mode)

    @property
    def is_file(self):
        return _stat.S_ISREG(self.mode)

    @property
    def is_symlink(self):
        return _stat.S_ISLNK(self.mode)

    @property
    def is_executable(self):
        return bool(self.mode & 0o111)


class _Directory(_Node):
    def __init__(self, owner, mtime, mode=0o755):
        super().__init__(_stat.S_IFDIR | mode, owner, mtime)
        self.entries = {}

    @property
    def size(self):
        return 4096


class _File(_Node):
    def __init__(self, owner, mtime, data=b"", mode=0o644, command=None):
        super().__init__(_stat.S_IFREG | mode, owner, mtime)
        self.data = bytearray(data)
        #: for programs: the simulated ``Command`` that runs
        self.command = command

    @property
    def size(self):
        return len(self.data)


class _Symlink(_Node):
    def __init__(self, owner, mtime, target):
        super().__init__(_stat.S_IFLNK | 0o777, owner, mtime)
        self.target = target

    @property
    def size(self):
        return len(self.target.encode())


class _Device(_Node):
    """A character device; only ``/dev/null`` exists."""

    def __init__(self, owner, mtime, major, minor):
        super().__init__(_stat.S_IFCHR | 0o666, owner, mtime)
        self.major = major
        self.minor = minor

    @property
    def size(self):
        return 0


@dataclass(frozen=True)
class FileStat:
    """What ``stat`` says about a path."""

    path: str
    #: file type and permission bits, as in ``os.stat_result.st_mode``
    mode: int
    size: int
    #: modification time, a POSIX timestamp on the virtual clock
    mtime: float
    owner: str
    group: str
    links: int
    #: for a symbolic link (seen without following it): where it points
    target: str | None = None
    #: for a device: (major, minor)
    device: tuple[int, int] | None = None

    @property
    def is_dir(self):
        return _stat.S_ISDIR(self.mode)

    @property
    def is_file(self):
        return _stat.S_ISREG(self.mode)

    @property
    def is_symlink(self):
        return _stat.S_ISLNK(self.mode)

    @property
    def blocks(self):
        """Space used, in 1 KiB blocks, as ext4 allocates it (4 KiB at a time)."""
        if self.is_file or self.is_dir:
            return -(-self.size // 4096) * 4
        return 0


class VirtualFileSystem:
    """The files and directories of the simulated machine.

    Paths given to the fixture methods (``write``, ``read``...) may be
    relative: they are relative to the home directory, the working
    directory of the learner's processes.
    """

    def __init__(self, clock):
        self._clock = clock
        # What exists before anything runs is dated before the virtual
        # epoch (whenever this is built), so `ls -l` looks like a machine
        # in use and is the same in every run.
        past = clock.EPOCH - 3 * _DAYS
        self._root = _Directory(_ROOT, past - 30 * _DAYS)
        for path in ("/dev", "/etc", "/home", "/usr", "/usr/bin", "/usr/local", "/usr/local/bin"):
            self._make_directory(path, _ROOT, past - 30 * _DAYS)
        self._make_directory("/tmp", _ROOT, past, mode=0o1777)
        self._make_directory(HOME, USER, past)
        self._link("/bin", "usr/bin", past - 30 * _DAYS)
        self._add("/dev/null", _Device(_ROOT, past, 1, 3))
        self._add("/etc/hostname", _File(_ROOT, past - 30 * _DAYS, b"sandbox\n"))
        for name, text, age in (
            (".bashrc", "# ~/.bashrc: executed by bash for interactive shells.\n"
                        "alias ll='ls -l'\n", 30),
            (".profile", "# ~/.profile: executed by the login shell.\n"
                         "PATH=\"$HOME/.local/bin:$PATH\"\n", 30),
            ("notes.txt", "asyncio runs one thing at a time.\n"
                          "await hands control back to the event loop.\n"
                          "gather runs awaitables concurrently.\n", 2),
            ("todo.txt", "read about tasks\ntry asyncio.gather\nwrite a timeout\n", 1),
        ):
            self._add(posixpath.join(HOME, name), _File(USER, past + (3 - age) * _DAYS, text.encode()))
        self.lookup(HOME, "/").mtime = past + 2 * _DAYS

    # Fixture API

    def write(self, path, content, *, executable=False, mtime=None):
        """Create or replace a file, creating missing directories.

        ``content`` is text (stored as UTF-8) or bytes; ``executable`` sets
        the execute bits, so that a script starting with ``#!/bin/sh`` can
        be run as a program. ``mtime`` (a POSIX timestamp) defaults to the
        virtual time now.
        """
        path = self.absolute(path)
        data = content.encode() if isinstance(content, str) else bytes(content)
        when = self._clock.wall() if mtime is None else mtime
        parent = self._ensure_directories(posixpath.dirname(path), when)
        name = posixpath.basename(path)
        mode = 0o755 if executable else 0o644
        node = parent.entries.get(name)
        if node is not None and node.is_dir:
            raise _error("EISDIR", path)
        owner = USER if path.startswith(HOME + "/") or path.startswith("/tmp/") else _ROOT
        parent.entries[name] = _File(owner, when, data, mode)
        parent.mtime = when

    def read(self, path):
        """The text of a file (UTF-8)."""
        return self.read_bytes(path).decode("utf-8", "replace")

    def read_bytes(self, path):
        """The content of a file (``/dev/null`` reads as empty)."""
        path = self.absolute(path)
        node = self.lookup(path, HOME)
        if node.is_dir:
            raise _error("EISDIR", path)
        return bytes(node.data) if node.is_file else b""

    def exists(self, path):
        try:
            self.lookup(self.absolute(path), HOME)
        except OSError:
            return False
        return True

    def is_dir(self, path):
        return self.exists(path) and self.stat(path).is_dir

    def is_file(self, path):
        return self.exists(path) and self.stat(path).is_file

    def listdir(self, path="."):
        """Names in a directory, sorted as ``ls`` sorts them."""
        node = self.lookup(self.absolute(path), HOME)
        if not node.is_dir:
            raise _error("ENOTDIR", path)
        return sorted(node.entries)

    def mkdir(self, path):
        """Create a directory and any missing parents (``mkdir -p``)."""
        self._ensure_directories(self.absolute(path), self._clock.wall())

    def remove(self, path):
        """Remove a file, or an empty directory."""
        self.unlink(self.absolute(path), HOME, directory=None)

    def stat(self, path, *, follow=True):
        return self.stat_at(self.absolute(path), HOME, follow=follow)

    def absolute(self, path, cwd=HOME):
        """``path`` made absolute (against ``cwd``) and normalized."""
        path = str(path)
        if path.startswith("~"):
            path = HOME + path[1:]
        return posixpath.normpath(posixpath.join(cwd, path))

    # Used by the commands: every path is resolved against the process's
    # working directory, and errors are raised as a system call raises them.

    def lookup(self, path, cwd, *, follow=True):
        """The node at ``path``; ``follow=False`` does not follow a final link."""
        node, _ = self._resolve(path, cwd, follow, 0)
        return node

    def stat_at(self, path, cwd, *, follow=True):
        node = self.lookup(path, cwd, follow=follow)
        links = 1
        if node.is_dir:
            links = 2 + sum(1 for child in node.entries.values() if child.is_dir)
        return FileStat(
            path=path, mode=node.mode, size=node.size, mtime=node.mtime,
            owner=node.owner, group=node.owner, links=links,
            target=node.target if node.is_symlink else None,
            device=(node.major, node.minor) if isinstance(node, _Device) else None)

    def entries_at(self, path, cwd):
        """The sorted names in a directory."""
        node = self.lookup(path, cwd)
        if not node.is_dir:
            raise _error("ENOTDIR", path)
        return sorted(node.entries)

    def open_file(self, path, cwd, mode):
        """The node to read (``"r"``), truncate (``"w"``) or append to (``"a"``).

        Creates the file for ``"w"`` and ``"a"``; a device is returned as
        is (the only one, ``/dev/null``, reads nothing and swallows writes).
        """
        try:
            node = self.lookup(path, cwd)
        except FileNotFoundError:
            if mode == "r":
                raise
            parent = self._parent(path, cwd)
            if not self._writable(parent):
                raise _error("EACCES", path) from None
            node = _File(USER, self._clock.wall())
            parent.entries[posixpath.basename(posixpath.normpath(path))] = node
            parent.mtime = node.mtime
            return node
        if node.is_dir:
            raise _error("EISDIR", path)
        if mode != "r" and node.is_file:
            if node.owner != USER:
                raise _error("EACCES", path)
            if mode == "w":
                node.data.clear()
                node.mtime = self._clock.wall()
        return node

    def touched(self, node):
        """Record that ``node``'s content just changed."""
        node.mtime = self._clock.wall()

    def make_directory(self, path, cwd, *, parents=False):
        path = self.absolute(path, cwd)
        if parents:
            self._ensure_directories(path, self._clock.wall())
            return
        parent = self._parent(path, cwd)
        name = posixpath.basename(path)
        if name in parent.entries:
            raise _error("EEXIST", path)
        if not self._writable(parent):
            raise _error("EACCES", path)
        parent.entries[name] = _Directory(USER, self._clock.wall())
        parent.mtime = self._clock.wall()

    def unlink(self, path, cwd, *, directory=False):
        """Remove a file (``directory=False``), an empty directory
        (``True``) or either (``None``)."""
        parent = self._parent(path, cwd)
        name = posixpath.basename(posixpath.normpath(path))
        node = parent.entries.get(name)
        if node is None:
            raise _error("ENOENT", path)
        if node.is_dir:
            if directory is False:
                raise _error("EISDIR", path)
            if node.entries:
                raise _error("ENOTEMPTY", path)
        elif directory is True:
            raise _error("ENOTDIR", path)
        if not self._writable(parent):
            raise _error("EACCES", path)
        del parent.entries[name]
        parent.mtime = self._clock.wall()

    def rename(self, source, target, cwd):
        """Move a file or directory (``rename(2)``)."""
        source_parent = self._parent(source, cwd)
        name = posixpath.basename(posixpath.normpath(source))
        node = source_parent.entries.get(name)
        if node is None:
            raise _error("ENOENT", source)
        target_parent = self._parent(target, cwd)
        target_name = posixpath.basename(posixpath.normpath(target))
        existing = target_parent.entries.get(target_name)
        if existing is not None and existing.is_dir != node.is_dir:
            raise _error("EISDIR" if existing.is_dir else "ENOTDIR", target)
        if not (self._writable(source_parent) and self._writable(target_parent)):
            raise _error("EACCES", source)
        del source_parent.entries[name]
        target_parent.entries[target_name] = node
        source_parent.mtime = target_parent.mtime = self._clock.wall()

    def install_program(self, path, command):
        """Put an executable at ``path`` that runs the simulated ``command``."""
        path = self.absolute(path)
        parent = self._ensure_directories(posixpath.dirname(path), self._clock.wall())
        # The content is only what `cat` would show of a real binary's start.
        parent.entries[posixpath.basename(path)] = _File(
            _ROOT, self._clock.EPOCH - 30 * _DAYS, b"\x7fELF\x02\x01\x01\x00", 0o755, command)

    # Internals

    def _resolve(self, path, cwd, follow, depth):
        path = posixpath.join(cwd, path)
        node = self._root
        parts = [part for part in path.split("/") if part]
        trail = []
        for index, part in enumerate(parts):
            if not node.is_dir:
                raise _error("ENOTDIR", path)
            if part == ".":
                continue
            if part == "..":
                if trail:
                    trail.pop()
                node = self._root
                for name in trail:
                    node = node.entries[name]
                continue
            child = node.entries.get(part)
            if child is None:
                raise _error("ENOENT", path)
            last = index == len(parts) - 1
            if child.is_symlink and (follow or not last):
                if depth >= _MAX_SYMLINKS:
                    raise _error("ELOOP", path)
                base = "/" + "/".join(trail)
                child, target = self._resolve(child.target, base, True, depth + 1)
                trail = [name for name in target.split("/") if name]
            else:
                trail.append(part)
            node = child
        return node, "/" + "/".join(trail)

    def _parent(self, path, cwd):
        path = posixpath.normpath(posixpath.join(cwd, path))
        parent = self.lookup(posixpath.dirname(path), "/")
        if not parent.is_dir:
            raise _error("ENOTDIR", path)
        return parent

    @staticmethod
    def _writable(directory):
        return directory.owner == USER or directory.mode & 0o002

    def _ensure_directories(self, path, when):
        node = self._root
        for part in [part for part in path.split("/") if part]:
            child = node.entries.get(part)
            if child is not None and child.is_symlink:
                child = self.lookup(child.target, "/")
            if child is None:
                owner = node.owner if node.owner == USER else _ROOT
                child = _Directory(owner, when)
                node.entries[part] = child
                node.mtime = when
            elif not child.is_dir:
                raise _error("ENOTDIR", path)
            node = child
        return node

    def _make_directory(self, path, owner, mtime, mode=0o755):
        parent = self._ensure_directories(posixpath.dirname(path), mtime)
        parent.entries[posixpath.basename(path)] = _Directory(owner, mtime, mode)

    def _add(self, path, node):
        self._ensure_directories(posixpath.dirname(path), node.mtime).entries[posixpath.basename(path)] = node

    def _link(self, path, target, mtime):
        self._add(path, _Symlink(_ROOT, mtime, target))
