"""attack33b: notes in the shapes e52c8eb..62435e1 reads (a test tool): Japanese, Hinglish
and Korean notes and the narrowings beside them.

    PYTHONPATH=. python bench/deid_diff/gen6.py 3000 SEED > /tmp/notes.jsonl

Same record as gen.py ({"id", "text", "phi": [[s, e, cat]], "neutral": [[s, e]]}).
Positives: romanised and Latin names before a lone さん/様, script names after a staff
word with さん or after a clock time (10時15分), a bracketed name followed by its
nationality, Japanese prefectures/cities/dates/plates, Hinglish ages, Aadhaar numbers,
plates, sectors, PIN codes, kin names, Korean and Chinese addresses. Hard negatives (about
half, PHI-free): clock times with drugs and doses, "X 様" meaning "-like", 他市/同市,
drip rates, drugs and weekdays after Hindi kin words, "pin site", "Sector" in an echo,
Korean nouns ending in 구/시 after a city. Every word list is invented for this tool.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.deid_diff.gen import Note
from bench.deid_diff.gen4 import emit

RNG = random.Random(33)

FAM_JA = ["佐藤", "山田", "鈴木", "高橋", "中村", "小林", "松本", "井上"]
GIV_JA = ["花子", "太郎", "健一", "美咲", "次郎", "一郎", "さくら", "ゆうき"]
KATA = ["ガルシア マリア", "ワン シャオミン", "グエン ミン", "サントス アナ"]
ROMAN = ["Ishida Kaoru", "Tanaka Hiroshi", "Mori Yuki", "Okada Ren"]
LATIN = ["Smith", "Brown", "Jones", "Garcia", "Nguyen", "Kowalski"]
STAFF = ["看護師さん", "師長さん", "主任さん", "看護師さん、", "先生、"]
TIMES = ["10時15分", "9時05分", "22時30分", "7時45分"]
HI_FIRST = ["Sunita", "Kamla", "Ramesh", "Pooja", "Anil", "Rekha"]
HI_KIN = ["mummy ji", "papa ji", "nani", "didi", "bhabhi", "amma"]
DRUGS = ["Metformin", "Insulin", "Aspirin", "Paracetamol", "Dialysis", "Monday"]
KO_ADDR = ["서울 강남구", "부산광역시 해운대구", "경기도 성남시 분당구", "수원시 팔달구",
           "서울특별시 송파구 올림픽로 25"]
ZH_ADDR = ["北京市朝阳区", "广东省深圳市南山区", "上海市浦东新区张江路 88号"]


def pick(xs):  # type: ignore[no-untyped-def]
    return RNG.choice(xs)


def digits(n: int) -> str:
    return "".join(str(RNG.randint(0, 9)) for _ in range(n))


def ja_name() -> str:
    return f"{pick(FAM_JA)}{pick(['', ' '])}{pick(GIV_JA)}"


# ---- positives -------------------------------------------------------------------------
def latin_honorific(n: Note) -> None:
    n.add(pick(["今日 ", "Called ", "申し送り: ", "Seen: "]))
    n.phi_(pick(LATIN + ROMAN), "NAME").add(pick([" さん", " 様", "さん"]))
    n.add(pick([" 退院。", " 発熱あり。", " and family updated."]))


def after_lone_honorific(n: Note) -> None:
    n.add(pick(["Called さん ", "OK さん ", "Seen: さん "])).phi_(ja_name(), "NAME")
    n.add(pick([" 来院。", " re labs."]))


def after_staff(n: Note) -> None:
    n.add(pick(STAFF) + " ").phi_(ja_name(), "NAME")
    n.add(pick([" 付き添い。", " 面会。", "さん 発熱。"]))


def after_time(n: Note) -> None:
    n.add(pick(TIMES) + pick([" ", "、", " に "])).phi_(ja_name(), "NAME")
    n.add(pick(["さん 入室。", " 来院。", " 様 帰室。"]))


def gloss(n: Note) -> None:
    n.phi_(ja_name(), "NAME").add(pick(["様（", " 様（"]))
    n.phi_(pick(KATA), "NAME").add(pick([" 中国籍）", "、ベトナム国籍）", "）"]))


def ja_place(n: Note) -> None:
    n.phi_(pick(["東京都世田谷区桜新町1-2-3", "大阪市北区", "横浜市", "川崎市中原区"]), "ADDRESS")
    n.add(pick([" 在住。", "在住の患者。", "から転院。"]))


def ja_card(n: Note) -> None:
    n.add("保険証 記号 ").phi_(digits(4), "ID").add(" 番号 ").phi_(digits(4), "ID").add(" 確認。")


def hi_age(n: Note) -> None:
    n.add(pick(["Patient ", "Amma ", "Dadi "])).phi_(str(RNG.randint(90, 104)), "AGE")
    n.add(pick([" saal ki hai.", "-saal ki hai.", " saal ka hai, BP low.", " sal ki hai."]))


def hi_aadhaar(n: Note) -> None:
    n.add(pick(["Aadhaar ", "Aadhar no: ", "adhar card "]))
    n.phi_(f"{digits(4)}{pick([' ', '-', ''])}{digits(4)} {digits(4)}", "ID").add(" hai.")


def hi_plate(n: Note) -> None:
    n.add("Gaadi ").phi_(f"{pick(['HR', 'DL', 'MH', 'UP'])} {RNG.randint(1, 40)} "
                         f"{pick(['DK', 'AB', 'C'])} {digits(4)}", "VEHICLE")
    n.add(" bahar khadi hai.")


def hi_kin(n: Note) -> None:
    n.add(pick(HI_KIN) + " ").phi_(pick(HI_FIRST), "NAME")
    n.add(pick([" ko bulao.", " ka BP low hai."]))


def hi_pin(n: Note) -> None:
    n.add(pick(["PIN ", "Pin: ", "pincode "])).phi_(digits(6), "ZIP").add(" hai.")


def ko_addr(n: Note) -> None:
    n.add(pick(["주소: ", ""])).phi_(pick(KO_ADDR), "ADDRESS").add(pick([" 거주.", " 거주 중."]))


def zh_addr(n: Note) -> None:
    n.add("住址: ").phi_(pick(ZH_ADDR), "ADDRESS").add(" 居住。")


POS_MAKERS: list[Callable[[Note], None]] = [
    latin_honorific, after_lone_honorific, after_staff, after_time, gloss, ja_place, ja_card,
    hi_age, hi_aadhaar, hi_plate, hi_kin, hi_pin, ko_addr, zh_addr]


# ---- hard negatives --------------------------------------------------------------------
def neg_ja(n: Note) -> None:
    n.add(pick([f"{pick(TIMES)} ロキソニン 60mg 内服。", f"{pick(TIMES)} バイタル安定。",
                "胸部 不快 様 症状あり。", "感冒 症状 様 の訴え。", "他市から転院。",
                "同市在住の家族あり。", "輸液 100 を 10-20 滴/分。", "看護師さん 交代。",
                "東京都の基準に従い減量。", "Pt Kenji-san stable."]))


def neg_hi(n: Note) -> None:
    n.add(pick([f"{pick(HI_KIN)} {pick(DRUGS)} le rahi hai.", "Pin site clean hai.",
                "Sector 2 ka echo window poor hai.", "Kal se BP stable hai.",
                "Dose 500 mg BD, aaj se shuru."]))


def neg_ko(n: Note) -> None:
    n.add(pick(["서울 친구 면회.", "부산 적혈구 수혈.", "14시30분 투약 완료.",
                "대구 지시대로 투약.", "인천 도착 즉시 발열."]))


NEG_MAKERS: list[Callable[[Note], None]] = [neg_ja, neg_hi, neg_ko]


def main() -> None:
    emit(RNG, POS_MAKERS, NEG_MAKERS, "g6", 33)


if __name__ == "__main__":
    main()
