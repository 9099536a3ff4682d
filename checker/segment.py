"""Chinese word segmentation, loaded only when a document needs it.

jieba takes most of a second to load its dictionary; documents with no
enumerator candidate never import it.
"""

from __future__ import annotations

import logging
from functools import lru_cache


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


def words(text: str) -> list[str]:
    """Segment ``text`` into words (dictionary-only, no HMM guessing)."""
    return list(_tokenizer().cut(text, HMM=False))


def is_loaded() -> bool:
    return _tokenizer.cache_info().currsize > 0
