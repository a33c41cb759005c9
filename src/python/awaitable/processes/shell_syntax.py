"""Reading shell scripts: a tokenizer and a parser for the subset the sandbox runs.

The subset: simple commands with assignments and redirections, pipelines
(``|``, ``!``), lists (``;``, ``&``, ``&&``, ``||``, newlines), subshells
``( )`` and groups ``{ }``; single and double quotes, backslashes,
parameters (``$VAR``, ``${VAR}``, ``${VAR:-word}``, ``$?``, ``$$``,
``$1``...), command substitution (``$( )`` and backquotes) and comments.
Like dash, the parser reads one complete command (a line) at a time, so the
lines before a syntax error run before it is reported. Compound commands
(``if``, ``for``, ``while``, ``case``), functions, arithmetic and
here-documents are reported as ``ShellUnsupported`` rather than
misunderstood.
"""

import re
from dataclasses import dataclass, field

__all__ = [
    "Parser", "ShellSyntaxError", "ShellUnsupported", "Word", "Literal", "Parameter",
    "CommandSubstitution", "Redirect", "SimpleCommand", "Subshell", "Group", "Pipeline",
    "AndOr", "CommandList",
]


class ShellSyntaxError(Exception):
    """A script the shell cannot parse.

    ``kind`` is ``unexpected`` (``token`` is the token's text, or
    ``newline``), ``eof``, ``unterminated`` (``token`` is the quote that
    is not closed), ``substitution`` (a bad ``${...}``) or ``paren`` (an
    unclosed ``$(``).
    """

    def __init__(self, kind, line, token=None):
        super().__init__(kind, line, token)
        self.kind = kind
        self.line = line
        self.token = token


class ShellUnsupported(Exception):
    """Valid shell that the sandbox's shell does not run; ``feature`` says what."""

    def __init__(self, feature, line):
        super().__init__(feature, line)
        self.feature = feature
        self.line = line


# Words


@dataclass
class Literal:
    text: str
    #: quoted text is neither split into fields nor used as a pattern
    quoted: bool


@dataclass
class Parameter:
    """``$name``, ``${name}`` or ``${name<operator>argument}``."""

    name: str
    quoted: bool
    #: ``-``, ``:-``, ``=``, ``:=``, ``+``, ``:+``, ``?``, ``:?`` or ``#`` (length)
    operator: str | None = None
    argument: "Word | None" = None


@dataclass
class CommandSubstitution:
    source: str
    quoted: bool
    line: int


@dataclass
class Word:
    parts: list
    #: the word as written, for messages
    text: str

    def literal(self):
        """The word's text if it has no expansions and no quotes, else None."""
        if all(isinstance(part, Literal) and not part.quoted for part in self.parts):
            return "".join(part.text for part in self.parts)
        return None


# Commands


@dataclass
class Redirect:
    #: the descriptor redirected; None means the operator's default
    fd: int | None
    #: ``<``, ``>``, ``>>``, ``>|``, ``<>``, ``<&``, ``>&`` or ``&>``
    operator: str
    target: Word
    line: int


@dataclass
class SimpleCommand:
    assignments: list
    words: list
    redirects: list
    line: int


@dataclass
class Subshell:
    body: "CommandList"
    redirects: list
    line: int


@dataclass
class Group:
    body: "CommandList"
    redirects: list
    line: int


@dataclass
class Pipeline:
    commands: list
    negate: bool = False


@dataclass
class AndOr:
    first: Pipeline
    #: ``(operator, pipeline)`` pairs, operator ``&&`` or ``||``
    rest: list = field(default_factory=list)


@dataclass
class CommandList:
    #: ``(and_or, background)`` pairs
    items: list


# Tokens

_OPERATORS = ["<<<", "<<-", "&&", "||", ";;", "<<", ">>", "<&", ">&", "<>", ">|", "&>",
              ";", "&", "|", "(", ")", "<", ">"]
_REDIRECTIONS = {"<", ">", ">>", ">|", "<>", "<&", ">&", "&>", "<<", "<<-", "<<<"}
_METACHARACTERS = set(" \t\n;&|()<>")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ASSIGNMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)=")
_UNSUPPORTED_WORDS = {
    "if": "if statements", "then": "if statements", "elif": "if statements",
    "else": "if statements", "fi": "if statements", "for": "for loops",
    "while": "while loops", "until": "until loops", "do": "loops", "done": "loops",
    "case": "case statements", "esac": "case statements", "function": "functions",
    "[[": "[[ tests ]]", "select": "select loops",
}
_PARAMETER_OPERATORS = (":-", ":=", ":+", ":?", "-", "=", "+", "?")


@dataclass
class _Token:
    #: word, io_number, operator, newline or eof
    kind: str
    value: str
    line: int
    word: Word | None = None


class _Lexer:
    def __init__(self, text, dialect):
        self._text = text
        self._dialect = dialect
        self._pos = 0
        self.line = 1

    def next_token(self):
        text = self._text
        while self._pos < len(text):
            char = text[self._pos]
            if char in " \t":
                self._pos += 1
            elif text.startswith("\\\n", self._pos):
                self._pos += 2
                self.line += 1
            elif char == "#":
                end = text.find("\n", self._pos)
                self._pos = len(text) if end < 0 else end
            else:
                break
        line = self.line
        if self._pos >= len(text):
            return _Token("eof", "", line)
        char = text[self._pos]
        if char == "\n":
            self._pos += 1
            self.line += 1
            return _Token("newline", "\n", line)
        for operator in _OPERATORS:
            if text.startswith(operator, self._pos):
                if operator in ("&>", "<<<") and self._dialect != "bash":
                    continue
                self._pos += len(operator)
                if operator in ("<<", "<<-", "<<<"):
                    raise ShellUnsupported("here-documents (<<)", line)
                return _Token("operator", operator, line)
        start = self._pos
        word = self._word()
        source = text[start:self._pos]
        if source.isdigit() and self._pos < len(text) and text[self._pos] in "<>":
            return _Token("io_number", source, line)
        return _Token("word", source, line, word)

    def _word(self, stop=_METACHARACTERS):
        text = self._text
        start = self._pos
        parts = []
        buffer = []

        def flush():
            if buffer:
                parts.append(Literal("".join(buffer), False))
                buffer.clear()

        while self._pos < len(text) and text[self._pos] not in stop:
            char = text[self._pos]
            if char == "\\":
                if self._pos + 1 == len(text):
                    buffer.append("\\")
                    self._pos += 1
                    continue
                following = text[self._pos + 1]
                self._pos += 2
                if following == "\n":
                    self.line += 1
                    continue
                flush()
                parts.append(Literal(following, True))
            elif char == "'":
                end = text.find("'", self._pos + 1)
                if end < 0:
                    raise ShellSyntaxError("unterminated", self.line, "'")
                flush()
                quoted = text[self._pos + 1:end]
                self.line += quoted.count("\n")
                parts.append(Literal(quoted, True))
                self._pos = end + 1
            elif char == '"':
                flush()
                parts.extend(self._double_quoted())
            elif char == "$":
                flush()
                parts.append(self._dollar(False))
            elif char == "`":
                flush()
                parts.append(self._backquoted(False))
            else:
                if char == "\n":
                    self.line += 1
                buffer.append(char)
                self._pos += 1
        flush()
        return Word(parts, text[start:self._pos])

    def _double_quoted(self):
        text = self._text
        self._pos += 1
        parts = [Literal("", True)]
        buffer = []

        def flush():
            if buffer:
                parts.append(Literal("".join(buffer), True))
                buffer.clear()

        while True:
            if self._pos >= len(text):
                raise ShellSyntaxError("unterminated", self.line, '"')
            char = text[self._pos]
            if char == '"':
                self._pos += 1
                flush()
                return parts
            if char == "\\" and self._pos + 1 < len(text) and text[self._pos + 1] in '$`"\\\n':
                if text[self._pos + 1] == "\n":
                    self.line += 1
                else:
                    buffer.append(text[self._pos + 1])
                self._pos += 2
            elif char == "$":
                flush()
                parts.append(self._dollar(True))
            elif char == "`":
                flush()
                parts.append(self._backquoted(True))
            else:
                if char == "\n":
                    self.line += 1
                buffer.append(char)
                self._pos += 1

    def _dollar(self, quoted):
        text = self._text
        start = self._pos
        following = text[start + 1:start + 2]
        if text.startswith("$((", start):
            raise ShellUnsupported("arithmetic expansion $((...))", self.line)
        if following == "(":
            end = self._closing_paren(start + 2)
            line = self.line
            source = text[start + 2:end]
            self.line += source.count("\n")
            self._pos = end + 1
            return CommandSubstitution(source, quoted, line)
        if following == "{":
            end = text.find("}", start + 2)
            if end < 0:
                raise ShellSyntaxError("substitution", self.line)
            self._pos = end + 1
            return self._braced(text[start + 2:end], quoted)
        match = _NAME.match(text, start + 1)
        if match:
            self._pos = match.end()
            return Parameter(match.group(), quoted)
        if following and (following.isdigit() or following in "?$!#@*-"):
            self._pos = start + 2
            return Parameter(following, quoted)
        self._pos = start + 1
        return Literal("$", quoted)

    def _braced(self, inner, quoted):
        if inner.startswith("#") and len(inner) > 1:
            name, operator, argument = inner[1:], "#", None
        else:
            match = _NAME.match(inner) or re.match(r"[0-9?$!#@*-]", inner)
            if match is None:
                raise ShellSyntaxError("substitution", self.line)
            name, rest = match.group(), inner[match.end():]
            operator, argument = None, None
            if rest:
                operator = next((op for op in _PARAMETER_OPERATORS if rest.startswith(op)), None)
                if operator is None:
                    raise ShellSyntaxError("substitution", self.line)
                argument = _Lexer(rest[len(operator):], self._dialect)._word(stop=())
                if quoted:
                    for part in argument.parts:
                        part.quoted = True
        if operator == "#" and not (_NAME.fullmatch(name) or re.fullmatch(r"[0-9?$!#@*-]", name)):
            raise ShellSyntaxError("substitution", self.line)
        return Parameter(name, quoted, operator, argument)

    def _backquoted(self, quoted):
        text = self._text
        source = []
        index = self._pos + 1
        while True:
            if index >= len(text):
                raise ShellSyntaxError("unterminated", self.line, "`")
            char = text[index]
            if char == "`":
                break
            if char == "\\" and index + 1 < len(text) and text[index + 1] in "`$\\":
                source.append(text[index + 1])
                index += 2
                continue
            source.append(char)
            index += 1
        line = self.line
        self.line += "".join(source).count("\n")
        self._pos = index + 1
        return CommandSubstitution("".join(source), quoted, line)

    def _closing_paren(self, index):
        """The index of the ``)`` that closes a ``$(`` whose body starts at ``index``."""
        text = self._text
        depth = 1
        while index < len(text):
            char = text[index]
            if char == "\\":
                index += 2
                continue
            if char == "'":
                end = text.find("'", index + 1)
                if end < 0:
                    raise ShellSyntaxError("unterminated", self.line, "'")
                index = end + 1
                continue
            if char == '"':
                index += 1
                while index < len(text) and text[index] != '"':
                    index += 2 if text[index] == "\\" else 1
                if index >= len(text):
                    raise ShellSyntaxError("unterminated", self.line, '"')
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return index
            index += 1
        raise ShellSyntaxError("paren", self.line)


class Parser:
    """Parses a script one complete command at a time (``next_command``)."""

    def __init__(self, text, dialect="dash"):
        self._lexer = _Lexer(text, dialect)
        self._peeked = None
        # An error met while looking ahead (`at_end`) belongs to the next
        # command, and is raised when that command is read.
        self._error = None

    def _peek(self):
        if self._error is not None:
            raise self._error
        if self._peeked is None:
            self._peeked = self._lexer.next_token()
        return self._peeked

    def _take(self):
        token = self._peek()
        self._peeked = None
        return token

    def _unexpected(self, token):
        if token.kind == "eof":
            raise ShellSyntaxError("eof", token.line)
        if token.kind == "newline":
            raise ShellSyntaxError("unexpected", token.line, "newline")
        raise ShellSyntaxError("unexpected", token.line, token.value)

    def _skip_newlines(self):
        while self._peek().kind == "newline":
            self._take()

    def next_command(self):
        """The next complete command (a ``CommandList``), or None at the end."""
        self._skip_newlines()
        if self._peek().kind == "eof":
            return None
        commands = self._list(closer=None)
        token = self._peek()
        if token.kind not in ("newline", "eof"):
            self._unexpected(token)
        return commands

    def at_end(self):
        """Whether the script has nothing after the command just read."""
        try:
            self._skip_newlines()
            return self._peek().kind == "eof"
        except (ShellSyntaxError, ShellUnsupported) as error:
            self._error = error
            return False

    def _starts_command(self, token):
        if token.kind in ("word", "io_number"):
            return not (token.kind == "word" and token.value == "}")
        return token.kind == "operator" and (token.value == "(" or token.value in _REDIRECTIONS)

    def _list(self, closer):
        items = []
        while True:
            and_or = self._and_or()
            token = self._peek()
            if token.kind == "operator" and token.value in (";", "&"):
                self._take()
                items.append((and_or, token.value == "&"))
            elif closer is not None and token.kind == "newline":
                items.append((and_or, False))
            else:
                items.append((and_or, False))
                return CommandList(items)
            if closer is not None:
                self._skip_newlines()
            if not self._starts_command(self._peek()):
                return CommandList(items)

    def _and_or(self):
        node = AndOr(self._pipeline())
        while self._peek().kind == "operator" and self._peek().value in ("&&", "||"):
            operator = self._take().value
            self._skip_newlines()
            node.rest.append((operator, self._pipeline()))
        return node

    def _pipeline(self):
        negate = False
        if self._peek().kind == "word" and self._peek().value == "!":
            self._take()
            negate = True
        commands = [self._command()]
        while self._peek().kind == "operator" and self._peek().value == "|":
            self._take()
            self._skip_newlines()
            commands.append(self._command())
        return Pipeline(commands, negate)

    def _command(self):
        token = self._peek()
        if token.kind == "operator" and token.value == "(":
            self._take()
            body = self._compound(")")
            return Subshell(body, self._redirects(), token.line)
        if token.kind == "word" and token.value == "{":
            self._take()
            body = self._compound("}")
            return Group(body, self._redirects(), token.line)
        if token.kind == "word" and token.value in _UNSUPPORTED_WORDS:
            raise ShellUnsupported(_UNSUPPORTED_WORDS[token.value], token.line)
        if not self._starts_command(token):
            self._unexpected(token)
        return self._simple()

    def _compound(self, closer):
        self._skip_newlines()
        token = self._peek()
        if not self._starts_command(token):
            self._unexpected(token)
        body = self._list(closer)
        self._skip_newlines()
        token = self._take()
        if token.value != closer or token.kind not in ("operator", "word"):
            self._unexpected(token)
        return body

    def _redirects(self):
        redirects = []
        while self._peek().kind == "io_number" or (
                self._peek().kind == "operator" and self._peek().value in _REDIRECTIONS):
            redirects.append(self._redirect())
        return redirects

    def _redirect(self):
        token = self._take()
        fd = None
        if token.kind == "io_number":
            fd = int(token.value)
            token = self._take()
        target = self._take()
        if target.kind != "word":
            self._unexpected(target)
        return Redirect(fd, token.value, target.word, token.line)

    def _simple(self):
        line = self._peek().line
        assignments, words, redirects = [], [], []
        while True:
            token = self._peek()
            if token.kind == "io_number" or token.kind == "operator" and token.value in _REDIRECTIONS:
                redirects.append(self._redirect())
            elif token.kind == "word":
                self._take()
                assignment = None if words else _assignment(token.word)
                if assignment is not None:
                    assignments.append(assignment)
                else:
                    words.append(token.word)
                    following = self._peek()
                    if (len(words) == 1 and following.kind == "operator" and following.value == "("):
                        raise ShellUnsupported("functions", token.line)
            else:
                return SimpleCommand(assignments, words, redirects, line)


def _assignment(word):
    """``(name, value word)`` if ``word`` is ``NAME=value``, else None."""
    first = word.parts[0] if word.parts else None
    if not isinstance(first, Literal) or first.quoted:
        return None
    match = _ASSIGNMENT.match(first.text)
    if match is None:
        return None
    rest = first.text[match.end():]
    parts = ([Literal(rest, False)] if rest else []) + word.parts[1:]
    return match.group(1), Word(parts, word.text[match.end():])
