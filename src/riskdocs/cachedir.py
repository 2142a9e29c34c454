"""Where riskdocs keeps caches: `$RISKDOCS_CACHE_DIR`, else `$XDG_CACHE_HOME/riskdocs`,
else `~/.cache/riskdocs`; never inside the repository, safe to delete at any time.
`RISKDOCS_CACHE_DIR=off` turns every cache off. Caches only ever save time: one
that cannot be read is ignored, one that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def cache_path(name: str, *key: str) -> Path | None:
    """`<cache folder>/<name>-<hash of key>.json`, or None when caching is off."""
    setting = os.environ.get("RISKDOCS_CACHE_DIR")
    if setting == "off":
        return None
    if setting:
        folder = Path(setting)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "riskdocs"
    digest = hashlib.sha256("\0".join(key).encode()).hexdigest()[:24]
    return folder / f"{name}-{digest}.json"


def write_atomically(path: Path, text: str) -> None:
    """Replace `path` with `text` in one rename; any OSError means "no cache this time"."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False,
                                         encoding="utf-8", suffix=".tmp") as out:  # fmt: skip
            out.write(text)
        os.replace(out.name, path)
    except OSError:
        return
