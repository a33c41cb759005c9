"""Command-line options parsed as GNU ``getopt_long`` parses them.

Short options cluster (``-la``), take their argument attached or as the
next word (``-n5``, ``-n 5``), long options may be abbreviated and take
``--name=value``; options may come after operands, and ``--`` ends them.
Mistakes produce getopt's own messages.
"""

__all__ = ["UsageError", "parse_options"]


class UsageError(Exception):
    """A command line the command cannot accept; the message is getopt's."""


def parse_options(args, short, long=None):
    """Split ``args`` into ``(options, operands)``.

    ``short`` lists the short option letters, each followed by ``:`` when
    it takes an argument (``"n:qv"``), or ``::`` when the argument is
    optional and can only be attached (``-Iseconds``). ``long`` maps long
    names to ``(key, takes_argument)``, where ``takes_argument`` may also
    be ``"optional"`` (only as ``--name=value``); the key is what the
    option is reported as, usually its short letter. ``options`` is a list
    of ``(key, value)`` pairs in command-line order (``value`` None for
    flags and for optional arguments left out).
    """
    long = long or {}
    options = []
    operands = []
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            operands.extend(args[index:])
            break
        if arg.startswith("--"):
            name, has_value, value = arg[2:].partition("=")
            key, takes_argument = _long_option(name, long, arg)
            if takes_argument == "optional":
                options.append((key, value if has_value else None))
                continue
            if takes_argument and not has_value:
                if index == len(args):
                    raise UsageError(f"option '--{_full_name(name, long)}' requires an argument")
                value = args[index]
                index += 1
            elif not takes_argument and has_value:
                raise UsageError(f"option '--{_full_name(name, long)}' doesn't allow an argument")
            options.append((key, value if takes_argument else None))
        elif arg.startswith("-") and arg != "-":
            position = 1
            while position < len(arg):
                letter = arg[position]
                position += 1
                found = short.find(letter)
                if letter == ":" or found < 0:
                    raise UsageError(f"invalid option -- '{letter}'")
                if short[found + 1:found + 2] != ":":
                    options.append((letter, None))
                    continue
                if short[found + 2:found + 3] == ":":
                    options.append((letter, arg[position:] or None))
                    break
                if position < len(arg):
                    options.append((letter, arg[position:]))
                elif index < len(args):
                    options.append((letter, args[index]))
                    index += 1
                else:
                    raise UsageError(f"option requires an argument -- '{letter}'")
                break
        else:
            operands.append(arg)
    return options, operands


def _long_option(name, long, arg):
    if name in long:
        return long[name]
    matches = sorted(option for option in long if option.startswith(name))
    if len({long[option] for option in matches}) == 1:
        return long[matches[0]]
    if not matches:
        raise UsageError(f"unrecognized option '{arg}'")
    choices = " ".join(f"'--{option}'" for option in matches)
    raise UsageError(f"option '{arg}' is ambiguous; possibilities: {choices}")


def _full_name(name, long):
    if name in long:
        return name
    return sorted(option for option in long if option.startswith(name))[0]
