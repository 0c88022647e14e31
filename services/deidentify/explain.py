"""Why a span was removed, in words an approver reads ("looks like a person's name
after a title"), from the engine's internal rule name ("cue_title").

Rule names change as the engine grows, so words are found by the rule's parts (its
family, then its qualifiers), falling back to the finding's category: every rule gets
a sentence, never a bare identifier of the code.
"""

from __future__ import annotations

from typing import Final

GUESS: Final = "guess_"

CATEGORY_WORDS: Final = {
    "NAME": "looks like a person's name",
    "DATE": "a date",
    "MRN": "a medical record number",
    "PHONE": "a phone number",
    "FAX": "a fax number",
    "EMAIL": "an email address",
    "SSN": "a Social Security number",
    "ID": "a number or code that could identify someone",
    "DEVICE": "a device serial number",
    "URL": "a web address",
    "IP": "an IP address",
    "ADDRESS": "a street address",
    "LOCATION": "a place smaller than a state (town, city, county)",
    "ZIP": "a ZIP code",
    "AGE": "an age over 89",
    "VEHICLE": "a vehicle number or plate",
    "ACCOUNT": "an account number",
    "LICENSE": "a licence or certificate number",
    "HEALTHPLAN": "a health plan number",
}

# Whole rule names, or their leading words, that say more than the category does.
RULE_WORDS: Final = {
    "case_name": "the patient's registered name",
    "case_initials": "the patient's initials",
    "case_mrn": "the patient's medical record number",
    "case_dob": "the patient's date of birth",
    "case": "one of the patient's registered identifiers",
    "cue_title": "looks like a person's name after a title (Mr, Mrs, Dr …)",
    "cue_relation": "looks like a person's name after a relation (wife, son, mom …)",
    "cue_role": "looks like a person's name after a role (nurse, surgeon …)",
    "cue_patient": "looks like a person's name after \"patient\" or \"pt\"",
    "cue_uncertain": "an unfamiliar word where a name usually stands",
    "cue": "looks like a person's name from the words around it",
    "name_pair": "looks like a first name and a surname together",
    "name_forms": "a form of the patient's registered name",
    "lexicon_name_capitalised": "a capitalised word that is a common first name or surname",
    "lexicon_name_lower": "a lowercase word that is a common first name or surname",
    "lexicon_name": "a common first name or surname",
    "initials": "looks like a person's initials",
    "city": "the name of a town or city",
    "place": "the name of a place smaller than a state",
    "street_address": "a street address",
    "street": "a street name",
    "po_box": "a post office box",
    "zip": "a ZIP code",
    "age_over_89": "an age over 89",
    "date": "a date",
    "phone_local": "a local phone number",
    "phone": "a phone number",
    "digit_run": "a long run of digits that could be an identifier",
    "alphanumeric_code": "a code of letters and digits that could be an identifier",
    "vin": "a vehicle identification number",
    "labelled": "a number labelled as an identifier",
    "doubt_digits_for_letters": "a word left in, typed with digits for letters, that reads "
                                "as a name",
    "doubt_beside_name": "a name word left in right beside a removed name (the rest of it?)",
    "doubt_spelled_out": "a word left in, spelled out letter by letter, that reads as a name",
    "doubt_name_opens_note": "a name word left in as the note's subject (it is also an "
                             "ordinary word)",
    "doubt_long_number": "a number left in, five digits or more, that no rule explains (it "
                         "could identify someone)",
    "doubt_lookalike_number": "a number left in, typed with letters for digits (O for 0, l "
                              "for 1), that reads as an identifier",
    "doubt_age_number": "a number from 90 to 119 left in that no rule explains (an age over "
                        "89 identifies someone)",
    "doubt_unknown_after_cue": "an unknown capitalised word left in right after a word for "
                               "a person (pt, label, a relative): it could be a name",
    "doubt_name_in_person_slot": "a word left in where a person stands (opening a message "
                                 "before what someone does, after tell/ask, before 's): "
                                 "it could be a first name",
    "doubt_number_in_words": "a number left in, read out digit by digit in words, that no "
                             "rule explains (it could identify someone)",
}

QUALIFIERS: Final = {
    "ambiguous": " (it could also be an ordinary word)",
    "fuzzy": " (spelled slightly differently)",
    "typo": " (spelled slightly differently)",
    "spaced": " (written with spaces between the letters)",
    "leet": " (written with digits for letters)",
    "words": " (written out in words)",
    "partial": " (only part of it)",
}


def _family(rule: str) -> str | None:
    """The longest known leading part of the rule's name."""
    parts = rule.split("_")
    for n in range(len(parts), 0, -1):
        head = "_".join(parts[:n])
        if head in RULE_WORDS:
            return head
    return None


def reason(rule: str, category: str, *, confident: bool = True) -> str:
    """A short sentence for one finding (at most 200 characters)."""
    name = rule.removeprefix(GUESS)
    family = _family(name)
    if family == "labelled" and category in CATEGORY_WORDS:
        words = "labelled as " + CATEGORY_WORDS[category].removeprefix("a ").removeprefix(
            "an ")
    elif family is not None:
        words = RULE_WORDS[family]
    else:
        words = CATEGORY_WORDS.get(category, "could identify someone")
    rest = name[len(family):].split("_") if family else []
    words += "".join(dict.fromkeys(QUALIFIERS[p] for p in rest if p in QUALIFIERS))
    if not confident or rule.startswith(GUESS):
        words = "not sure: " + words
    return words[:200]
