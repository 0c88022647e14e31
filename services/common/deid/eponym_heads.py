"""Eponyms written the Romance or German way: "<thing> de <Surname>".

"Maniobra de Pringle", "signe de Murphy", "pince de Kocher", "Y de Roux": the noun before
"de" says the surname names a manoeuvre, sign, score or instrument, not a person or a
town (where a place follows "de" a person or a verb comes first: "viene de Lawrence").
The clinical head nouns themselves ("Escala", "Pinza" at the start of a sentence) are no
names either, unless a person cue or a particle stands right before ("Mr. Loi", "son
Asa", "Okafor de Mesa"): some are surnames and given names too. Matching is on
accent-folded lower case, so "técnica" and "tecnica" agree.
"""

from __future__ import annotations

import re

from . import charfold, person_cues

Span = tuple[int, int, str, str, int]

# Kinds of thing an eponym names, in Spanish, Portuguese, French, Italian and German.
HEADS = frozenset((
    "maniobra manobra manoeuvre manovra signo signe sinal segno sintoma symptome "
    "tecnica technique tecnica metodo methode procedimiento procedure procedimento "
    "operacion operation operacao operazione intervencion intervention incision incisao "
    "escala echelle scala score indice index criterios criteres criteri clasificacion "
    "classification classificacao classificazione "
    "tubo tube sonda sonde pinza pinzas pince pinces separador separadores ecarteur "
    "ecarteurs divaricatore retractor clamp clamps tijera tijeras ciseaux forbici "
    "cateter catheter catetere drenaje drain dreno drenaggio aguja aiguille ago "
    "canula canule cannula valva valve mesa table tavolo posicion position posizione "
    "epreuve prueba teste test prova reflejo reflexe riflesso "
    "enfermedad maladie malattia doenca sindrome syndrome "
    "triangulo triangle triangolo punto point ponto bolsa poche tasca ley loi legge "
    "fractura fracture frattura hernia hernie ernia anastomosis anastomose anastomosi "
    "asa ansa anse y zange schere klemme haken spreizer handgriff zeichen").split())
_PARTICLE = re.compile(r"(?i)(?P<head>[^\W\d_]+)\s+(?:de|di|del|della|du|des|da|do|von|nach)"
                       r"\s+(?:la\s+|l['’]\s*)?$")
_KINDS = frozenset(("NAME", "LOCATION"))
# "Okafor de Mesa": after a particle the head noun is a surname's part
_PARTICLE_BEFORE = re.compile(r"(?i)\b(?:de|di|del|da|do|von|van|la|le)\s+$")
_PARTICLES = frozenset("de di del della du des da do von nach la l'".split())


def fold(word: str) -> str:
    """Lower case without accents: "Técnica" -> "tecnica"."""
    return charfold.accentless(word.lower())


def drop(text: str, spans: list[Span]) -> list[Span]:
    """The spans that are no eponym after its head noun and no head noun themselves."""
    kept: list[Span] = []
    for sp in spans:
        s, e, cat = sp[0], sp[1], sp[2]
        word = text[s:e].strip()
        if cat in _KINDS and " " not in word:
            if fold(word) in HEADS and not person_cues.before(text, s) \
                    and not _PARTICLE_BEFORE.search(text, max(0, s - 8), s):
                continue  # "Escala de Glasgow", "Pinza de Kelly": the noun, no name
            # a word test first: the regex below is only worth running after "de"
            if not _PARTICLES.isdisjoint(text[max(0, s - 9):s].lower().split()):
                m = _PARTICLE.search(text, max(0, s - 40), s)
                if m is not None and fold(m.group("head")) in HEADS:
                    continue
        kept.append(sp)
    return kept
