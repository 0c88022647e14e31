"""Ages over 89 in Italian, Portuguese and Dutch (newer, study33a): the age rules want
English or German units, so "93 anos", "91 jaar", "novantadue anni", "centouno anni",
"noventa e quatro anos" and "drieënnegentig jaar" went through.

A number from 90 to 119, in figures or in words, right before its year's word (anni, anno,
anos, ano, jaar, jarige, "-jarige"). Kept: a number before any other unit ("90 minuti",
"92 kg"), an age under 90 ("ottantanove anni"), a building's years ("bestaat 90 jaar").
Also joined ("93enne", "drieënnegentigjarige") and after "età:".

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

RULE = "it_pt_nl_age"
_PRIO = 1

Span = tuple[int, int, str, str, int]

# (also joined: Italian "93enne", Dutch "drieënnegentigjarige")
_UNITS = r"(?:[ \t]+(?:anni|anno|anos|ano|jaar|jarige)|-?jarige?|enne)(?![\w])"
_FIGURES = r"(?:9\d|1[01]\d)"
_IT_ONES = r"(?:uno|due|tr[eéè]|quattro|cinque|sei|sette|otto|nove|dieci)"
_IT = rf"(?:novant(?:a|uno|adue|atr[eéè]|aquattro|acinque|asei|asette|otto|anove)|cento{_IT_ONES}?)"
_PT_ONES = r"(?:um|uma|dois|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove|dez)"
_PT = rf"(?:noventa(?:[ \t]+e[ \t]+{_PT_ONES})?|cem|cento[ \t]+e[ \t]+{_PT_ONES})"
_NL_ONES = r"(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)"
_NL = (r"(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:ën|en|e)negentig|negentig"
       rf"|honderd{_NL_ONES}?)")
# (never a building's or a firm's years: "het ziekenhuis bestaat 90 jaar")
_AGE = re.compile(rf"(?i)(?<![\w.,/-])(?<!bestaat )(?<!bestond )(?<!esiste da )(?<!existe h[aá] )"
                  rf"(?P<n>{_FIGURES}|{_IT}|{_PT}|{_NL}){_UNITS}")
# an Italian age's word and its colon ("età: 93")
_AGE_WORD = re.compile(rf"(?i)(?<![\w])et[àa][ \t]*:[ \t]*(?P<n>{_FIGURES})(?![\w/:-]|[.,]\d)")
_HINTS = ("ann", "ano", "jaar", "jarig", "enne")


def scan(text: str) -> list[Span]:
    """The ages above as AGE spans (the number only)."""
    found: list[Span] = []
    if any_in(text, _HINTS):
        found += [(m.start("n"), m.end("n"), "AGE", RULE, _PRIO) for m in _AGE.finditer(text)]
    if any_in(text, ("età", "eta")):
        found += [(m.start("n"), m.end("n"), "AGE", RULE, _PRIO)
                  for m in _AGE_WORD.finditer(text)]
    return found
