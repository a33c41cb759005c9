"""The file tools: ``ls``, ``touch``, ``mkdir``, ``rm``, ``cp`` and ``mv``."""

import math
import posixpath
import stat as _stat

from .command_support import parse_or_report, quote, shell_quote, usage_error
from .date_format import format_date
from .open_files import FileWriter

__all__ = ["ls", "touch", "mkdir", "rm", "cp", "mv"]

#: ``ls -l`` shows the time of day for files changed in the last six
#: months (a Gregorian half year), and the year for older or future ones.
_SIX_MONTHS = 31556952 / 2

_UNITS = "KMGTPE"


def _mode_string(mode):
    kinds = {_stat.S_IFDIR: "d", _stat.S_IFLNK: "l", _stat.S_IFCHR: "c", _stat.S_IFREG: "-"}
    text = kinds.get(_stat.S_IFMT(mode), "?")
    for shift in (6, 3, 0):
        bits = (mode >> shift) & 7
        text += ("r" if bits & 4 else "-") + ("w" if bits & 2 else "-") + ("x" if bits & 1 else "-")
    if mode & _stat.S_ISVTX:
        text = text[:-1] + ("t" if mode & 1 else "T")
    return text


def _human(size):
    """``ls -h``: powers of 1024, rounded up, one decimal below ten."""
    if size < 1024:
        return str(size)
    value, unit = size / 1024, 0
    while value >= 1024 and unit < len(_UNITS) - 1:
        value /= 1024
        unit += 1
    if value < 10 and math.ceil(value * 10) < 100:
        return f"{math.ceil(value * 10) / 10:.1f}{_UNITS[unit]}"
    return f"{math.ceil(value)}{_UNITS[unit]}"


def _classify(info):
    if info.is_dir:
        return "/"
    if info.is_symlink:
        return "@"
    if info.is_file and info.mode & 0o111:
        return "*"
    return ""


class _Listing:
    """The options of one ``ls`` run and how they render entries."""

    def __init__(self, flags, now):
        self.flags = flags
        self.now = now

    def order(self, entries):
        """Entries ``(name, info)`` in the order ``ls`` prints them."""
        entries = sorted(entries, key=lambda entry: entry[0].encode("utf-8", "surrogateescape"))
        if "t" in self.flags:
            entries.sort(key=lambda entry: -entry[1].mtime)
        elif "S" in self.flags:
            entries.sort(key=lambda entry: -entry[1].size)
        if "r" in self.flags:
            entries.reverse()
        return entries

    def size(self, info):
        if info.device is not None:
            return f"{info.device[0]}, {info.device[1]}"
        return _human(info.size) if "h" in self.flags else str(info.size)

    def when(self, mtime):
        recent = self.now - _SIX_MONTHS < mtime <= self.now
        return format_date("%b %e %H:%M" if recent else "%b %e  %Y", mtime)

    def render(self, entries):
        """The lines for ``entries``, in long format if asked for."""
        suffix = _classify if "F" in self.flags else lambda info: ""
        if "l" not in self.flags:
            return [name + suffix(info) for name, info in entries]
        rows = [(_mode_string(info.mode), str(info.links), info.owner, info.group, self.size(info),
                 self.when(info.mtime), name + suffix(info)
                 + (f" -> {info.target}" if info.target is not None else ""))
                for name, info in entries]
        widths = [max((len(row[column]) for row in rows), default=0) for column in range(5)]
        return [f"{mode} {links.rjust(widths[1])} {owner.ljust(widths[2])} {group.ljust(widths[3])} "
                f"{size.rjust(widths[4])} {when} {name}"
                for mode, links, owner, group, size, when, name in rows]

    def total(self, entries):
        blocks = sum(info.blocks for _, info in entries)
        return f"total {_human(blocks * 1024) if 'h' in self.flags else blocks}"


async def ls(ctx):
    parsed = await parse_or_report(ctx, "1aAdFhlrSt", {
        "all": ("a", False), "almost-all": ("A", False), "directory": ("d", False),
        "classify": ("F", False), "human-readable": ("h", False), "reverse": ("r", False),
        "color": ("color", False)}, status=2,
        args=[arg.split("=")[0] if arg.startswith("--colo") else arg for arg in ctx.args])
    if parsed is None:
        return 2
    options, operands = parsed
    flags = {key for key, _ in options}
    listing = _Listing(flags, ctx.now())
    status = 0
    files, directories = [], []
    # Named on the command line, a symbolic link is followed, except by the
    # long and classifying formats and -d (unless the name ends with "/").
    follow = not flags & {"l", "d", "F"}
    for operand in operands or ["."]:
        try:
            info = ctx.files.stat_at(operand, ctx.cwd, follow=follow or operand.endswith("/"))
        except OSError as error:
            await ctx.error(f"cannot access {shell_quote(operand)}: {error.strerror}")
            status = 2
            continue
        if info.is_dir and "d" not in flags:
            directories.append((operand, info))
        else:
            files.append((operand, info))
    blocks = []
    if files:
        blocks.append(listing.render(listing.order(files)))
    headers = len(operands) > 1
    for name, _ in listing.order(directories):
        entries = []
        for entry in ctx.files.entries_at(name, ctx.cwd):
            if entry.startswith(".") and not flags & {"a", "A"}:
                continue
            entries.append((entry, ctx.files.stat_at(posixpath.join(name, entry), ctx.cwd, follow=False)))
        if "a" in flags:
            entries.append((".", ctx.files.stat_at(name, ctx.cwd)))
            entries.append(("..", ctx.files.stat_at(posixpath.join(name, ".."), ctx.cwd)))
        entries = listing.order(entries)
        lines = [f"{name}:"] if headers else []
        if "l" in flags:
            lines.append(listing.total(entries))
        blocks.append(lines + listing.render(entries))
    await ctx.stdout.write("\n\n".join("\n".join(block) for block in blocks if block)
                           + ("\n" if any(blocks) else ""))
    return status


async def touch(ctx):
    parsed = await parse_or_report(ctx, "c", {"no-create": ("c", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    if not operands:
        return await usage_error(ctx, "missing file operand")
    status = 0
    for operand in operands:
        try:
            if options and not ctx.files.exists(ctx.path(operand)):
                continue
            node = ctx.files.open_file(operand, ctx.cwd, "a")
            ctx.files.touched(node)
        except OSError as error:
            await ctx.error(f"cannot touch {shell_quote(operand)}: {error.strerror}")
            status = 1
    return status


async def mkdir(ctx):
    parsed = await parse_or_report(ctx, "p", {"parents": ("p", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    if not operands:
        return await usage_error(ctx, "missing operand")
    status = 0
    for operand in operands:
        try:
            ctx.files.make_directory(operand, ctx.cwd, parents=bool(options))
        except OSError as error:
            await ctx.error(f"cannot create directory {quote(operand)}: {error.strerror}")
            status = 1
    return status


async def rm(ctx):
    parsed = await parse_or_report(ctx, "frRd", {
        "force": ("f", False), "recursive": ("r", False), "dir": ("d", False)})
    if parsed is None:
        return 1
    options, operands = parsed
    flags = {key.lower() for key, _ in options}
    if not operands and "f" not in flags:
        return await usage_error(ctx, "missing operand")
    status = 0
    for operand in operands:
        try:
            _remove(ctx, operand, flags)
        except OSError as error:
            if isinstance(error, FileNotFoundError) and "f" in flags:
                continue
            await ctx.error(f"cannot remove {shell_quote(operand)}: {error.strerror}")
            status = 1
    return status


def _remove(ctx, path, flags):
    info = ctx.files.stat_at(path, ctx.cwd, follow=False)
    if info.is_dir and "r" in flags:
        for entry in ctx.files.entries_at(path, ctx.cwd):
            _remove(ctx, posixpath.join(path, entry), flags)
    ctx.files.unlink(path, ctx.cwd, directory=None if flags & {"r", "d"} else False)


async def _copy_or_move(ctx, move):
    parsed = await parse_or_report(ctx, "f" if move else "fr", {"force": ("f", False)})
    if parsed is None:
        return 1
    _, operands = parsed
    if not operands:
        return await usage_error(ctx, "missing file operand")
    if len(operands) == 1:
        return await usage_error(ctx, f"missing destination file operand after {shell_quote(operands[0])}")
    *sources, target = operands
    into = ctx.files.exists(ctx.path(target)) and ctx.files.is_dir(ctx.path(target))
    if len(sources) > 1 and not into:
        await ctx.error(f"target {shell_quote(target)} is not a directory")
        return 1
    status = 0
    for source in sources:
        destination = posixpath.join(target, posixpath.basename(source.rstrip("/"))) if into else target
        try:
            info = ctx.files.stat_at(source, ctx.cwd)
        except OSError as error:
            await ctx.error(f"cannot stat {shell_quote(source)}: {error.strerror}")
            status = 1
            continue
        if info.is_dir and not move:
            await ctx.error(f"-r not specified; omitting directory {shell_quote(source)}")
            status = 1
            continue
        try:
            if move:
                ctx.files.rename(source, destination, ctx.cwd)
            else:
                data = bytes(ctx.files.open_file(source, ctx.cwd, "r").data)
                node = ctx.files.open_file(destination, ctx.cwd, "w")
                await FileWriter(node, ctx.files, append=False).write(data)
        except OSError as error:
            verb = "move" if move else "create regular file"
            await ctx.error(f"cannot {verb} {shell_quote(destination)}: {error.strerror}")
            status = 1
    return status


async def cp(ctx):
    return await _copy_or_move(ctx, move=False)


async def mv(ctx):
    return await _copy_or_move(ctx, move=True)
