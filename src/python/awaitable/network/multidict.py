"""Ordered mappings with repeated keys, as the ``multidict`` package has them.

HTTP headers and query strings may repeat a name, and header names compare
without regard to case. aiohttp exposes both through ``multidict`` types;
these are the parts of them that a learner meets: ``headers["Content-Type"]``,
``get``, ``getone``, ``getall``, iteration, ``in``, and the reprs that
``print(resp.headers)`` shows.
"""

from collections.abc import Mapping

__all__ = ["MultiDict", "MultiDictProxy", "CIMultiDict", "CIMultiDictProxy"]

_MISSING = object()


class _Base(Mapping):
    """Items in insertion order; a key looks up its first value."""

    _folds_case = False

    def __init__(self, *args, **kwargs):
        self._items = []
        self._extend(args, kwargs)

    def _key(self, name):
        if not isinstance(name, str):
            raise TypeError(f"MultiDict keys should be either str or subclasses of str, not {type(name).__name__}")
        return name.lower() if self._folds_case else name

    def _extend(self, args, kwargs):
        if len(args) > 1:
            raise TypeError(f"{type(self).__name__} takes at most 1 positional argument ({len(args)} given)")
        pairs = []
        if args:
            source = args[0]
            if isinstance(source, _Base):
                pairs.extend(source.items())
            elif isinstance(source, Mapping):
                pairs.extend(source.items())
            else:
                pairs.extend(source)
        pairs.extend(kwargs.items())
        for name, value in pairs:
            self._items.append((self._key(name), name, value))

    def __getitem__(self, name):
        value = self.get(name, _MISSING)
        if value is _MISSING:
            raise KeyError(name)
        return value

    def get(self, name, default=None):
        key = self._key(name)
        for item_key, _, value in self._items:
            if item_key == key:
                return value
        return default

    def getone(self, name, default=_MISSING):
        value = self.get(name, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise KeyError(name)
            return default
        return value

    def getall(self, name, default=_MISSING):
        key = self._key(name)
        values = [value for item_key, _, value in self._items if item_key == key]
        if not values:
            if default is _MISSING:
                raise KeyError(name)
            return default
        return values

    def __contains__(self, name):
        if not isinstance(name, str):
            return False
        key = self._key(name)
        return any(item_key == key for item_key, _, _ in self._items)

    def __iter__(self):
        return (name for _, name, _ in self._items)

    def __len__(self):
        return len(self._items)

    def keys(self):
        return [name for _, name, _ in self._items]

    def values(self):
        return [value for _, _, value in self._items]

    def items(self):
        return [(name, value) for _, name, value in self._items]

    def copy(self):
        mutable = CIMultiDict if self._folds_case else MultiDict
        return mutable(self.items())

    def __eq__(self, other):
        if isinstance(other, _Base):
            return [(key, value) for key, _, value in self._items] == [
                (key, value) for key, _, value in other._items]
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None

    def __repr__(self):
        body = ", ".join(f"{name!r}: {value!r}" for _, name, value in self._items)
        return f"<{type(self).__name__}({body})>"


class _Mutable(_Base):
    def add(self, name, value):
        self._items.append((self._key(name), name, value))

    def extend(self, *args, **kwargs):
        self._extend(args, kwargs)

    def __setitem__(self, name, value):
        key = self._key(name)
        for index, (item_key, _, _) in enumerate(self._items):
            if item_key == key:
                self._items[index] = (key, name, value)
                self._items[index + 1:] = [item for item in self._items[index + 1:] if item[0] != key]
                return
        self._items.append((key, name, value))

    def setdefault(self, name, default=None):
        if name not in self:
            self.add(name, default)
            return default
        return self[name]

    def __delitem__(self, name):
        key = self._key(name)
        kept = [item for item in self._items if item[0] != key]
        if len(kept) == len(self._items):
            raise KeyError(name)
        self._items = kept

    def pop(self, name, default=_MISSING):
        value = self.get(name, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                raise KeyError(name)
            return default
        del self[name]
        return value

    popone = pop

    def update(self, *args, **kwargs):
        for name, value in _Base(*args, **kwargs).items():
            self[name] = value

    def clear(self):
        self._items.clear()


class MultiDict(_Mutable):
    """A mutable multi-valued mapping with case-sensitive keys."""


class CIMultiDict(_Mutable):
    """A mutable multi-valued mapping whose keys ignore case (HTTP headers)."""

    _folds_case = True


class MultiDictProxy(_Base):
    """A read-only view of a ``MultiDict``."""

    def __init__(self, source):
        super().__init__(source)


class CIMultiDictProxy(MultiDictProxy):
    """A read-only view of a ``CIMultiDict`` (a response's headers)."""

    _folds_case = True


for _class in (MultiDict, CIMultiDict, MultiDictProxy, CIMultiDictProxy):
    _class.__module__ = "multidict"
