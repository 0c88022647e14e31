"""A social-media or payment handle ("@cornqueen44", "IG: ames_lily_44", "venmo
@lily-4481"): an account name reaches one person as surely as an e-mail address.

"@name" is a handle when a platform word stands a few words before it, or when the name
holds a digit, "_" or "." as user names do (an e-mail's "@" has a word before it, and a
time "@0735" starts with a digit). After a platform word a handle may come without its
"@" ("insta ames_lily_44") if it holds a digit, "_" or "." (no ordinary word does).
"""

from __future__ import annotations

import re

Span = tuple[int, int, str, str, int]

_PLATFORMS = (r"instagram|insta|ig|twitter|tweet(?:ed|s)?|tiktok|tik\s+tok|snapchat|"
              r"facebook|fb|bluesky|bsky|reddit|youtube|twitch|discord|telegram|"
              r"venmo|cash\s?app|paypal|zelle|handle|username|user\s?name|screen\s?name|"
              r"gamertag|onlyfans|linkedin|pinterest|kik|whatsapp|wechat")
# the note's words (norms) hold one of these when a platform is named: a set test
WORDS = frozenset((
    "instagram insta ig twitter tweet tweeted tweets tiktok tik snapchat facebook fb bluesky "
    "bsky reddit youtube twitch discord telegram venmo cashapp cash paypal zelle handle "
    "username user screen gamertag onlyfans linkedin pinterest kik whatsapp wechat").split())
_CUE = re.compile(rf"(?i)\b(?:{_PLATFORMS})\b")
_AT_HANDLE = re.compile(r"(?<![\w@.])@(?P<h>[A-Za-z][\w.-]{1,29}[A-Za-z0-9])(?![\w@])")
_BARE = re.compile(r"(?i)\b(?:" + _PLATFORMS + r")\b(?:\s+(?:handle|name|account|is|was))*"
                   r"\s*[:=-]?\s*(?P<h>[A-Za-z][\w.-]{1,29}[A-Za-z0-9])(?![\w@])")
_USERISH = re.compile(r"[\d_.]")
_LOOKBACK = 48


def scan(text: str, words: set[str], out: list[Span]) -> None:
    """Append every handle of `text` to `out` as a URL span (an online identifier);
    `words`: the note's norms."""
    if "@" in text:
        for m in _AT_HANDLE.finditer(text):
            h = m.group("h")
            if _USERISH.search(h) or _CUE.search(text, max(0, m.start() - _LOOKBACK),
                                                 m.start()):
                out.append((m.start(), m.end(), "URL", "handle", 2))
    if WORDS.isdisjoint(words):
        return
    for m in _BARE.finditer(text):
        h = m.group("h")
        if _USERISH.search(h) and not h.replace(".", "").isdigit():
            out.append((m.start("h"), m.end("h"), "URL", "handle", 2))
