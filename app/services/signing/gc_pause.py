"""Cyclic garbage collection paused while one PDF is signed or verified.

Why: reading a 100-page scan makes some ten thousand small objects that all stay alive until the operation ends
(the reader caches them). Each batch of new objects sets off a collection that walks them again, and the older
generations hold everything else the process has made (Qt wrappers, the store's objects), so the collector took
about a fifth of a verification's time. Nothing it could free during the operation is garbage yet; reference
counting still frees everything else at once, and the collector runs again as soon as the last operation ends.
Threads may sign and verify at the same time: the collector is switched back on by the last one out, and only if
it was on when the first one came in.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

_lock = threading.Lock()
_active = 0
_was_enabled = False

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def collection_paused() -> Iterator[None]:
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()


def pauses_collection(fn: Callable[P, R]) -> Callable[P, R]:
    """Decorator: run `fn` inside `collection_paused()`."""
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with collection_paused():
            return fn(*args, **kwargs)

    return wrapper
