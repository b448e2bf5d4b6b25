"""The first-word deadline: the wait for a stream's first piece ends in time, and the request with it."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncGenerator

from trainer.llm.faults import Fault


async def first_within(pieces: AsyncGenerator[str, None], deadline: float | None,
                       seconds: float) -> AsyncGenerator[str, None]:
    """`pieces`, the first of which must come before `deadline` (monotonic; None: no deadline).

    Past it the wait is cancelled — which closes the request under it — and a time-out fault raised at once.
    """
    if deadline is not None:
        try:
            async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                first = await anext(pieces, None)
        except TimeoutError:
            raise Fault("timeout", f"no first word within {seconds:g} s") from None
        if first is None:
            return
        yield first
    async for piece in pieces:
        yield piece
