"""Hangul words that a cue ("환자", "보호자"), an honorific ("선생님") or a line's opening
makes look like a name but that are ordinary words of a Korean handover: "환자 나이 94세",
"보호자 동행", "마취과 선생님 요청으로", "회복실 통증 NRS 2점".

A word is ordinary when, less one particle ("요청으로" -> "요청") or its honorific
("선생님" -> "선생"), it is a common word of the ward, a compound ending in one of
two syllables or more ("일련번호", "인공관절"), or a verb's or a record's ending
("완료했습니다", "확인함"). Anything else, a Korean or a transliterated foreign name
("오세훈", "이하은에게", "마리아"), is left to the name rules.

Used by the newer rules only (korean_ids, korean_names). It narrowed the older Hangul name
rules (names.py, script_names.py) until attack35b showed real given names that are ward
words ("지연", "이후", "정상은"); that narrowing was withdrawn (fix35b): do not use it there.
A role or title (`role`) is the one word an honorific follows that is no name.
"""

from __future__ import annotations

import unicodedata

# the ward's words: people by role or kinship, the body, the record, contact, time
_COMMON = frozenset("""
환자 보호자 가족 아들 딸 아내 남편 부인 어머니 아버지 어머님 아버님 할머니 할아버지 손자 손녀
며느리 사위 누나 언니 오빠 동생 자녀 배우자 친구 본인 대리인 간병인 보호자분 환자분
선생 교수 원장 과장 주치의 전공의 마취의 집도의 담당의 수련의 인턴 간호사 수간호사
담당 담당자 직원 기사 이송요원 통역사
마취과 외과 내과 정형외과 신경외과 흉부외과 산부인과 비뇨의학과 이비인후과 안과 응급실 병동
회복실 수술실 중환자실 대기실 외래 검사실 처치실 입원실 병실 침대 베드 휠체어 카트
나이 연령 성별 체중 신장 키 혈압 맥박 호흡 체온 산소포화도 의식 통증 오심 구토 어지러움
두통 발열 오한 출혈 부종 가려움 불안 낙상 욕창 배액 소변 대변 금식 수액 수혈 투약 약물 처방
등록번호 번호 병록번호 환자번호 접수번호 일련번호 로트번호 차량 차량번호 주차 이메일 메일
팩스 전화 전화번호 휴대폰 휴대전화 핸드폰 연락처 주소 주민번호 생년월일 보험 여권 면허
동행 동반 상주 면회 필수 확인 재확인 요청 설명 동의 동의서 서명 입실 퇴실 입원 퇴원 전동
도착 출발 귀가 분실 방문 외출 이송 수술 마취 회복 점검 완료 준비 시작 종료 대기 예정 지연
취소 변경 추가 교체 제거 삽입
호소 관찰 투여 측정 기록 보고 연락 안내 발송 전달 교육 상담 부착 표시 주의 고위험 저위험
장비 기구 인공관절 인공혈관 임플란트 보형물 거즈 카운트 표본 검체 조직 결과 검사 영상
오늘 내일 어제 오전 오후 야간 주간 새벽 아침 저녁 다음 이전 이후 매일
없음 있음 정상 양호 불편 특이사항 없이 모두 계속 다시 바로 즉시 먼저 함께
""".split())
# people by role or title, the words an honorific follows that are no names
# ("선생님께", "원장님이", "기사님"): a name is any other word before 님 or 씨
_ROLES = frozenset("""
환자 보호자 가족 아들 딸 아내 남편 부인 어머니 아버지 어머님 아버님 할머니 할아버지 손자 손녀
며느리 사위 누나 언니 오빠 동생 자녀 배우자 친구 본인 대리인 간병인
선생 교수 원장 과장 주치의 전공의 마취의 집도의 담당의 수련의 전문의 인턴 간호사 수간호사
담당 담당자 직원 기사 이송요원 통역사 차장 소장 국장 반장 위원 조교 주임 선배 고객 손님
""".split())
# the last word of a compound: "일련번호", "인공관절", "장비점검", "통증호소"; none a
# given name, so "김지인" or "남궁현재" stays a name
_HEADS = tuple("""번호 관절 혈관 점검 확인 요청 호소 검사 기록 장비 통증 전화 주소 차량 수술 마취
투여 부착 준비 완료 설명 이송 측정 결과 보고 연락 안내 발송 교체 제거 삽입 관찰 대기 휴대폰 메일
외과 내과 병동 병실""".split())
# two-syllable family names: "남궁" before a given name is no compound's first part
_DOUBLE_SURNAMES = frozenset("남궁 황보 제갈 선우 서문 독고 사공 동방".split())
_PARTICLES = ("으로", "에서", "에게", "께서", "까지", "부터", "하고", "처럼", "보다",
              "로", "에", "께", "은", "는", "이", "가", "을", "를", "의", "도", "와", "과", "랑")
_HONORIFICS = ("님", "씨", "분")
# a verb's ending no name has: "완료했습니다", "주세요", "확인했음"
_VERB_ENDINGS = ("니다", "세요", "해요", "했음", "했다", "한다", "된다", "있음", "없음")
# ... and a record's, after a ward word only: "확인함", "이송됨", "교체필요" ("이지함" a name)
_RECORD_ENDINGS = ("함", "됨", "필요", "예정", "요망")


def _hangul(word: str) -> str | None:
    """The word in composed syllables if it is all Hangul (the view decomposes it)."""
    w = unicodedata.normalize("NFC", word)
    return w if w and all("\uac00" <= c <= "\ud7a3" for c in w) else None


def _stems(w: str) -> list[str]:
    """The word, and the word less one particle or honorific."""
    out = [w]
    out += [w[:-len(p)] for p in _PARTICLES + _HONORIFICS if w.endswith(p) and len(w) > len(p)]
    return out


def ordinary(word: str) -> bool:
    """An all-Hangul word that is no name (see the module's text)."""
    w = _hangul(word)
    if w is None:
        return False
    if len(w) >= 3 and w.endswith(_VERB_ENDINGS):
        return True
    stems = _stems(w)
    stems += [w[:-len(e)] for e in _RECORD_ENDINGS if w.endswith(e) and len(w) > len(e) + 1]
    return any(s in _COMMON or _compound(s) for s in stems)


def _compound(s: str) -> bool:
    """Two words or more of the ward run together, the first of two syllables or more:
    "일련번호", "인공관절" (not "김번호" nor "남궁확인": a family name and a given one)."""
    return any(s.endswith(h) and len(s) - len(h) >= 2 and s[:-len(h)] not in _DOUBLE_SURNAMES
               for h in _HEADS)


def role(word: str) -> bool:
    """A Hangul word that names a person by role or title ("선생", "주치의"), less its
    honorific ("원장님"); a name ("지연", "정상은") is none, whatever else it means."""
    w = _hangul(word)
    if w is None:
        return False
    return any(s in _ROLES for s in [w] + [w[:-len(h)] for h in _HONORIFICS if w.endswith(h)])
