"""Italian, Portuguese and Dutch grammar words (articles joined to prepositions,
prepositions, conjunctions) that the world name lists also hold as given names or surnames
("della", "prima", "del", "mora"): typed in lower case in a note they are the word, so the
lexicon's lower-case name ("notizie della madre") and its lower-case given-and-surname pair
("prima del bisturi", "del medico") pass them over (study33a).

Name particles typed in lower case inside a name ("van", "de", "da", "dos", "di") are not
here: "Joost van Dijk" keeps its "van".
"""

from __future__ import annotations

GRAMMAR = frozenset((
    # Italian: articled prepositions, prepositions, conjunctions
    "del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli "
    "dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi "
    "prima dopo sotto sopra verso senza presso durante mentre oppure quindi anche "
    # Portuguese
    "em nos nas ao aos pelo pela pelos pelas sem sob sobre após até desde entre "
    "também porém depois antes "
    # Dutch
    "naar bij zonder geen niet ook maar tijdens").split())
# a verb of living before its preposition: "mora em", "abita in"; in lower case no name
LIVES_BEFORE = frozenset(("em", "no", "na", "in", "a"))
LIVES = frozenset(("mora", "abita", "vive", "woont"))
# words that tell an Italian or a Dutch note (no English word, no frequent name): two of
# them, and a lower-case word the name lists hold only as a rarer name ("notte", "ferri",
# "sala", "schoon") is the language's word, not a name typed in lower case
IT_NL_MARKERS = frozenset((
    "il gli della delle dello degli dalla dalle alla alle nella nelle sulla che non nessun "
    "nessuna sono anche dopo pronta pronto pulita pulite "
    "het een naar geen niet wordt zijn voor bij nog ook klaar").split())
