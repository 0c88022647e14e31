"""HL7 v2 segments pasted into a note: the fields that the standard says hold a person's
identifiers (PID, NK1, IN1, IN2, GT1, MRG, PV1's visit number, an OBX whose observation
names an identifier, Z-segments) are hidden with their category; coded fields, staff
fields and the message header are left to the other rules. Invented records."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.common.deid import Engine, EngineConfig, hl7_segments

from .growth import assert_grows_linearly, repeated
from .support import left_uncovered

HEAD = "interface log pasted by the analyst:\n"
PID = ("PID|1||60442917^^^NORTH^MR||QUILLFEATHER^ODALYS^R|VANTREES|19410827|F|"
       "QUILLFEATHER^DALLY|2106-3^White^CDCREC|27 TANSY CT^APT 4^MARROWDALE^VT^05871^USA||"
       "(555)555-0123|555-0188|ENG|M|CAT|A7710293455|521-33-7710|VT88213409^VT")


def _categories(engine: Engine, note: str) -> dict[str, str]:
    result = engine.deidentify(note)
    return {note[f.start:f.end]: f.category for f in result.findings}


@pytest.mark.parametrize("piece", [
    "60442917", "QUILLFEATHER^ODALYS^R", "VANTREES", "19410827", "QUILLFEATHER^DALLY",
    "27 TANSY CT", "APT 4", "MARROWDALE", "05871", "(555)555-0123", "555-0188",
    "A7710293455", "521-33-7710", "VT88213409",
])
def test_pid_fields_hidden(engine: Engine, piece: str) -> None:
    assert left_uncovered(engine, HEAD + PID, piece) == ""


def test_pid_categories(engine: Engine) -> None:
    seen = _categories(engine, HEAD + PID)
    assert seen.get("QUILLFEATHER^ODALYS^R") == "NAME"
    assert seen.get("19410827") == "DATE"
    assert seen.get("MARROWDALE") == "LOCATION"
    assert seen.get("05871") == "ZIP"
    assert seen.get("521-33-7710") == "SSN"
    assert seen.get("A7710293455") == "ACCOUNT"


def test_pid_coded_fields_stay(engine: Engine) -> None:
    out = engine.deidentify(HEAD + PID).text
    for code in ("|F|", "2106-3^White^CDCREC", "^VT^", "|ENG|M|CAT|"):
        assert code in out, out


@pytest.mark.parametrize(("note", "piece"), [
    ("NK1|1|BRACKENRIDGE^TOBIAS|SON|9 WREN HOLLOW RD^^PELLINGTON^NH^03302|555-0134",
     "BRACKENRIDGE^TOBIAS"),
    ("NK1|1|BRACKENRIDGE^TOBIAS|SON|9 WREN HOLLOW RD^^PELLINGTON^NH^03302|555-0134",
     "9 WREN HOLLOW RD"),
    ("NK1|1|BRACKENRIDGE^TOBIAS|SON|9 WREN HOLLOW RD^^PELLINGTON^NH^03302|555-0134",
     "PELLINGTON"),
    ("NK1|1|BRACKENRIDGE^TOBIAS|SON|9 WREN HOLLOW RD^^PELLINGTON^NH^03302|555-0134",
     "555-0134"),
    ("IN1|1|PLAN7|PAYR2|NORTHSTAR HEALTH||||GRP5512||||||||ZELLWEGER^INGRID^M|01|19380412|"
     "4 SORREL WAY^^OAKHURST FALLS^ME^04011", "ZELLWEGER^INGRID^M"),
    ("IN1|1|PLAN7|PAYR2|NORTHSTAR HEALTH||||GRP5512||||||||ZELLWEGER^INGRID^M|01|19380412|"
     "4 SORREL WAY^^OAKHURST FALLS^ME^04011", "19380412"),
    ("IN1|1|PLAN7|PAYR2|NORTHSTAR HEALTH||||GRP5512||||||||ZELLWEGER^INGRID^M|01|19380412|"
     "4 SORREL WAY^^OAKHURST FALLS^ME^04011", "OAKHURST FALLS"),
    # a member number typed a few fields off: never a coded value, hidden all the same
    ("IN1|1|PLAN7||NORTHSTAR HEALTH||||||||||||ZELLWEGER^INGRID|01||||||||||||||||QPX448120937",
     "QPX448120937"),
    ("GT1|1|G55102|HOLLOWAY^PERPETUA||3 FENNEL ST^^DRUMMOND|555-0177|||F||SP|612-40-9931",
     "HOLLOWAY^PERPETUA"),
    ("GT1|1|G55102|HOLLOWAY^PERPETUA||3 FENNEL ST^^DRUMMOND|555-0177|||F||SP|612-40-9931",
     "612-40-9931"),
    ("MRG|31044587^^^NORTH^MR||||||ABERCROMBIE^LETITIA", "31044587"),
    ("MRG|31044587^^^NORTH^MR||||||ABERCROMBIE^LETITIA", "ABERCROMBIE^LETITIA"),
    ("PV1|1|I|4W^12^B||||||||SUR||||||||VN77401226", "VN77401226"),
    ("OBX|1|NM|AGE^Age in years||94|a|||||F", "94"),
    ("OBX|1|ST|SERIAL^Implant serial||QX-77-55012-B||||||F", "QX-77-55012-B"),
    ("ZPH|1|odalys_q_badge.png|badge picture", "odalys_q_badge.png"),
    ("ZXT|1|KIOSK-ENR-44190|enrolment", "KIOSK-ENR-44190"),
    # the sex field holding a plate number: a patient segment's field no code fits
    ("PID|1||88120455||TREMAINE^OSWIN||19700101|PLATE KRV7731", "PLATE KRV7731"),
])
def test_patient_fields_hidden(engine: Engine, note: str, piece: str) -> None:
    assert left_uncovered(engine, HEAD + note, piece) == ""


def test_encoding_characters_from_msh(engine: Engine) -> None:
    note = ("MSH#*~\\&#SEND#NORTH#RECV#NORTH#202601020304##ADT*A04#M7#P#2.5\n"
            "PID#1##40021183##PENHALIGON*MAUDE##19390215#F###8 LARCH ROW*^*BRISTOWE")
    for piece in ("PENHALIGON*MAUDE", "19390215", "8 LARCH ROW", "BRISTOWE"):
        assert left_uncovered(engine, HEAD + note, piece) == "", piece


@pytest.mark.parametrize(("note", "pieces"), [
    # HL7's own segment terminator, a carriage return alone
    ("MSH|^~\\&|ORS|NORTH|EHR|NORTH|202601020304||ADT^A01|MSG1|P|2.5\r"
     "PID|1||51730098||ASHGROVE^LIONEL||19350606|M\rNK1|1|ASHGROVE^MAVIS|WIF||555-0112",
     ("ASHGROVE^LIONEL", "19350606", "ASHGROVE^MAVIS", "555-0112")),
    # segments in running text, one after another on the same line
    ("from the feed: PID|1||51730098||ASHGROVE^LIONEL||19350606|M PV1|1|I|3E^4^1"
     "||||||||||||||||VN55120984 then resent",
     ("51730098", "ASHGROVE^LIONEL", "19350606", "VN55120984")),
])
def test_segments_without_a_line_of_their_own(engine: Engine, note: str,
                                              pieces: tuple[str, ...]) -> None:
    for piece in pieces:
        assert left_uncovered(engine, HEAD + note, piece) == "", piece
    read = {note[s:e] for s, e, *_ in hl7_segments.scan(note)}
    assert "ASHGROVE^LIONEL" in read and "19350606" in read, read


def test_rule_leaves_codes_and_header() -> None:
    note = HEAD + ("MSH|^~\\&|ORS|NORTH|EHR|NORTH|202601020304||ADT^A01|MSG1|P|2.5\n"
                   "PV1|1|I|OR^3^2||||||||SUR\n"
                   "OBX|1|NM|HGB^Hemoglobin||13.5|g/dL|12-16|N|||F\n"
                   "OBX|2|NM|AGE^Age||47|a\n"
                   "OBX|3|NM|WBC^White cell count||7.1|10*3/uL")
    assert hl7_segments.scan(note) == []


STAFF = HEAD + "PV1|1|I|OR^3^2||||^TALBOT^WREN^^^DR|||SUR"


def test_staff_field_hidden_unless_on_roster(engine: Engine) -> None:
    assert left_uncovered(engine, STAFF, "TALBOT^WREN") == ""
    rostered = Engine(EngineConfig(staff_allow_list=("Dr. Wren Talbot",)))
    assert "TALBOT^WREN" in rostered.deidentify(STAFF).text


@pytest.mark.parametrize(("note", "piece", "category"), [
    # the insured's name a field off, in the relationship's coded field
    ("IN1|1|PLAN7||NORTHSTAR HEALTH|||||||||||||HOLLOWAY^MARGARET|SELF", "HOLLOWAY^MARGARET",
     "NAME"),
    # a fax number a few fields off, in a coded field: no code has seven digits
    ("PID|1||88120455||TREMAINE^OSWIN||19700101|F||||||||||||||||||555-0166", "555-0166",
     "PHONE"),
])
def test_values_in_coded_fields(engine: Engine, note: str, piece: str, category: str) -> None:
    assert left_uncovered(engine, HEAD + note, piece) == ""
    assert _categories(engine, HEAD + note).get(piece) == category


@pytest.mark.parametrize("note", [
    "BP|HR|SpO2\n120/80|72|98%",
    "| Pt | Bay |\n| 4 | 12 |",
    "ABC|def but not a segment",
])
def test_no_segment_no_finding(note: str) -> None:
    assert hl7_segments.scan(note) == []


@given(st.text(alphabet="PIDNK1MSHZ|^~\\&#*0123456789 AZaz\n\r-", max_size=300))
@settings(max_examples=300, deadline=None)
def test_arbitrary_separators_never_raise(body: str) -> None:
    for note in (body, "PID|" + body, "MSH|^~\\&|" + body + "\nPID|" + body):
        for s, e, cat, _rule, _p in hl7_segments.scan(note):
            assert 0 <= s < e <= len(note)
            assert note[s:e].strip() == note[s:e]
            assert cat


def test_engine_offsets_point_into_the_note(engine: Engine) -> None:
    note = HEAD + "\u200b" + PID + "\r\nNK1|1|BRACKENRIDGE^TOBIAS|SON||555-0134"
    result = engine.deidentify(note)
    assert result.verdict != "clean"
    for f in result.findings:
        assert 0 <= f.start < f.end <= len(note)
    assert "QUILLFEATHER" not in result.text and "BRACKENRIDGE" not in result.text


def test_long_segment_grows_linearly(long_engine: Engine) -> None:
    def make(n: int) -> str:
        return "PID|1||" + repeated("A1^B|^~|", n)

    def one_field(n: int) -> str:  # a field read for its shape: an email's, a phone's...
        return "PID" + "|" * 21 + repeated("ab.c", n) + "@x"

    def one_line(n: int) -> str:  # many segments on one line
        return "seen: " + repeated("PID|1||7712^^^A^MR||ROE^ANN ", n)

    for build in (make, one_field, one_line):
        assert_grows_linearly(hl7_segments.scan, build)
        assert_grows_linearly(long_engine.deidentify, build)


# fix28a: attack28a's holes, in other shapes, and attack28b's false alarms
@pytest.mark.parametrize(("note", "piece"), [
    # each message read with its own MSH's separators
    ("MSH|^~\\&|A|B\nPID|1||123||FENWICK^ROSALIND\nMSH$%~\\&$C$D\nPID$1$$4471$$HOLLOW%ASH",
     "HOLLOW"),
    # a name typed a field off, in words of the dictionary, in a coded field
    ("NK1|MEADOW^BRIAR|DAU", "MEADOW"),
    ("PID|1||4471||^^|19330101|MEADOW^BRIAR", "MEADOW"),
    # an OBX whose value type says a name, an address
    ("OBX|2|XCN|CONTACT^Caller||HOLLOW^ASH||||||F", "HOLLOW"),
    ("OBX|2|XAD|WHERE^Where from||9 ELM ROW^^CASTLEBRACK^VT||||||F", "CASTLEBRACK"),
    ("ZNK|1|MEADOW^BRIAR^Q|DAU", "MEADOW"),
    # a segment wrapped by the editor
    ("PID|1||4471||HOLLOW^ASH||19330101|F|||9 ELM ROW^^\nCASTLEBRACK^VT", "CASTLEBRACK"),
    ("PID|1||4471||HOLLOW^ASH||19330101|F|||9 ELM ROW^^CASTLE\nBRACK^VT^05001", "BRACK"),
])
def test_names_and_towns_off_their_field_hidden(note: str, piece: str) -> None:
    found = hl7_segments.scan(note)
    at = note.index(piece)
    assert any(s <= at and at + len(piece) <= e for s, e, *_ in found), (note, found)


@pytest.mark.parametrize(("note", "kept"), [
    # the codes of a coded field stay: a short code, or its words repeated
    ("NK1|1|MEADOW^BRIAR|SPO^Spouse|", "SPO^Spouse"),
    ("PID|1||4471||HOLLOW^ASH||19330101|F|||||||ENG^English|M^Married", "ENG^English"),
    ("NK1|1|MEADOW^BRIAR|SPOUSE^Spouse|", "SPOUSE^Spouse"),
    # an id's assigning authority and type are no identifier
    ("PID|1||4471^^^NORTHVALE^MR||HOLLOW^ASH", "^^^NORTHVALE^MR"),
    # a site's segment after a space on the segments' line is one of its own
    ("PID|1||4471||HOLLOW^ASH||19330101|F||||| ZQA|1|ACTIVE", "ZQA|1|ACTIVE"),
    # a line of prose under a segment is no part of it, nor prose after a dash on its line
    ("PID|1||4471||HOLLOW^ASH||19330101|F\nack sent to the ward", "ack sent"),
    ("PID|1||4471||HOLLOW^ASH||19330101|F|||||555-0188 -- ack sent", "ack sent"),
])
def test_codes_and_authorities_stay(note: str, kept: str) -> None:
    found = hl7_segments.scan(note)
    at = note.index(kept)
    assert not any(s < at + len(kept) and at < e for s, e, *_ in found), (note, found)


def test_many_messages_and_wrapped_lines_grow_linearly(long_engine: Engine) -> None:
    def messages(n: int) -> str:  # each with its own separators
        return repeated("MSH|^~\\&|A\nPID|1||4471||ROE^ANN\nMSH#*~\\&#B\nPID#1##12#\n", n)

    def wrapped(n: int) -> str:  # each segment wrapped onto a second line
        return repeated("PID|1||4471||ROE^ANN|||||9 ELM ROW^^\nLOWICK^VT\n", n)

    def ids(n: int) -> str:  # ids with their authority
        return "PID|1||" + repeated("4471^^^NORTH^MR~", n)

    for build in (messages, wrapped, ids):
        assert_grows_linearly(hl7_segments.scan, build)
        assert_grows_linearly(long_engine.deidentify, build)
