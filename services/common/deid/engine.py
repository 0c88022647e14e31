"""The engine: find every identifier, replace each by `[CATEGORY]`, give a verdict.

Fail-closed contract: `deidentify` never raises and never returns unredacted
text on error; any exception inside becomes `Result(text="", verdict="quarantine",
reasons=("engine_error",))`. Deterministic: same input, same output.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import replace
from functools import reduce
from itertools import accumulate
from operator import itemgetter, or_
from pathlib import Path

from . import (
    after_names,
    age_shapes,
    ages,
    ages_words,
    aliases,
    band_codes,
    band_names,
    beside_names,
    board_names,
    chinese_places,
    cjk_names,
    context,
    cue_names,
    date_edges,
    date_spoken,
    date_words,
    dates,
    dense_notes,
    dictated_ids,
    digit_groups,
    digits,
    dob_values,
    dos_dates,
    dotted_dates,
    doubts,
    employers,
    encoded_queries,
    eponym_heads,
    eponym_nouns,
    facility_tails,
    fhir_names,
    field_labels,
    finnish_notes,
    foreign_dates,
    foreign_places,
    foreign_words,
    geo_sites,
    german_phones,
    given_before,
    grouped_doubts,
    handles,
    health_cards,
    hinglish_notes,
    hl7_segments,
    home_cities,
    home_sites,
    honorifics,
    id_cues,
    id_edges,
    id_heads,
    id_tokens,
    illegible_gaps,
    initial_cues,
    inverted_names,
    it_pt_nl_ages,
    it_pt_nl_dates,
    it_pt_nl_numbers,
    it_pt_nl_places,
    japanese_family_names,
    japanese_notes,
    job_places,
    kin_names,
    kin_of_names,
    korean_ids,
    korean_names,
    korean_places,
    label_values,
    lexcache,
    local_phones,
    log_names,
    lookalike_ages,
    lookalike_dates,
    lookalike_phones,
    loose_initials,
    masked_values,
    mentions,
    month_word_dates,
    name_again,
    name_cells,
    name_disguises,
    name_echoes,
    name_edges,
    name_heads,
    name_leads,
    name_lists,
    name_pairs,
    name_rest,
    name_sweep,
    name_syllables,
    name_tails,
    nordic_notes,
    normalise,
    note_subject,
    number_edges,
    number_ends,
    ocr_dates,
    old_ages,
    other_kinds,
    pass_words,
    patient_rows,
    patterns,
    phone_ends,
    photo_links,
    place_edges,
    place_kinds,
    place_leads,
    place_shapes,
    place_tails,
    plain_words,
    plate_states,
    player_names,
    pt_lower_pairs,
    pt_names,
    pt_surnames,
    read_out,
    record_cells,
    record_fields,
    relatives,
    road_marks,
    script_items,
    script_names,
    self_names,
    sign_offs,
    spaced_dates,
    spaced_event_dates,
    spaced_runs,
    spoken_answers,
    spoken_links,
    staff_subjects,
    state_names,
    street_suffixes,
    surname_follows,
    surname_initials,
    tracking_codes,
    traits,
    transfer_places,
    trunk_phones,
    turkish_notes,
    typo_words,
    uk_postcodes,
    unknown_names,
    url_names,
    us_places,
    viewed_doubts,
    vocatives,
    weekday_dates,
    word_ages,
    work_numbers,
    world_addresses,
    world_ages,
    world_dates,
    world_names,
    world_numbers,
    world_places,
)
from .casematch import CaseMatcher, Matchers, scan_numbers
from .covered import extend_unheld
from .identifiers import CaseIdentifiers
from .lexicon import (
    COMMON,
    COUNTRY,
    CUE,
    ENGLISH,
    EPONYM,
    EPONYM_CTX,
    FIRST,
    FIRST_TOP,
    LABEL,
    LAST,
    LAST_TOP,
    MEDICAL,
    MONTH,
    NAMEISH,
    PHRASE,
    STATE,
    STREET,
    VERY_COMMON,
    WEEKDAY,
)
from .model import (
    CLEAN,
    IDENTIFIER_RATIO,
    INPUT_TOO_LONG,
    QUARANTINE,
    REDACTED,
    REVIEW,
    TOO_MANY_FINDINGS,
    Doubt,
    EngineConfig,
    Finding,
    Result,
    error_result,
)
from .names import LEXICON_EXTRA, TOKEN, NameScanner

logger = logging.getLogger(__name__)

Span = tuple[int, int, str, str, int]
# A rule named `guess_…` found something it is not sure of: redacted all the same, but
# the note's verdict becomes `review` so that a person looks before it goes out.
GUESS = "guess_"
_WORDS = ENGLISH | COMMON | MEDICAL
_DIGIT_RUN = re.compile(r"\d+")
_NOT_NAME_TAIL = (ENGLISH | COMMON | MEDICAL | VERY_COMMON | LABEL | MONTH | STATE | CUE | WEEKDAY
                  | COUNTRY | EPONYM)
_HARD_REASONS = frozenset({IDENTIFIER_RATIO, TOO_MANY_FINDINGS})
_SHAPED = frozenset(("SSN", "EMAIL"))  # shapes no label undoes
_BATCH_KINDS = frozenset(("ID", "DEVICE"))  # what a lot or model number is taken for
# a lot number may look like a date or phone number on its own ("LOT 2024-03-15"): see _shaped
_LOT_SHAPES = frozenset(("DATE", "PHONE", "FAX"))
_PHONE_SEPARATOR = re.compile(r"[-.()]")  # "123 456 7890" after "Lot" may be a lot
_NUMBER_IN_SPAN = re.compile(r"\d[\d.-]*\d")
_ASCII_TOKEN = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")  # names.TOKEN on ASCII text
# The same, as one group: `split` then yields gap, word, gap, word, ..., gap in one C pass
_ASCII_SPLIT = re.compile(f"({_ASCII_TOKEN.pattern})")
_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})", TOKEN.flags)
_WORD_OF, _FIRST, _SECOND = itemgetter(2), itemgetter(0), itemgetter(1)
# words that call a scan (looked up in the note's set of words, not its list)
_NICKNAME_CUES = frozenset(("by", "as", "called", "nickname", "nick"))
_NUMBER_END_CUES = frozenset(("end", "ends", "ending", "last"))
_PATIENT_CUES = frozenset(("pt", "patient"))
_PAIR_CUES = _PATIENT_CUES | {"inmate", "detainee", "prisoner"}
# The rules after base 768686d that add or widen spans before the verdict is taken
# (pt_surnames, spaced_dates, after_names' units and bare ages after a date of birth,
# spaced_event_dates):
# when one changed a note's spans, the verdict is also taken without them and the more
# careful one kept (see _more_careful); so too for the later place_tails ("from [X]
# Township"), name_syllables ("[Hwan]-min") and given_before ("ysolde [harmon]"). The
# widenings that only change what is shown (honorifics, id_heads, photo_links) run after
# the verdict: see _shown.
NEWER_RULES = ("pt_surnames", "spaced_dates", "after_names", "place_tails", "name_syllables",
               "given_before", "spaced_event_dates", "date_spoken", "board_names", "age_shapes",
               "name_leads", "name_disguises", "facility_tails", "dob_values", "ocr_dates",
               "pt_names", "initial_cues", "local_phones", "employers", "phone_ends", "ages.json",
               "id_edges.twins", "id_cues.licence", "name_tails", "name_edges", "hl7_segments",
               "record_cells", "relatives.said_names", "record_fields", "illegible_gaps",
               "surname_initials", "spoken_answers", "aliases.trauma_codes",
               "geo_sites", "band_names", "kin_names", "player_names", "self_names",
               "beside_names", "tracking_codes", "fhir_names",
               "kin_of_names", "url_names", "surname_follows",
               "script_items", "pt_lower_pairs", *other_kinds.NAMES,
               "foreign_places", "us_places", "old_ages",
               "foreign_dates", "german_phones", "weekday_dates", "trunk_phones",
               "health_cards", "encoded_queries", "lookalike_phones", "transfer_places",
               "it_pt_nl_dates", "it_pt_nl_ages", "it_pt_nl_places", "it_pt_nl_numbers",
               "cue_names", "word_ages", "uk_postcodes", "band_codes", "dos_dates",
               "home_cities",
               "japanese_notes", "hinglish_notes", "korean_places", "chinese_places",
               "japanese_family_names",
               "nordic_notes", "finnish_notes", "turkish_notes",
               "korean_ids", "korean_names", "dictated_ids", "place_leads", "name_echoes",
               "log_names", "home_sites",
               "world_ages", "world_numbers", "world_dates", "world_names",
               "world_addresses")


def _shaped(text: str, sp: Span) -> bool:
    """An SSN, an email, or a phone or fax number typed with a dash, dot or brackets."""
    return sp[2] in _SHAPED or (sp[2] in ("PHONE", "FAX")
                                and _PHONE_SEPARATOR.search(text, sp[0], sp[1]) is not None)


def merge(spans: list[Span]) -> list[Span]:
    """Union overlapping spans; the category of the longest piece wins, then priority."""
    if not spans:
        return []
    spans.sort(key=lambda s: (s[0], -s[1], -s[4]))
    merged: list[Span] = []
    cur = spans[0]
    for sp in spans[1:]:
        if sp[0] < cur[1]:
            better = (sp[1] - sp[0], sp[4]) > (cur[1] - cur[0], cur[4])
            s, e = cur[0], max(cur[1], sp[1])
            cur = (s, e, sp[2], sp[3], sp[4]) if better else (s, e, cur[2], cur[3], cur[4])
        else:
            merged.append(cur)
            cur = sp
    merged.append(cur)
    return merged


def _spare_the_mrn(text: str, before: list[Span], after: list[Span],
                   matcher: CaseMatcher | None) -> list[Span]:
    """`after` (what a "not a patient's number" rule kept of `before`), plus any number it
    dropped that is this patient's MRN with a slip: long numbers never ask `mrn_typo` when
    found (a digit run takes them whatever they are), so the drop must ask."""
    if matcher is None or len(after) == len(before):
        return after
    kept = set(after)
    return [sp for sp in before if sp in kept or any(
        matcher.mrn_typo(n.group().replace("-", "").replace(".", ""))
        for n in _NUMBER_IN_SPAN.finditer(text, sp[0], sp[1]))]


def _inside_a_batch(spans: list[Span]) -> list[Span]:
    """Other identifiers that a lot or model value reached over a label to take in: "Lot
    MRN 4456712", "Lot DOB 03/14/1961", "Lot 97-year-old" are no lot numbers, though the
    batch rule's value ("MRN 4456712") swallowed them and would go with it."""
    batches = [(s, e) for s, e, _cat, rule, _p in spans if rule.startswith(patterns.BATCH)]
    if not batches:
        return []
    return [sp for sp in spans if sp[2] not in _BATCH_KINDS and not sp[3].startswith(
        patterns.BATCH) and any((s < sp[0] or (s == sp[0] and sp[2] not in _LOT_SHAPES))
                                and sp[1] <= e for s, e in batches)]


def _shown(text: str, spans: list[Span]) -> list[Span]:
    """The spans as shown: widened over a courtesy title ("[Mrs. Ferrand]"), a payer or a
    state ("HUMANA [5520…]", "DL: WA [WDL…]"), a picture's phrase ("[face pic] sent to X
    [IMG_88]"). Taken after the verdict, which counts the pieces as found (a joined or
    widened span must not lower the finding count, lift the identifier-share hold or
    swallow a guess), and never over another span."""
    out = list(spans)
    grew = honorifics.widen(text, out) | id_heads.widen(text, out)
    if grew:
        out = merge(out)
    if photo_links.widen(text, out):
        out, grew = merge(out), True
    return out if grew else spans


def _edged(text: str, spans: list[Span], doubts: tuple[Doubt, ...]) -> list[Span]:
    """The spans as shown, grown over the rest of a code's run ("[FPT#B3-55…]"). Taken
    after the hold too: these pieces are shown hidden and never counted (the identifier
    share, the finding count and the verdict stay as the spans before them give). A span
    that would grow over a doubt stays as found: the approver is shown the doubted number
    beside the code (attack25b)."""
    out = list(spans)
    if not id_tokens.widen(text, out):
        return spans
    if doubts:  # (widen replaces spans in place: old and new pair up by index)
        out = [old if any(d.start < new[1] and new[0] < d.end for d in doubts) else new
               for old, new in zip(spans, out, strict=True)]
    return merge(out)


def _hidden(text: str, spans: list[Span], *, titles: bool) -> int:
    """The characters the spans hide, blanks not counted; `titles` False: nor a name's
    courtesy title that honorifics.widen took ("[Mrs. Ruiz] 95" is no denser than "Mrs
    [NAME] 95")."""
    hidden = 0
    for s, e, cat, *_ in spans:
        hidden += e - s - text.count(" ", s, e)
        if cat == "NAME" and not titles:
            hidden -= honorifics.title_length(text, s, e)
    return hidden


# how careful a verdict is: published either way, a person looks, held
_CARE = {CLEAN: 0, REDACTED: 0, REVIEW: 1, QUARANTINE: 2}


def _more_careful(new: Result, old: Result) -> Result:
    """`new` (all rules' text and findings) with the verdict of `old` (NEWER_RULES left
    out) when that is more careful: a newer rule adds what it hides, never lifts a hold
    or a look. A note the older rules found something in and the newer leave clean goes
    to a person."""
    if new.verdict == CLEAN and old.findings:
        return replace(new, verdict=REVIEW, doubts=_doubts_shown(new, old))
    if _CARE[old.verdict] <= _CARE[new.verdict]:
        return new
    return replace(new, verdict=old.verdict, reasons=old.reasons,
                   doubts=_doubts_shown(new, old))


def _doubts_shown(new: Result, old: Result) -> tuple[Doubt, ...]:
    """`new`'s doubts, plus each of `old`'s on words `new` left shown: a doubt inside a
    finding would point the approver at the wrong characters."""
    extra = tuple(d for d in old.doubts if d not in new.doubts and not any(
        f.start < d.end and d.start < f.end for f in new.findings))
    if not new.doubts or not extra:
        return new.doubts or extra
    return tuple(sorted(new.doubts + extra, key=lambda d: (d.start, d.end)))


class Engine:
    """Load the lexicons once; then `deidentify` as many notes as you like (thread-safe)."""

    def __init__(self, config: EngineConfig | None = None, *,
                 lexicon_cache: Path | None = None) -> None:
        """`lexicon_cache`: a folder to keep the folded word lists in between runs."""
        self.config = config or EngineConfig()
        self._lexicon = lexcache.load({
            LABEL: patterns.LABEL_HEADS, MONTH: dates.MONTHS, STREET: patterns.STREET_WORDS,
            **LEXICON_EXTRA}, lexicon_cache)
        self._names = NameScanner(self._lexicon, tuple(self.config.staff_allow_list))
        self._matchers = Matchers()

    def deidentify(self, text: str, case: CaseIdentifiers | None = None) -> Result:
        try:
            fired: list[str] = []
            result = self._deidentify(text, case, fired)
            if fired and result.verdict != QUARANTINE:
                # a newer rule (NEWER_RULES) changed the spans: the verdict is never less
                # careful than the older rules alone give (joined or widened spans lower
                # the counts and the share that hold a note; a new catch may remove the
                # only doubt of a note that still holds a name)
                result = _more_careful(result, self._deidentify(text, case, None))
            return result
        except Exception as exc:  # fail closed, whatever went wrong
            logger.error("de-identification failed (%s); quarantined", type(exc).__name__)
            return error_result()

    def _deidentify(self, text: str, case: CaseIdentifiers | None,
                    fired: list[str] | None) -> Result:
        """`fired`: None runs without NEWER_RULES; a list hears which of them changed
        something."""
        if not isinstance(text, str):
            raise TypeError("text must be str")
        if case is not None and not isinstance(case, CaseIdentifiers):
            raise TypeError("case must be CaseIdentifiers")
        cfg = self.config
        if len(text) > cfg.max_length:
            return Result(text="", findings=(), verdict=QUARANTINE, counts={},
                          reasons=(INPUT_TOO_LONG,))
        typed = text
        # Match on the normalised view (entities decoded, invisibles dropped, look-alikes
        # folded); redact the typed offsets behind each finding.
        seen = normalise.view(typed, self._name_word)
        if seen is not None:
            text = seen.text
        spans: list[Span] = []
        reasons: set[str] = set()
        # the words (start, end, word) and the gap before each, as TOKEN.finditer would
        # find them: one split and a running sum of lengths, all at C speed
        cut = (_ASCII_SPLIT if text.isascii() else _TOKEN_SPLIT).split(text)
        bounds = list(accumulate(map(len, cut)))
        toks = list(zip(bounds[0:-1:2], bounds[1::2], cut[1::2], strict=True))
        gaps = cut[0:-1:2]
        memo, lookup = self._names.memo, self._names.lookup
        seen_before = list(map(memo.get, map(_WORD_OF, toks)))  # C speed for known words
        looked: list[tuple[str, int]] = [
            x or lookup(t[2]) for x, t in zip(seen_before, toks, strict=True)
        ] if None in seen_before else seen_before  # type: ignore[assignment]
        norms: list[str] = list(map(_FIRST, looked))  # C speed, unlike a comprehension
        flags: list[int] = list(map(_SECOND, looked))
        union = reduce(or_, flags, 0)  # which kinds of word occur at all
        matcher = self._matchers.get(case) if case is not None else None
        dob_words: list[tuple[int, int]] | None = [] if matcher is not None else None
        digits.scan(text, spans, dob_words)
        ages.scan(text, spans)  # ages told by context, any language
        if fired is not None and ages.scan_json(text, spans):
            fired.append("ages.json")  # '"age": "93"'
        ages_words.scan(text, spans)  # "九十三岁", "Herr Vogt, neunzig"
        patterns.scan(text, toks, flags, union, spans)
        if union & MONTH:
            dates.scan(text, toks, flags, spans)
        if " de " in text:
            dates.scan_de_dates(text, spans)  # "3 de abril de 1931" (Abril is also a name)
        words_in = set(norms)  # for the set tests that gate the scans below
        if not dotted_dates.CUES.isdisjoint(words_in):
            dotted_dates.scan(text, spans)  # "OP am 22.09.", "born 17.IX"
        month_word_dates.scan(text, spans)  # "21-JUL-1938", "July 21,1938"
        if fired is not None and not spaced_dates.CUES.isdisjoint(words_in):
            n_spans = len(spans)
            spaced_dates.scan(text, spans)  # "dob 4 22 1936"
            if len(spans) != n_spans:
                fired.append("spaced_dates")
        if fired is not None and not spaced_event_dates.CUES.isdisjoint(words_in):
            n_spans = len(spans)
            spaced_event_dates.scan(text, spans)  # "admitted 11 3", "dob 5 slash 17 slash 1931"
            if len(spans) != n_spans:
                fired.append("spaced_event_dates")
        typed_words = words_in if seen is None else None  # the typed note's, for the doubts
        date_words.scan(text, toks, norms, words_in, spans)  # "le 3 mars", "admitted tuesday"
        mentions.scan(text, words_in, spans)  # "photo of the pt's face", "palm-vein scan"
        if "@" in text or not handles.WORDS.isdisjoint(words_in):
            handles.scan(text, words_in, spans)  # "IG @cornqueen44", "venmo jules-kwan-03"
        local_phones.scan(text, words_in, spans)  # "called from 555-0142"
        if fired is not None and local_phones.scan_newer(text, words_in, spans):
            fired.append("local_phones")  # "called 555-1438", "phoned from (555) 0142"
        if "," in text:
            state_names.towns(text, spans)  # "Indiana, PA", "Florida, NY"
        spoken_links.scan_spelled(text, spans)  # "w w w dot example dot org slash smith"
        employers.scan(text, words_in, spans)  # "works at Quillan's Bait & Tackle"
        if fired is not None and employers.scan_jobs(text, words_in, spans, self._flags_of):
            fired.append("employers")  # "drives for Tessel Packaging", "job at X"
        if pass_words.hinted(words_in):
            pass_words.scan(text, spans)  # 'family password "marigold"'
        disguised = context.disguised(typed, toks, seen.starts, seen.ends) \
            if seen is not None else None
        self._names.scan(text, toks, norms, flags, matcher, spans, reasons, disguised, gaps)
        relatives.scan(text, toks, norms, flags, spans)  # "visitor X", "X's wife"
        if ", " in text and ("for" in words_in or ":" in text):  # "for crane, hope at"
            inverted_names.scan(text, spans, self._surname, self._given_name, self._clinical)
        if not text.isascii():
            cjk_names.scan(text, spans)  # "患者王秀兰，", "女儿刘芳在"
            script_names.scan(text, spans)  # "Noa Levi (נועה לוי)", "पेशेंट राजेश कुमार"
        if not name_pairs.CUES.isdisjoint(words_in):  # "Mr. Will Carver", "son august is"
            name_pairs.scan(text, toks, norms, spans, self._eponym, self._clinical,
                            self._everyday, self._given_name, self._english)
        if not _NICKNAME_CUES.isdisjoint(words_in) or (
                "for" in words_in and ("fund" in text or "FUND" in text or "Fund" in text)):
            relatives.nicknames(text, spans)  # "goes by Tank", "GOFUNDME FOR MILES"
        loose_initials.scan(text, spans)  # "pt v-n", "pt is p.k."
        if text[-1:].isupper() or text[-1:] == ".":
            sign_offs.scan(text, spans, self._known_abbreviation)  # "pls delete - B. P."
        if not _NUMBER_END_CUES.isdisjoint(words_in):
            number_ends.scan(text, spans)  # "his cell ends in 4471"
        if fired is not None and "trauma" in words_in and aliases.trauma_codes(text, spans):
            fired.append("aliases.trauma_codes")  # "TRAUMA ZULU-07", "ZULU 07 identified"
        if fired is not None and "?" in text and spoken_answers.scan(text, spans):
            fired.append("spoken_answers")  # "Q: Last four of social? A: three three one eight"
        if street_suffixes.hinted(text, words_in) and digit_groups.HINT.search(text):
            street_suffixes.scan(text, spans, words_in)  # "42 Wallaby Crescent", "Calle X 17"
        if matcher is not None:  # the case's names split, glued, spelled, disguised
            name_sweep.scan(text, toks, norms, flags, matcher, spans)
        if matcher is not None:
            scan_numbers(text, spans, matcher, dob_words or [])
        if digit_groups.HINT.search(text):  # numbers in groups, and partial findings
            digit_groups.scan(text, spans, matcher, norms)
        if ", " in text:  # "for Mason, Woody."
            name_heads.inverted(text, spans, self._flags_of)
        if "for" in words_in:  # "the implant sheet for Ambeer."
            name_heads.after_for(text, spans, self._flags_of)
        if not _PATIENT_CUES.isdisjoint(words_in):  # "pt joy oyelaran", "pt will is awake"
            pt_names.scan(text, spans, self._flags_of)
            if fired is not None and (pt_names.before_ids(text, spans, self._flags_of)
                                      | ("name" in words_in and pt_names.after_name_word(
                                          text, spans, self._flags_of))):
                fired.append("pt_names")  # "Pt Clemency Brathwaite DOB", "pt name Quenby"
        if fired is not None and not _PAIR_CUES.isdisjoint(words_in) \
                and (pt_names.before_word(text, spans, self._flags_of)
                     | pt_names.surname_after(text, spans, self._flags_of)):
            fired.append("pt_names")  # "Patient Marigold Kettle complained", "Pt [Bodhi] Lark"
        if fired is not None and "name" in words_in \
                and pt_names.in_name_field(text, spans, self._flags_of):
            fired.append("pt_names")  # "Pt name: Is it Tamsin Bramble?"
        if fired is not None and surname_initials.scan(text, spans, self._flags_of):
            fired.append("surname_initials")  # "PT KORHONEN T STOP", "Brisbane-Kell J-P"
        if "|" in text or "MRN" in text or "DOB" in text:  # "| S. Mbeki |", "BRANDT, KEVIN MRN"
            name_cells.scan(text, spans, self._plain_word, self._known_abbreviation,
                            self._flags_of)
        if "/p" in text or "/P" in text:  # "cs s/p ex-lap", "Major s/p TKA"
            note_subject.scan(text, spans, self._flags_of)
        vocatives.scan(text, spans, self._flags_of)  # "hey kit!", "rory pls grab the tray"
        if staff_subjects.hinted(text, words_in):
            staff_subjects.scan(text, spans, self._flags_of)  # "gil is scrubbing", "ned says"
        # the case's own identifiers, numbers in the shape of an SSN or a phone, and ages:
        # no later "not an identifier" rule may drop them ("Lot 123-45-6789" is no lot;
        # "bệnh nhân 95 tuổi" is no word, even when a name span dropped as words held it)
        own = [sp for sp in spans if sp[3].startswith("case_") or _shaped(text, sp)
               or sp[2] == "AGE"]
        own += _inside_a_batch(spans)
        merged = merge(spans)
        if merged:  # "Maniobra de Pringle"; "pt aslep": eponyms and typos, not names
            merged = eponym_heads.drop(text, merged)
            if eponym_nouns.hinted(text):  # "Brenner tumor", "Coder:"
                merged = eponym_nouns.drop(text, merged)
            merged = typo_words.drop(text, merged, self._known_word, self._listed,
                                     self._frequent_name)
            merged = field_labels.drop(text, merged, self._given_name,  # "Pref Card:"
                                       self._known_word, self._surname)
            merged = state_names.drop(text, merged)  # "New Hampshire", "Rhode Island"
            merged = plain_words.drop(text, merged)  # "Reason:", "Lang\tArabic", "Azure"
            merged = foreign_words.drop(text, merged, self._flags_of, typed)  # "está en ayuno"
            merged = label_values.drop(text, merged, self._flags_of)  # "To: All OR staff"
            grew = name_heads.join(text, merged, self._flags_of)  # "May Kaur", "T-W"
            if name_tails.widen(text, merged, self._plain_word, self._only_a_word,
                                fired) or grew:  # "Åsa Lindqvist"
                merged = merge(merged)
            name_heads.join_across_initials(text, merged)  # "[name]   W .   [name]"
        if merged and name_again.scan(text, merged, self._never_again):  # "PRICE FAMILY"
            merged = merge(merged)
        if merged and name_lists.scan(text, merged, self._flags_of):  # "1 ANA, 2 KIT, 3 LEO"
            merged = merge(merged)
        if merged and name_again.scan_places(text, merged, self._never_again):  # "yes, hope"
            merged = merge(merged)
        if merged and (place_edges.widen(text, words_in, merged)  # "from East [St. Louis]"
                       | place_edges.town_after_street(text, merged)):  # "[…], Wexbury"
            merged = merge(merged)
        if fired is not None and merged and place_tails.widen(text, merged):  # "from [X] Wells"
            fired.append("place_tails")
            merged = merge(merged)
        if job_places.scan(text, merged, self._plain_word, words_in):  # "the vet in [Town]"
            merged = merge(merged)
        if road_marks.hinted(text, words_in) \
                and road_marks.scan(text, merged, self._plain_word):  # "I-29 exit 61"
            merged = merge(merged)
        if merged and traits.widen(text, merged):  # after the categories are settled
            merged = merge(merged)
        if fired is not None and not _PATIENT_CUES.isdisjoint(words_in) and pt_surnames.widen(
                text, merged, self._flags_of):  # "pt [Ida Mae] Quorlander"
            fired.append("pt_surnames")
            merged = merge(merged)
        if fired is not None and ocr_dates.scan(text, merged):  # "O4/l2", "0537 on [9 March]"
            fired.append("ocr_dates")
            merged = merge(merged)
        if after_names.scan(text, merged, fired):  # "Mrs [NAME] 95 came in", "Pt Asa at bedside"
            merged = merge(merged)
        if unknown_names.scan(text, merged, self._flags_of, words_in):  # "interpreter Xy"
            merged = merge(merged)
        if fired is not None and board_names.scan(
                text, merged, self._flags_of):  # "I&D / Qzarnik / MRN", "TRAUMA, Kilo"
            fired.append("board_names")
            merged = merge(merged)
        if fired is not None and name_leads.scan(text, merged, self._flags_of):  # "BUMPED: X Y"
            fired.append("name_leads")
            merged = merge(merged)
        if fired is not None and age_shapes.scan(text, merged):  # "[NAME] → 93 →"
            fired.append("age_shapes")
            merged = merge(merged)
        if fired is not None and date_spoken.scan(text, merged):  # "dob is twelve twelve ten"
            fired.append("date_spoken")
            merged = merge(merged)
        if fired is not None and relatives.said_names(
                text, merged, self._flags_of):  # "calls me Buck", "registered for Al Marsh"
            fired.append("relatives.said_names")
            merged = merge(merged)
        if fired is not None and dob_values.scan(text, merged):  # "DOB 21/VII", "DOB Jul-21"
            fired.append("dob_values")
            merged = merge(merged)
        if date_edges.scan(text, merged, words_in):  # "[3 Iúil] 1952", "DOB 8 Word 1949"
            merged = merge(merged)
        if place_kinds.scan(text, merged, self._flags_of, words_in):  # "the village Xy"
            merged = merge(merged)
        if merged and name_rest.widen(text, merged, self._flags_of):  # "[Seo]-yeon", "[Jo] Wu"
            merged = merge(merged)
        if fired is not None and merged and name_syllables.widen(
                text, merged, self._flags_of):  # "[Hwan]-min"
            fired.append("name_syllables")
            merged = merge(merged)
        if fired is not None and merged and given_before.widen(
                text, merged, self._flags_of):  # "ysolde [marrick] came up"
            fired.append("given_before")
            merged = merge(merged)
        if initial_cues.HINT.search(text) is not None:
            if initial_cues.scan(text, merged):
                merged = merge(merged)
            if fired is not None and initial_cues.undotted(
                    text, merged, self._known_abbreviation):  # "pt_initials": "KWT"
                fired.append("initial_cues")
                merged = merge(merged)
        if seen is not None and masked_values.scan(text, merged):
            merged = merge(merged)  # on the view too: "555-02\uff0a\uff0a", "**\u200b/21/1938"
        n_merged = len(merged)
        cues = (digit_groups.HINT.search(typed) is not None or (
            seen is not None and digit_groups.HINT.search(text) is not None)) \
            and id_cues.cued(typed, norms, flags)  # digits typed, or read from words
        if seen is not None:
            if cues and len(_DIGIT_RUN.findall(text)) != len(_DIGIT_RUN.findall(typed)):
                # "d l six zero..." as digits
                id_cues.scan(text, merged, self._known_word, None, fired)
            text = typed
            merged = [(*seen.original_span(s, e), cat, rule, prio)
                      for s, e, cat, rule, prio in merged]
            # found on the view like the rest: put back at typed offsets too, or an entity
            # or an invisible before the name shifts them onto other characters
            own = [(*seen.original_span(s, e), cat, rule, prio)
                   for s, e, cat, rule, prio in own]
        labels: list[tuple[int, int]] = []  # label words redacted with their value
        if cues:  # on the typed text too: the view reads "NANA4EVR" as "NANAaEVR"
            id_cues.scan(text, merged, self._known_word, labels, fired)
        if seen is not None or labels or len(merged) != n_merged:
            merged = merge(merged)
        # on the typed text: the view folds "Вера" to "Bepa"
        if fired is not None and name_disguises.scan(text, merged, self._flags_of):  # "J*n W*"
            fired.append("name_disguises")
            merged = merge(merged)
        n_merged = len(merged)
        read_out.scan(text, merged, words_in)  # "one E G four T E five M K seven three"
        spaced_runs.scan(text, merged, self._ordinary)  # "(7 0 3) 5 5 5 - 0 1 8 8"
        if len(merged) != n_merged:
            merged = merge(merged)
        twins = False
        if fired is not None and merged and id_edges.twins(text, merged):
            fired.append("id_edges.twins")  # "[QRT 551902 K] and [QRT 551977 K]"
            twins = True
        if merged and (twins | id_edges.widen(text, merged)  # "MDT-[…]", "five [X Y R…]", "[…] G"
                       | number_edges.widen(text, merged)):  # "[…] one 4 six", "plus […]"
            merged = merge(merged)
        if masked_values.scan(text, merged):  # "555-02**", "**/**/1941", "RN-58*****"
            merged = merge(merged)
        if merged and plate_states.widen(text, merged):  # "NM [KLM-4410]"
            merged = merge(merged)
        if not text.isascii():
            n_merged = len(merged)
            world_places.scan(text, merged, self._flags_of)  # "из Казани", "Plzeň 출신"
            if len(merged) != n_merged:
                merged = merge(merged)
        if place_shapes.hint(text):
            n_merged = len(merged)
            place_shapes.scan(text, merged)  # "Helena clinic 59601", "taga-Stockton"
            if len(merged) != n_merged:
                merged = merge(merged)
        if not place_shapes.RESIDENCE_WORDS.isdisjoint(words_in):
            n_merged = len(merged)
            place_shapes.scan_residences(text, merged)  # "Maple Grove Apartments"
            if len(merged) != n_merged:
                merged = merge(merged)
        if fired is not None:
            n_merged = len(merged)
            # "from Holy Cross Burn Unit", "Zip two"
            facility_tails.scan(text, words_in, merged, self._flags_of)
            if len(merged) != n_merged:
                merged = merge(merged)
            if (merged and facility_tails.widen(text, merged, self._flags_of)) \
                    or len(merged) != n_merged:
                fired.append("facility_tails")  # "[Aldwick] Hospital in [Fenby]"
                merged = merge(merged)
            # "taxi booked to X", "employer X, Brisk", "[PO Box 5], [Brisk]"
            if place_tails.scan(text, words_in, merged, self._flags_of):
                fired.append("place_tails")
                merged = merge(merged)
            # "Flat 3, 9 Copse Row", "from Oakhurst Care Centre", "lives Fenby", "HMP Brisk"
            if geo_sites.scan(text, words_in, merged, self._flags_of):
                fired.append("geo_sites")
                merged = merge(merged)
            if merged and geo_sites.widen(text, merged):  # "from [Brisk] & [Fenby]"
                fired.append("geo_sites")
                merged = merge(merged)
        if " dot " in text or " DOT " in text or " Dot " in text:
            n_merged = len(merged)
            spoken_links.scan(text, merged)  # "caring bridge dot org slash visit slash x"
            if len(merged) != n_merged:
                merged = merge(merged)
        if _DIGIT_RUN.search(text) is not None:
            n_merged = len(merged)
            if phone_ends.HINT.search(text):
                phone_ends.scan(text, merged)  # "(5O8) 555-Ol62", "978·555·0112"
                if fired is not None and phone_ends.scan_newer(text, merged):
                    fired.append("phone_ends")  # "phone 555 Ol43", "2O3.O.ll3.7l"
            if lookalike_dates.HINT.search(text):
                lookalike_dates.scan(text, merged)  # "DOB O3/I4/1931"
            if lookalike_ages.HINT.search(text) or lookalike_ages.HINT_AGED.search(text):
                lookalike_ages.scan(text, merged)  # "1OO yrs", "9-5 years old"
            if (phone_ends.widen(text, merged)  # "[PHONE] EXT 22", "xxx-[PHONE]"
                    or len(merged) != n_merged):
                merged = merge(merged)
        if merged and name_edges.widen(text, merged, self._flags_of, fired):  # "[St0n]3"
            merged = merge(merged)

        if merged:
            merged = _spare_the_mrn(text, merged, work_numbers.drop(text, merged), matcher)
        if merged and all(sp[3].startswith(patterns.BATCH) for sp in merged) \
                and not patterns.IMPLANT.search(text) \
                and not (seen is not None and patterns.IMPLANT.search(seen.text)):
            # (the view too: "Impl\u00adant" is an implant all the same)
            # a supply's lot or catalogue number alone identifies no one
            merged = _spare_the_mrn(text, merged, [], matcher)
        if fired is not None and ("|" in text or "MSH" in text):
            # HL7 v2 segments: the fields the standard names a person's (after the drop
            # rules, which read prose: "PID|1||…||FAMILY^GIVEN||…")
            fields = hl7_segments.scan(text, self._name_word, self._names.on_roster)
            if extend_unheld(merged, fields) | hl7_segments.relabel(merged, fields):
                fired.append("hl7_segments")
                merged = merge(merged)
        if fired is not None and "\n" in text:
            # a table's cells under a header naming the patient's column (pipes, tabs,
            # commas), a name under "patient:" in a YAML-like block
            found = record_cells.tables(text, self._plain_word)
            if ":" in text:
                found += record_cells.yaml_names(text)
            if extend_unheld(merged, found):
                fired.append("record_cells")
                merged = merge(merged)
        if fired is not None:
            # fields of machine records read by their names ("name=Jan%20Kowalski",
            # "<zip>…</zip>", INSERT's columns, vCard's FN), a register's row "Park J | …"
            found = record_fields.scan(text, self._plain_word) \
                + patient_rows.scan(text, self._flags_of)
            if extend_unheld(merged, found):
                fired.append("record_fields")
                merged = merge(merged)
            # a band's, a card's, a lab row's "SURNAME, Given" after its cue: "reprint: X, Y"
            if extend_unheld(merged, band_names.scan(text, self._flags_of)):
                fired.append("band_names")
                merged = merge(merged)
            # "Aunty [Wiremu]", "family [ysolde]", "player [Tane Walker]", "i'm [Losa V]"
            for rule in (kin_names, player_names, self_names):
                if extend_unheld(merged, rule.scan(text, self._flags_of)):
                    fired.append(rule.__name__.rsplit(".", 1)[1])
                    merged = merge(merged)
            # the same person's words beside a name: "(Tom)", its other script, clipped
            if extend_unheld(merged, beside_names.scan(text, merged, self._flags_of)):
                fired.append("beside_names")
                merged = merge(merged)
            # a value with a gap nobody could read inside it: "Brav[illegible]y"
            if extend_unheld(merged, illegible_gaps.scan(text, merged)):
                fired.append("illegible_gaps")
                merged = merge(merged)
            # plates, members' numbers, days, licences, ages, numbers in pieces
            if other_kinds.scan(text, merged, fired):
                merged = merge(merged)
            # then, in this order (a rule may read what the ones before it found):
            name_flags, plain_word = self._flags_of, self._plain_word
            later: tuple[tuple[str, Callable[[list[Span]], list[Span]]], ...] = (
                    # a waiting family's tracking code: "Code 7712 in OR", "family of 6604"
                    ("tracking_codes", lambda _: tracking_codes.scan(text, name_flags)),
                    # a Patient's "name" and a reference's "display" in FHIR JSON
                    ("fhir_names", lambda _: fhir_names.scan(text)),
                    # "wife of Gwilym": a name after "<relation> of"
                    ("kin_of_names", lambda _: kin_of_names.scan(text, name_flags)),
                    # a name in a query with its "=" and "&" escaped too: "pt%3DBo%20Yun%26"
                    ("url_names", lambda _: url_names.scan(text, plain_word)),
                    # the surname after a given name found after "pt" or a relative, before
                    # an age, after a particle or with a diacritic: "[Joost] van Dijk"
                    ("surname_follows", lambda m: surname_follows.scan(text, m, name_flags)),
                    # a roster's item in another script ("1) 田中 太郎 2) ..."), a name after
                    # "pt" in a script script_names lacks (Gurmukhi, Telugu, Khmer...)
                    ("script_items", lambda _: script_items.scan(text)),
                    # "pt Solace Crane DOB ...": pt_names.before_ids after a lower-case cue
                    ("pt_lower_pairs", lambda _: pt_lower_pairs.scan(text, name_flags)),
                    # German and French streets and homes; US counties, care sites by kind
                    ("foreign_places", lambda _: foreign_places.scan(text)),
                    ("us_places", lambda _: us_places.scan(text, name_flags)),
                    # ages over 89 in German, by the birth year, after a name or record
                    ("old_ages", lambda m: old_ages.scan(text, m)),
                    # French and German dates left short, German phones with an area code
                    ("foreign_dates", lambda m: foreign_dates.scan(text, m)),
                    ("german_phones", lambda _: german_phones.scan(text)),
                    # "Friday 1/2", "Montag, 14.10.": a date led by its weekday
                    ("weekday_dates", lambda _: weekday_dates.scan(text)),
                    # "Tochter Eva 0211 5550188": a number dialled with its trunk 0
                    ("trunk_phones", lambda _: trunk_phones.scan(text)),
                    # "RAMQ ABCD 1234 5678"
                    ("health_cards", lambda _: health_cards.scan(text)),
                    # "pt%3DKowalski%2C%20Jan" and phones' values in an encoded query
                    ("encoded_queries", lambda _: encoded_queries.scan(text, plain_word)),
                    # "(6l4) 555-Ol9O"
                    ("lookalike_phones", lambda _: lookalike_phones.scan(text)),
                    # "[Mercy Hospital] of [Clark County]" moved from, as one place
                    ("transfer_places", lambda m: transfer_places.scan(text, m, name_flags)),
                    # Italian, Portuguese and Dutch dates, ages over 89, places, and numbers
                    # by their word or shape: "venerdì 14 febbraio", "93 anos", "Via dei
                    # Mille 14", "1017 GC Amsterdam", "(21) 98877-4401", "targa AB 123 CD"
                    ("it_pt_nl_dates", lambda _: it_pt_nl_dates.scan(text)),
                    ("it_pt_nl_ages", lambda _: it_pt_nl_ages.scan(text)),
                    ("it_pt_nl_places", lambda m: it_pt_nl_places.scan(text, m)),
                    ("it_pt_nl_numbers", lambda _: it_pt_nl_numbers.scan(text)),
                    # names after an English log's cue: "sign in: IVO RASK /", "SOURCE A. ROOK MRN"
                    ("cue_names", lambda _: cue_names.scan(text, name_flags)),
                    # ages over 89 in words ("ninety-three y F"), or after a town ("X, 91")
                    ("word_ages", lambda m: word_ages.scan(text, m)),
                    # "Stroud GL5 3QR", "band WB 0042 7781", "DOS the 5th", "today 3/14"
                    ("uk_postcodes", lambda _: uk_postcodes.scan(text)),
                    ("band_codes", lambda _: band_codes.scan(text)),
                    ("dos_dates", lambda _: dos_dates.scan(text)),
                    # "home city Delaware": the town a person lives in, after its words
                    ("home_cities", lambda _: home_cities.scan(text, name_flags)),
                    # Japanese notes: "佐藤 健一 様", "千葉県船橋市", "4月2日(水)", plates
                    ("japanese_notes", lambda _: japanese_notes.scan(text, name_flags)),
                    # Hindi-English chat: "92 saal", Aadhaar, "UP14 CT 4821", "kal 20 March"
                    ("hinglish_notes", lambda _: hinglish_notes.scan(text, name_flags)),
                    # "서울 강남구", "경기도 성남시 분당구"
                    ("korean_places", lambda _: korean_places.scan(text)),
                    # "广东省深圳市南山区", "上海市浦东新区张江路 88号" (attack33b)
                    ("chinese_places", lambda _: chinese_places.scan(text)),
                    # "中村太郎 来院", "10時15分 佐藤 さくら": a family name + given name
                    # with no honorific (attack33b OLDER)
                    ("japanese_family_names", lambda _: japanese_family_names.scan(text)),
                    # (the twenty-fourth session's, from tuning19's notes and, for the world_
                    # ones, general knowledge of many languages)
                    # Swedish, Norwegian, Danish and Turkish handovers: "Pat Arvid Sjögren",
                    # "nittiotre år", "08-447 21 90", "Storgatan 14, lgh 1102", "Mora
                    # lasarett", "Hasta Serkan Doğan 5 Kasım", "Atatürk Cad. No:12 D:5"
                    ("nordic_notes", lambda _: nordic_notes.scan(text, name_flags)),
                    ("finnish_notes", lambda _: finnish_notes.scan(text, name_flags)),
                    ("turkish_notes", lambda _: turkish_notes.scan(text, name_flags)),
                    # "12가 3456", "역삼동 123-4", "아흔두 살"
                    ("korean_ids", lambda _: korean_ids.scan(text)),
                    # "오동현에게", "박지후 님": a family and a given name before a person's
                    # particle or an honorific
                    ("korean_names", lambda _: korean_names.scan(text)),
                    # a transcriptionist's: "zip "four five two one nine"", "e hart 30 at
                    # aol dot com", "cell ending 4471", "M - A - R - G - O"
                    ("dictated_ids", lambda _: dictated_ids.scan(text)),
                    # "lives "just outside Zanesville"", "from east side of Dayton"
                    ("place_leads", lambda _: place_leads.scan(text)),
                    # "hart, e" after "hart"; "SÃ¸rensen" after "Sørensen"
                    ("name_echoes", lambda m: name_echoes.scan(text, m)),
                    # "FS call for E. Mills", "pt NOOR AL-SAYED", "SMITH, BARBARA",
                    # "HCP may reid phone", "plate visible IA 882 KTR"
                    ("log_names", lambda m: log_names.scan(text, m, name_flags)),
                    # "Maple Grove Nursing Center", "Room 14", "neighbourhood, X",
                    # "Aldermoor, OH 45219", "keep going to 45291"
                    ("home_sites", lambda m: home_sites.scan(text, m, name_flags)),
                    # many languages from general knowledge, not a corpus: "92 lata",
                    # "95 лет", PESEL and other checked numbers, "+7 (912) ...", "5
                    # listopada", "ngày 5 tháng 11", "张建国先生", "ul. Kwiatowa 12/4"
                    ("world_ages", lambda _: world_ages.scan(text)),
                    ("world_numbers", lambda _: world_numbers.scan(text)),
                    ("world_dates", lambda _: world_dates.scan(text)),
                    ("world_names", lambda _: world_names.scan(text)),
                    ("world_addresses", lambda _: world_addresses.scan(text)))
            for name, newer in later:
                found = newer(merged)
                if found and extend_unheld(merged, found):  # (most find nothing: no call)
                    fired.append(name)
                    merged = merge(merged)
        if own:  # a merge may have relabelled them, and a drop rule then removed them
            merged = merge(merged + own)
        if not merged:
            held = self._held(reasons)
            left = () if held else self._doubts(text, merged, typed_words)
            return Result(text=text, findings=(), verdict=QUARANTINE if held else REVIEW
                          if left else CLEAN, counts={}, reasons=held, doubts=left)
        # (the run without NEWER_RULES widens too: a hold the shown spans give must stand
        # there, or a newer rule that takes the one word left lifts it: attack25a)
        shown = _shown(text, merged)
        hidden = _hidden(text, merged, titles=True)  # as base counted
        hidden_shown = hidden if shown is merged else _hidden(text, shown, titles=False)
        for s, e in labels:  # "driver's license" is no identifier of its own
            hidden -= e - s - text.count(" ", s, e)
            hidden_shown -= e - s - text.count(" ", s, e)
        total = len(text) - text.count(" ") or 1
        # held as the spans found would hold it (as base did), or as the spans shown would
        if (hidden / total > cfg.max_identifier_ratio
                and not dense_notes.nothing_left(text, merged, self._flags_of)) \
                or (shown is not merged and hidden_shown / total > cfg.max_identifier_ratio
                    and not dense_notes.nothing_left(text, shown, self._flags_of)):
            reasons.add(IDENTIFIER_RATIO)  # "zip [ZIP]" alone holds nothing more
        if len(merged) > cfg.max_findings:
            reasons.add(TOO_MANY_FINDINGS)
        held = self._held(reasons)
        left = () if held else self._doubts(text, merged, typed_words)
        if fired is not None:
            shown = _edged(text, shown, left)
        unsure = left or any(sp[3].startswith(GUESS) for sp in merged)
        verdict = QUARANTINE if held else REVIEW if unsure else REDACTED
        findings = tuple(Finding(s, e, cat, rule, not rule.startswith(GUESS))
                         for s, e, cat, rule, _ in shown)
        pieces: list[str] = []
        counts: dict[str, int] = {}
        pos = 0
        for s, e, cat, _rule, _prio in shown:
            pieces.append(text[pos:s])
            pieces.append(f"[{cat}]")
            counts[cat] = counts.get(cat, 0) + 1
            pos = e
        pieces.append(text[pos:])
        return Result(text="".join(pieces), findings=findings, verdict=verdict,
                      counts=counts, reasons=held, doubts=left)

    def _doubts(self, text: str, merged: list[Span],
                words: set[str] | None) -> tuple[Doubt, ...]:
        """What is left in the note that may still identify someone (a person looks);
        `words`: the note's words, lower case, when the engine read the typed text."""
        found = viewed_doubts.scan(text, merged, self._flags_of, words)
        grouped_doubts.scan(text, merged, self._flags_of, found)  # "518-784"
        return tuple(Doubt(s, e, doubts.CATEGORY[why], why) for s, e, why in found)

    def _name_word(self, word: str) -> bool:
        """A given name or surname that is no ordinary or clinical word."""
        f = self._names.lookup(word)[1]
        return bool(f & NAMEISH) and not f & (_WORDS | VERY_COMMON)

    def _flags_of(self, word: str) -> int:
        """The lexicon's flags for a word."""
        return self._names.lookup(word)[1]

    def _plain_word(self, word: str) -> bool:
        """A word that is never part of a name: ordinary, clinical, a label, a month..."""
        return bool(self._names.lookup(word)[1] & _NOT_NAME_TAIL)

    def _only_a_word(self, word: str) -> bool:
        """An everyday word and nothing else of _NOT_NAME_TAIL: no clinical word, label,
        cue, month, weekday, state, country or eponym ("brook", "ladle")."""
        f = self._names.lookup(word)[1]
        return bool(f & (ENGLISH | COMMON)) and not f & (_NOT_NAME_TAIL & ~(ENGLISH | COMMON))

    def _eponym(self, word: str) -> bool:
        """An eponym, or a word of a named device or procedure ("Bair", "Ivor")."""
        return bool(self._names.lookup(word)[1] & (EPONYM | EPONYM_CTX | PHRASE))

    def _clinical(self, word: str) -> bool:
        """A clinical word ("Sinus", "Rhythm")."""
        return bool(self._names.lookup(word)[1] & MEDICAL)

    def _never_again(self, word: str) -> bool:
        """A grammar or everyday word, a cue, a label or an eponym ("will", "pt", "Foley")."""
        return bool(self._names.lookup(word)[1] & (VERY_COMMON | CUE | LABEL | MONTH | WEEKDAY
                                                   | STATE | MEDICAL | EPONYM | EPONYM_CTX
                                                   | PHRASE))

    def _everyday(self, word: str) -> bool:
        """A common or function word, a cue or a label."""
        return bool(self._names.lookup(word)[1] & (COMMON | VERY_COMMON | CUE | LABEL))

    def _english(self, word: str) -> bool:
        """In the English word list, frequent or not ("stable", "keeps")."""
        return bool(self._names.lookup(word)[1] & ENGLISH)

    def _given_name(self, word: str) -> bool:
        """On the given-name list."""
        return bool(self._names.lookup(word)[1] & FIRST)

    def _surname(self, word: str) -> bool:
        """On the surname list."""
        return bool(self._names.lookup(word)[1] & LAST)

    def _known_abbreviation(self, letters: str) -> bool:
        """A word, clinical term, label, cue or state a few capitals could stand for."""
        return bool(self._names.lookup(letters)[1] & (_WORDS | VERY_COMMON | LABEL | CUE
                                                      | STATE | MONTH | COUNTRY))

    def _ordinary(self, word: str) -> bool:
        """A word, abbreviation, state, month or eponym: spelled out, no identifier."""
        return self._known_abbreviation(word) or self._eponym(word)

    def _listed(self, word: str) -> bool:
        """On any list: a word, a given name or a surname."""
        return bool(self._names.lookup(word)[1] & (_WORDS | FIRST | LAST))

    def _frequent_name(self, word: str) -> bool:
        """Among the most frequent given names or surnames ("smith", "wilson")."""
        return bool(self._names.lookup(word)[1] & (FIRST_TOP | LAST_TOP))

    def _known_word(self, word: str) -> bool:
        """An ordinary or clinical word: never a misspelt identifier label."""
        return bool(self._names.lookup(word)[1] & _WORDS)

    def _held(self, reasons: set[str]) -> tuple[str, ...]:
        """The quarantine reasons that count under this configuration, sorted."""
        if not self.config.quarantine_uncertain:
            reasons = reasons & _HARD_REASONS
        return tuple(sorted(reasons))
