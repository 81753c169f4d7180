"""Thai word segmentation for the search index and the search box.

Thai is written without spaces between words, so a database full-text index sees "โครงสร้างหน่วยงาน"
as one word and a search for "หน่วยงาน" finds nothing. Both sides therefore go through the same
steps here: normalise (Unicode NFC, PyThaiNLP's Thai clean-up, Thai digits to Arabic digits, lower
case), cut into words with PyThaiNLP's dictionary tokenizer ``newmm`` (pure Python, offline), and
keep only the letters and digits of each word. The index also receives the sub-words of compound
words ("จัดซื้อจัดจ้าง" → "จัดซื้อ", "จัดจ้าง"), so a search for a part of a compound finds it; a
query word is matched either as itself or as all of its sub-words.
"""

import re
import threading
import unicodedata
from functools import lru_cache

from wagtail.search.query import And, Or, PlainText

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize
from pythainlp.tokenize.newmm import segment
from pythainlp.util import Trie
from pythainlp.util import normalize as thai_normalize

# Characters that make up a word: any letter or digit, plus Thai vowel and tone marks (category Mn,
# which ``\w`` does not match). Everything else (punctuation, quotes, operators, emoji) separates.
WORD_PIECE = re.compile(r"(?:[^\W_]|[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E])+")
THAI = re.compile(r"[\u0E01-\u0E4E]")
ALNUM_PARTS = re.compile(r"[^\W\d_]+|\d+")
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
ZERO_WIDTH = str.maketrans({"\u200b": " ", "\u200c": "", "\u200d": "", "\ufeff": "", "\u00ad": ""})

# Only words at least this long are tried as compounds, and every part must be at least MIN_SUBWORD
# long: shorter splits are mostly syllables ("โครง" → "โค", "รง") that would match too much.
MIN_COMPOUND = 6
MIN_SUBWORD = 2
# Compounds are split at most this many levels deep ("ปีงบประมาณ" → "งบประมาณ" → "งบ", "ประมาณ").
SUBWORD_DEPTH = 2
# The longest whitespace-free run given to the tokenizer at once (newmm slows down on huge runs).
MAX_RUN = 2000

_trie_lock = threading.Lock()


@lru_cache(maxsize=1)
def _dictionary():
    """Our own copy of PyThaiNLP's word list as a trie (we remove and re-add words while splitting)."""
    return Trie(thai_words())


def normalize(text):
    """NFC, Thai clean-up (zero-width characters, doubled or misordered marks), Thai digits, lower case."""
    text = unicodedata.normalize("NFC", str(text or "")).translate(ZERO_WIDTH)
    if THAI.search(text):
        text = thai_normalize(text)
    return text.translate(THAI_DIGITS).casefold()


def _runs(text):
    for run in text.split():
        for start in range(0, len(run), MAX_RUN):
            yield run[start : start + MAX_RUN]


def words(text):
    """The words of ``text`` in order: letters and digits only, Thai cut into dictionary words."""
    result = []
    for run in _runs(normalize(text)):
        if THAI.search(run):
            tokens = word_tokenize(run, engine="newmm", keep_whitespace=False)
        else:
            tokens = [run]
        for token in tokens:
            result.extend(WORD_PIECE.findall(token))
    return result


@lru_cache(maxsize=50_000)
def subwords(word, depth=SUBWORD_DEPTH):
    """The dictionary words a Thai compound is made of, itself excluded; () if it is not a compound.

    A word counts as a compound only when it is long enough and the dictionary covers it entirely
    with words of two characters or more: "จัดซื้อจัดจ้าง" → "จัดซื้อ", "จัดจ้าง", but "ประกาศ" (which
    would leave a stray "ศ") stays whole.
    """
    if depth <= 0:
        return ()
    if not THAI.search(word):
        # Letters and digits written together ("ita2569", "covid19") are also found apart.
        parts = ALNUM_PARTS.findall(word)
        return tuple(parts) if len(parts) > 1 else ()
    if len(word) < MIN_COMPOUND:
        return ()
    trie = _dictionary()
    with _trie_lock:
        known = word in trie
        if known:
            trie.remove(word)
        try:
            parts = segment(word, custom_dict=trie)
        finally:
            if known:
                trie.add(word)
    if len(parts) < 2 or any(len(part) < MIN_SUBWORD or part not in trie for part in parts):
        return ()
    found = []
    for part in parts:
        found.append(part)
        found.extend(subwords(part, depth - 1))
    return tuple(found)


def index_text(text, limit=None):
    """What the index stores for ``text``: its words and their sub-words, space-separated."""
    if not text:
        return ""
    if limit:
        text = str(text)[:limit]
    out = []
    for word in words(text):
        out.append(word)
        out.extend(subwords(word))
    return " ".join(out)


def _word_query(word):
    parts = [part for part in subwords(word, depth=1)]
    if len(parts) >= 2:
        return Or([PlainText(word), And([PlainText(part) for part in parts])])
    return PlainText(word)


def search_query(text, operator="and", max_words=20):
    """A Wagtail search query for what a person typed, or ``None`` when it holds no word at all.

    Every word must match (``operator="and"``) or any word may (``"or"``). Each word matches as
    itself or as all of its sub-words, so "จัดซื้อจัดจ้าง" also finds "จัดซื้อ และจัดจ้าง".
    """
    seen = []
    for word in words(text):
        if word not in seen:
            seen.append(word)
    seen = seen[:max_words]
    if not seen:
        return None
    queries = [_word_query(word) for word in seen]
    if len(queries) == 1:
        return queries[0]
    return Or(queries) if operator == "or" else And(queries)


def autocomplete_query(text):
    """A query for type-ahead: the last word may be unfinished, so it is matched as a prefix.

    The typed text is tried both as typed (an unfinished Thai word cut by the tokenizer would lose
    its prefix) and cut into words (a whole phrase typed without spaces); either may match.
    """
    typed = [piece for piece in WORD_PIECE.findall(normalize(text))][:20]
    cut = words(text)[:20]
    if not cut:
        return None
    if typed == cut or not typed:
        return PlainText(" ".join(cut))
    return Or([PlainText(" ".join(typed)), PlainText(" ".join(cut))])
