"""Canonical JSON and SHA-256: the same data always gives the same bytes and hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any

# One encoder for every call (it keeps no state between them): checking the diary passes every
# audit entry through it.
_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)


def canonical_json(value: Any) -> str:
    """Keys sorted, no spaces, UTF-8 text as is; NaN and infinity refused (they are not JSON)."""
    return _CANONICAL.encode(value)


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
