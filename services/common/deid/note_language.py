"""Does a note look like a language: several of its own little words, not one letter.

The multilingual rules read some cue words that English also writes ("let", "v.", "Pat",
"Ring", "Mob", "os."); such a cue counts only in a note that looks like its language. A
language's words here are its grammar and everyday clinical words that English never
writes as words ("och", "się", "potilas"), so an English note with an eponym's "ö" or a
French "rôle" does not qualify.
"""

from __future__ import annotations

import re

from .hints import folded

# (no word English writes: not "po", "na", "do", "med", "av", "er", "den", "till", "men",
# "ale", "lat", "pod", "stan", "syn", "sa")
_WORDS = {lang: frozenset(words) for lang, words in {
    "cs": ("je", "se", "ve", "byl", "byla", "bylo", "při", "pri", "který", "která",
           "které", "jsou", "není", "nie", "nebo", "alebo", "také", "pacient", "pacientka",
           "pacienta", "pacientky", "stav", "věk", "vek", "roků", "rokov", "operace",
           "operaci", "operácii", "bez", "dcera", "manžel", "manželka", "domů",
           "doma", "dne", "bolest", "sestra", "lékař", "jako", "už", "již"),
    "fi": ("ja", "ei", "potilas", "potilaan", "potilaalla", "vuotta", "vuotias", "leikkaus",
           "leikattu", "kotiin", "tai", "sekä", "oli", "hoito", "vointi", "kipu", "omainen",
           "omaisen", "tytär", "poika", "puoliso", "asuu", "hyvä", "lääkäri", "hoitaja",
           "heräämö", "osasto", "osastolle", "jälkeen", "kanssa", "klo", "myös", "nyt"),
    "nordic": ("och", "är", "inte", "ej", "har", "från", "för", "efter", "hos", "det", "på",
               "og", "ikke", "ikkje", "til", "fra", "etter", "jeg", "hon", "ingen", "inga",
               "pasient", "pasienten", "patienten", "bor", "sedan",
               "siden", "vaken", "våken", "orolig", "uppvaket", "avdelning", "hemma",
               "hjemme", "sonen", "dottern", "datter", "hustru", "anhörig", "pårørende",
               "går", "skal", "ska", "også", "också", "eller"),
    "pl": ("się", "nie", "oraz", "przez", "pacjent", "pacjentka", "pacjenta", "lata",
           "mieszka", "że", "dla", "córka", "córką", "żona", "mąż",
           "zabieg", "zabiegu", "operacji", "który", "która", "roku", "dnia", "godz",
           "szpital", "szpitala", "osiedle", "ul", "przy", "jego", "jej"),
}.items()}
_WORD = re.compile(r"[^\W\d_]+")


# the last note with its words (a rule asks once a cue it finds: once a note, not once a
# cue, or a note of many cues would be read over and over; one tuple, replaced whole)
_last: tuple[str, frozenset[str]] = ("", frozenset())


def looks(lang: str, text: str, at_least: int = 2) -> bool:
    """Whether `text` holds `at_least` different words of `lang` ("cs", "fi", "nordic",
    "pl")."""
    global _last
    last_text, words = _last
    if text is not last_text and text != last_text:
        words = frozenset(_WORD.findall(folded(text)))
        _last = (text, words)
    return len(words & _WORDS[lang]) >= at_least
