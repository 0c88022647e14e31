"""Brazilian, Italian and Dutch numbers by their shape or word (newer, study33a):

- a Brazilian phone with its area code in brackets: "(21) 98877-4401", "(11) 3322-1100";
- a health card's number after its word (cartão, SUS, CNS, carteirinha, convênio): digits
  in groups, ten or more in all ("898 0012 3456 7890", "0 123 456789 00 7");
- an RG after its word, with its state's letters: "RG MG-12.345.678", "RG 12.345.678-9";
- a record's number after its word (cartella, prontuário, patiëntnummer), year-led or short:
  "cartella 2025/004412", "prontuário 55-7712";
- a plate after its word (targa, placa, kenteken, matrícula) and up to four words:
  Italian "AB 123 CD", Brazilian "ABC-1D23", Dutch "07-TVS-4".

Kept: a dose's or a count's figures, a room ("sala 4"), a lot number without its word, a
ratio in brackets ("(2) 3-4 times"), a bone plate's vertebrae ("placa em C4-C5-C6").
After attack33a also: a blank for the phone's dash, an Italian landline "(0521) 234567", a
Dutch mobile in pairs "06 12 34 56 78", a dotted card, "RG SP 12.345.678", a plain record
number of five to eight figures, a Dutch plate without dashes after "kenteken".

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .hints import any_in

_PRIO = 2

Span = tuple[int, int, str, str, int]

_BR_PHONE = re.compile(r"(?<![\w(])\([1-9]\d\)[ \t]?9?\d{4}[- ]\d{4}(?![\w-])")
# an Italian landline with its code in brackets: "(0521) 234567"
_IT_PHONE = re.compile(r"(?<![\w(])\(0\d{1,3}\)[ \t]?\d{5,8}(?![\w-])")
# a Dutch mobile in pairs: "06 12 34 56 78"
_NL_MOBILE = re.compile(r"(?<![\w.,/:-])06(?:[ \t]\d\d){4}(?![\w.,/:-]|[ \t]\d)")
# what both bracketed phones hold: "(" and two figures ("(21)", "(0521)")
_BRACKET_GATE = re.compile(r"\(\d\d")
_CARD = re.compile(r"(?i)(?<![\w])(?:cart[aã]o|sus|cns|carteirinha|conv[eê]nio)(?:[ \t]+(?:sus"
                   r"|cns|conv[eê]nio|n[º°o]\.?|do[ \t]+sus))*[ \t]*:?[ \t]*"
                   r"(?P<n>\d{1,6}(?:[ \t.]\d{1,6}){1,5})(?![\w])")
_RG = re.compile(r"(?<![\w])RG[ \t]*:?[ \t]*(?P<n>(?:[A-Z]{2}[- ]?)?\d{1,2}\.\d{3}\.\d{3}"
                 r"(?:-[\dXx])?)(?![\w])")
_RECORD = re.compile(r"(?i)(?<![\w])(?:cartella(?:[ \t]+clinica)?|prontu[aá]rio|pati[eë]ntnummer"
                     r"|dossiernummer)[ \t]*(?:n[º°r]?\.?|#)?[ \t]*:?[ \t]*"
                     r"(?P<n>(?:19|20)\d\d/\d{3,8}|\d{2,4}-\d{3,6}|\d{5,8})(?![\w/-]|[.,]\d)")
# a Dutch plate without its dashes, letters and figures mixed: "kenteken 07TVS4"
_NL_PLATE = re.compile(r"(?i:kenteken)[ \t]*:?[ \t]*(?P<n>(?=[A-Z]{0,5}\d)(?=\d{0,5}[A-Z])"
                       r"[A-Z0-9]{6})(?![\w-])")
_PLATE_WORD = re.compile(r"(?i)(?<![\w])(?:targa|placa|kenteken|matr[ií]cula)(?![\w])")
# (never a bone plate's vertebrae: "placa de titânio em C4-C5-C6")
_PLATE = re.compile(r"(?:[ \t]+[a-zà-ú']+){0,4}?[ \t]+(?![CTLS]\d\d?-[CTLS]?\d)"
                    r"(?P<n>[A-Z]{2}[ \t]?\d{3}[ \t]?[A-Z]{2}"
                    r"|[A-Z]{3}-?\d[A-Z0-9]\d\d|[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,2})"
                    r"(?![\w-])")


def scan(text: str) -> list[Span]:
    """The numbers above, each with its kind."""
    found: list[Span] = []
    if "(" in text and _BRACKET_GATE.search(text) is not None:
        found += [(m.start(), m.end(), "PHONE", "br_phone", _PRIO)
                  for pat in (_BR_PHONE, _IT_PHONE) for m in pat.finditer(text)]
    if "06 " in text:
        found += [(m.start(), m.end(), "PHONE", "nl_mobile", _PRIO)
                  for m in _NL_MOBILE.finditer(text)]
    if any_in(text, ("cart", "sus", "cns", "conv")):
        for m in _CARD.finditer(text):
            if sum(c.isdigit() for c in m.group("n")) >= 10:
                found.append((m.start("n"), m.end("n"), "HEALTHPLAN", "br_card", _PRIO))
    if "RG" in text:
        found += [(m.start("n"), m.end("n"), "LICENSE", "br_rg", _PRIO)
                  for m in _RG.finditer(text)]
    if any_in(text, ("cartella", "prontu", "ntnummer", "dossiernummer")):
        found += [(m.start("n"), m.end("n"), "MRN", "record_number", _PRIO)
                  for m in _RECORD.finditer(text)]
    if "enteken" in text:
        found += [(m.start("n"), m.end("n"), "VEHICLE", "plate_after_word", _PRIO)
                  for m in _NL_PLATE.finditer(text)]
    if any_in(text, ("targa", "placa", "kenteken", "matr")):
        for w in _PLATE_WORD.finditer(text):
            if (plate := _PLATE.match(text, w.end())) is not None:
                found.append((plate.start("n"), plate.end("n"), "VEHICLE", "plate_after_word",
                              _PRIO))
    return found
