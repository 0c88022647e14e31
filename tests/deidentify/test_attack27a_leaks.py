"""attack27a: identifiers of the shapes lead18 worked on (towns cut by hidden characters,
zips and house numbers after "is", employers after job words, spoken dates of birth,
masked names, board separators, call words, SLASH) that main still lets reach students.
Every example is invented. Strict xfails: each fails today; a fix turns it into a pass."""

from __future__ import annotations

import pytest

from services.common.deid import Engine

from .support import shown, strict_xfail

# (note, the part that must not be shown)
HIDDEN_TOWN = [  # OLDER: a hyphen before the hiding char, or the cut between a town's words
    ("Pt lives in Glen-\u00adharrow, arrived.", "harrow"),
    ("Pt lives in Mar\u2060low Fen, stable.", " Fen,"),
    ("Pt lives in Marlow F\u200ben, stable.", "F\u200ben"),
]


@strict_xfail("a town cut by a hyphen + soft hyphen, or a hidden char in its first word, "
        "keeps its other part")
@pytest.mark.parametrize(("note", "secret"), HIDDEN_TOWN)
def test_hidden_town_whole(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


ZIP_HOUSE = [  # OLDER: digits and number words mixed; a house number with no street word
    ("zip is 9 oh 2 1 oh, stable.", "9 oh 2 1 oh"),
    ("zip is 1 five 5 two five. Stable.", "1 five 5 two five"),
    ("ZIP IS THREE 9 EIGHT ONE TWO TODAY.", "9 EIGHT ONE TWO"),
    ("Pt lives at 4417 Brackett.", "4417"),
]


@strict_xfail("a zip spoken half in digits, or a house number with no street word, is shown")
@pytest.mark.parametrize(("note", "secret"), ZIP_HOUSE)
def test_zip_and_house_number_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


EMPLOYER_CAPS = [  # OLDER: the new job cues read only capitalised words in mixed case
    ("PT DRIVES FOR QUILLON FREIGHT. STABLE.", "QUILLON"),
    ("Pt stable. PT DRIVES FOR ORRIN LUMBER.", "ORRIN"),
]


@strict_xfail("an employer after a job cue in capitals with no company word is shown")
@pytest.mark.parametrize(("note", "secret"), EMPLOYER_CAPS)
def test_employer_in_capitals_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


SPOKEN_DOB = [  # OLDER: "born on", an ordinal, a dash between spoken parts, no year, "_"
    ("born eleven fourth thirty one.", "eleven fourth"),
    ("Date of birth 11 - four - 31.", "11 - four"),
    ("birthday eleven four, stable", "eleven four"),
    ("DOB 21_07_1938", "21_07"),
    ("Date-of-birth 21-Jul, stable.", "21-Jul"),  # dob_values: "date of birth" with dashes
    ("DOB 21|07|38 stable", "21|07|38"),
    ("DOB 21\\07\\38 stable", "07\\38"),
]


@strict_xfail("a spoken or oddly joined date of birth is shown")
@pytest.mark.parametrize(("note", "secret"), SPOKEN_DOB)
def test_spoken_dob_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


def test_dob_key_with_middle_dots_hidden(engine: Engine) -> None:
    """Once a strict xfail: the value of a "DOB=" pair is a date whatever joins its parts
    (record_fields)."""
    assert not shown(engine, "DOB=21\u00b707\u00b738", "21\u00b707")


MASKED = [  # OLDER: an initial with no dot or no space, last-first, one plain part,
    # lower case, other masking marks
    ("Pt J W*LK*R to OR 3.", "W*LK*R"),
    ("Pt J.W*lk*r to OR 3.", "lk*r"),
    ("Pt W*lk*r, J*n*t to OR 3.", "J*n*t"),
    ("Pt Janet W*lk*r to OR 3.", "W*lk*r"),
    ("Pt Mr. W*lk*r to OR 3.", "lk*r"),
    ("Pt j*n*t w*lk*r to OR 3.", "w*lk*r"),
    ("Pt J\u2022n\u2022t W\u2022lk\u2022r to OR 3.", "lk\u2022r"),
    ("Pt J#n#t W#lk#r to OR 3.", "W#lk#r"),
    ("Pt J\u2731n\u2731t W\u2731lk\u2731r to OR 3.", "W\u2731lk\u2731r"),
    ("Pt J\ufe61n\ufe61t W\ufe61lk\ufe61r to OR 3.", "W\ufe61lk\ufe61r"),
]


@strict_xfail("a masked name outside the two-masked-words / dotted-initial shape is shown")
@pytest.mark.parametrize(("note", "secret"), MASKED)
def test_masked_name_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


BOARD = [  # OLDER: ";" typed against the word, first field, other separators, "Or", no blanks
    ("Room 4; Qzarnik; lap chole; Dr Hollis", "Qzarnik"),
    ("Qzarnik => lap chole => PACU", "Qzarnik"),
    ("OR 4 \u00b7 Qzarnik \u00b7 lap appy", "Qzarnik"),
    ("Qzarnik | lap appy | PACU", "Qzarnik"),
    ("Rm 2 \u2014 PENNEBAKER \u2014 CABG", "PENNEBAKER"),
    ("Or 5: Qzarnik - lap appy", "Qzarnik"),
    ("OR 05: QZARNIK-LAP APPY", "QZARNIK"),
]


@strict_xfail("a surname between board separators the rule does not list is shown")
@pytest.mark.parametrize(("note", "secret"), BOARD)
def test_board_surname_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


PHONE = [  # OLDER: a word between the call word and the number, "Cel", "callback", groups
    ("Hija llamo al 555-1438.", "555-1438"),
    ("Cel 555-3071.", "555-3071"),
    ("callback 555-1438.", "555-1438"),
    ("Called 555 14 38.", "555 14 38"),
    ("Wife called 555\n1438.", "1438"),
]


@strict_xfail("a local number after a call word in another shape is shown")
@pytest.mark.parametrize(("note", "secret"), PHONE)
def test_local_phone_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)


SLASH = [  # OLDER: a year after a second SLASH, Title Case, a sentence after it, a line break
    ("SURGERY ON 5 SLASH 12 SLASH 2024.", "12 SLASH 2024"),
    ("Admitted 5 Slash 12.", "5 Slash 12"),
    ("Admitted 4 slash 2 slash 24. Stable.", "2 slash 24"),
    ("DOS 8 slash 3 slash 2024. Stable.", "3 slash 2024"),
    ("Admitted 5 SLASH\n12.", "SLASH\n12"),
    ("Admitted 5 forward slash 12.", "slash 12"),
]


@strict_xfail("a date spoken with SLASH in another form is shown")
@pytest.mark.parametrize(("note", "secret"), SLASH)
def test_slash_date_hidden(engine: Engine, note: str, secret: str) -> None:
    assert not shown(engine, note, secret)
