"""Drop web-page boilerplate lines from text that was copied or extracted from a web page.

The rules are generic: navigation links, share-button rows, promo links ("Read more ..."), cookie and
copyright footers, and any substantial line repeated verbatim (photo captions and promo blocks are
often rendered twice). Only whole lines are removed, and this runs before the text is final, so no
stored offset ever has to move.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Leading list bullets / separators that web copies put in front of buttons and links.
_BULLETS = re.compile(r"^[\s•·▪●◦‣*\-–—|>»]+")
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)

# A line made only of these words is a button / navigation row.
_BUTTON_WORDS = {
    "share", "shares", "tweet", "retweet", "pin", "email", "e-mail", "mail", "print", "copy", "link",
    "facebook", "twitter", "x", "telegram", "whatsapp", "vk", "vkontakte", "linkedin", "reddit",
    "pinterest", "viber", "messenger", "ok", "odnoklassniki", "flipboard", "pocket", "threads", "bluesky",
    "comment", "comments", "menu", "search", "close", "subscribe", "donate", "login", "log", "sign",
    "back", "top", "next", "previous", "prev", "home",
    "поделиться", "твитнуть", "распечатать", "печать", "скопировать", "ссылку", "ссылка", "подписаться",
    "меню", "поиск", "закрыть", "вконтакте", "одноклассники", "телеграм", "комментарии", "наверх",
}
# Filler words allowed alongside button words ("Share to or", "Share on Facebook", "Back to top").
_FILLER = {"to", "or", "on", "via", "in", "this", "the", "a", "an", "and", "up", "out", "article",
           "story", "page", "post", "now", "us", "with", "в", "и", "или", "на", "через", "статью", "этой"}
# Words that must appear for a button row to count (so "on the" alone is not dropped).
_CORE_BUTTONS = _BUTTON_WORDS - {"x", "ok", "back", "top", "next", "previous", "prev", "home", "log", "sign",
                                 "link", "copy", "close", "comment", "comments", "search", "menu", "pin"}

_PHRASES = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^(skip|jump) to (the )?(main )?(content|navigation|search|menu|article)$",
        r"^skip navigation$",
        r"^(перейти|к) (к )?(основному )?(содержанию|контенту|материалу)$",
        r"^(read|watch|listen( to)?|see|view)\b[^.!?]{0,60}\b(here|more)\s*[.!:]?$",
        r"^(read|see) (also|more|next)\b.{0,80}$",
        r"^(continue|keep) reading\b.{0,60}$",
        r"^(читайте|смотрите|слушайте)( также| еще| ещё| тоже)?\b.{0,80}$",
        r"^подробнее\b.{0,60}$",
        r"^(subscribe|sign up|follow us|join us|get our|support us|support our)\b.{0,100}$",
        r"^(подпишитесь|подписывайтесь|поддержите)\b.{0,100}$",
        r"^(advertisement|advert|sponsored( content)?|реклама|партн[её]рский материал)$",
        r"^(©|\(c\) ?\d{4}|copyright (©|\(c\)|\d{4})).{0,120}$",
        r"^.{0,80}\ball rights reserved\b.{0,80}$",
        r"^.{0,120}\b(we|this (web)?site) uses? cookies\b.{0,200}$",
        r"^(accept( all)? cookies|cookie (settings|policy))$",
    )
]

MIN_REPEAT_CHARS = 25
MIN_REPEAT_WORDS = 4


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: int
    reasons: dict[str, int]


def _core(line: str) -> str:
    return _BULLETS.sub("", line).strip()


def _is_button_row(core: str) -> bool:
    words = [w.casefold() for w in _TOKEN.findall(core)]
    if not words or len(words) > 8:
        return False
    if any(w not in _BUTTON_WORDS and w not in _FILLER for w in words):
        return False
    # Punctuation-bearing text ("Print." in a sentence) is not a button row; allow separators only.
    if re.search(r"[.!?,;:\"“”«»()]", core):
        return False
    return any(w in _CORE_BUTTONS for w in words)


def junk_reason(line: str) -> str | None:
    """Why a single line is boilerplate, or None when it should stay."""
    core = _core(line)
    if not core:
        return "bullet-only" if line.strip() else None
    if _is_button_row(core):
        return "buttons"
    if len(core) <= 300 and any(p.match(core) for p in _PHRASES):
        return "boilerplate"
    return None


def _repeat_key(core: str) -> str | None:
    key = " ".join(core.split()).casefold()
    if len(key) < MIN_REPEAT_CHARS or len(key.split()) < MIN_REPEAT_WORDS:
        return None
    return key


def clean_text(text: str) -> Cleaned:
    """Remove boilerplate lines and later verbatim repeats of substantial lines.

    Blank lines around a removed line are merged so paragraphs stay separated by the spacing the
    document already used.
    """
    seen: set[str] = set()
    reasons: dict[str, int] = {}
    marked: list[str | None] = []  # None marks a dropped line
    for line in text.split("\n"):
        reason = junk_reason(line)
        if reason is None:
            key = _repeat_key(_core(line))
            if key is not None:
                if key in seen:
                    reason = "repeated"
                else:
                    seen.add(key)
        if reason is None:
            marked.append(line)
        else:
            reasons[reason] = reasons.get(reason, 0) + 1
            marked.append(None)
    return Cleaned(_join(marked), sum(reasons.values()), reasons)


def _join(marked: list[str | None]) -> str:
    out: list[str] = []
    i = 0
    while i < len(marked):
        if marked[i] is None or marked[i] == "":
            j = i
            while j < len(marked) and (marked[j] is None or marked[j] == ""):
                j += 1
            run = marked[i:j]
            if None in run:
                first, last = run.index(None), len(run) - 1 - run[::-1].index(None)
                blanks = max(first, len(run) - 1 - last)
            else:
                blanks = len(run)
            out.extend([""] * blanks)
            i = j
        else:
            out.append(marked[i])  # type: ignore[arg-type]
            i += 1
    return "\n".join(out)
