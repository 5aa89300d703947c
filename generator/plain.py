"""Small value classes written out by hand, not with `dataclasses`: making a dataclass writes and
runs the source of its methods (0.4–1 ms a class), and every command made ten of them at its start.
(With the message catalogue listed without pkgutil, which imports typing: a `check`'s start and
imports 101 → 86 ms, alternating.)"""
from __future__ import annotations


class Values:
    """Named values (`__slots__`, given in that order), compared and hashed as a whole, never
    changed once made (as a frozen dataclass)."""

    __slots__ = ()

    def __init__(self, *args):
        for name, value in zip(self.__slots__, args, strict=True):
            setattr(self, name, value)

    def _compared(self) -> tuple:
        """What is compared and hashed: every value, unless a class says fewer."""
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other):
        return self._compared() == other._compared() if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self):
        return hash(self._compared())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self.__slots__)})"
