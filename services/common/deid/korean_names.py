"""A Korean name with no cue before it, told by what follows: an honorific ("박지후 님",
"김서연씨"), perhaps with a particle ("박서준님께", "윤하늘씨가"), or a particle said
only of people ("오동현에게", "선우지후께", "강도윤한테"). The name is a
frequent family name (one syllable, or two: "남궁", "선우") and a given name of one or
two syllables, spaced or not; ward words ("간호사에게", "주치의께") are left
(korean_words); before an honorific only a role or a title is ("선생님께", "원장님이"): a
ward word with 님 or 씨 ("지연님께", "정상은 님") is a name.

A newer rule (NEWER_RULES): it only adds.
"""

from __future__ import annotations

import re

from .korean_words import ordinary, role

Span = tuple[int, int, str, str, int]
_PRIO = 2

# the frequent family names (together about 95 % of Koreans)
_ONE = ("김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구"
        "민류나진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국")
_TWO = "남궁|황보|제갈|선우|서문|독고|사공"
_NAME = re.compile(rf"(?<![가-힣])((?:{_TWO}|[{_ONE}])[ \t]?[가-힣]{{1,2}})"
                   r"(?=[ \t]?(?:님|씨|에게|께서|께|한테)(?![가-힣]))")
# the same name before its honorific and one particle: "박서준님께", "윤하늘씨가"
_HONOURED = re.compile(rf"(?<![가-힣])((?:{_TWO}|[{_ONE}])[ \t]?[가-힣]{{1,2}})"
                       r"(?=[ \t]?(?:님|씨)(?:께서|께|에게|한테|이|가|은|는|을|를|의|도|과|와|"
                       r"이랑|랑|하고|만|께도|도요)?(?![가-힣]))")


def scan(text: str) -> list[Span]:
    """The names above."""
    if "님" not in text and "씨" not in text and "에게" not in text and "께" not in text \
            and "한테" not in text:
        return []
    out = [(m.start(1), m.end(1), "NAME", "korean_name", _PRIO)
           for m in _NAME.finditer(text) if not ordinary(m.group(1).replace(" ", ""))
           and not ordinary(m.group(1).split()[-1])]
    if "님" in text or "씨" in text:
        out += [(m.start(1), m.end(1), "NAME", "korean_name", _PRIO)
                for m in _HONOURED.finditer(text) if not role(m.group(1).replace(" ", ""))
                and not role(m.group(1).split()[-1])]
    return out
