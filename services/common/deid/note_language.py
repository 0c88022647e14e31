"""Does a note look like a language: several of its own little words, not one letter.

The multilingual rules read some cue words that English also writes ("let", "v.", "Pat",
"Ring", "Mob", "os."); such a cue counts only in a note that looks like its language. A
language's words here are its grammar and everyday clinical words that English never
writes as words ("och", "się", "potilas"), so an English note with an eponym's "ö" or a
French "rôle" does not qualify.
"""

from __future__ import annotations

from .hints import folded_runs

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


def looks(lang: str, text: str, at_least: int = 2) -> bool:
    """Whether `text` holds `at_least` different words of `lang` ("cs", "fi", "nordic",
    "pl"). (The note's folded words are `hints.folded_runs`, read once a note and shared
    with the rules' gates.)"""
    return len(folded_runs(text) & _WORDS[lang]) >= at_least
