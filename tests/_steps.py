"""
How the work of a rule grows with its input, counted instead of timed: the lines of Python a
function runs (each turn of a loop, of a comprehension too, counts), as ``sys.settrace`` sees
them. A count is the same on every machine and every run, so a test can say "ten times the
input takes at most so many times the steps" without a clock.
"""

import sys
from collections.abc import Callable

#: At most this many times the steps for ten times the input: a linear rule takes about 10
#: (less, with its fixed costs), one in n log n a little more, a quadratic one about 100.
GROWTH = 25


class _TooMany(Exception):
    """
    Raised inside the counted function when it goes over its limit.
    """


def steps(function: Callable[[], object], limit: int | None = None) -> int:
    """
    The lines ``function()`` runs; more than ``limit`` stops it there and returns limit + 1.
    """
    count = 0

    def trace(_frame, _event, _arg):
        nonlocal count
        count += 1
        if limit is not None and count > limit:
            raise _TooMany
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        function()
    except _TooMany:
        pass
    finally:
        sys.settrace(previous)
    return count


def assert_near_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    """
    ``make(size)`` builds an input of that size and returns the work to count on it: the work
    on ten times ``n`` takes at most GROWTH times the steps of the work on ``n``.
    """
    small = steps(make(n))
    limit = GROWTH * small
    large = steps(make(10 * n), limit)

    assert large <= limit, f"{n:,} -> {small:,} steps; {10 * n:,} -> more than {limit:,}"
