#!/usr/bin/env python3
"""Writes the events fixture: a second, non-seed check of passage matching.

Three invented events (floods in Kassala, a textile-factory fire, a wheat
purchase), each told by three fictional outlets in their own words, written
for the project and never taken from the seeds or the July 2015 news. Every
line is one passage and carries a fact id and a sub-topic id; the gold
grades follow from them as the seed guidelines define them: the same fact
= 2, the same sub-topic told with another fact or another figure = 1, the
rest (other sub-topics, other events) = 0. Claim groups follow from the
figures tagged with a claim id.

The output has the seed gold's layout, so that the same scorer reads it:

    python3 tests/bench/events_fixture.py crate/tests/fixtures/events
    tabayyun eval matching --gold crate/tests/fixtures/events/gold/events
"""
import json
import os
import sys

# doc -> [(fact, sub-topic, text, [(claim id, figure as written)])]
DOCS = {
    "100": [
        ("A1", "rain", "اجتاحت سيول جارفة ولاية كسلا شرقي السودان مساء الثلاثاء بعد أمطار غزيرة استمرت ساعات.", []),
        ("A2", "dead", "وقالت وزارة الصحة في الولاية إن 12 شخصا لقوا حتفهم وأصيب 30 آخرون.", [("dead", "12"), ("hurt", "30")]),
        ("A3", "displaced", "ونزحت نحو ثلاثة آلاف أسرة من قراها إلى مدارس ومبان حكومية في مدينة كسلا.", [("families", "ثلاثة آلاف")]),
        ("A4", "damage", "وأوضح مسؤول في الدفاع المدني أن المياه دمرت أكثر من 800 منزل بشكل كامل.", [("houses", "800")]),
        ("A5", "damage", "وانهار جسر رئيسي على نهر القاش ما قطع الطريق بين كسلا والخرطوم.", []),
        ("A6", "aid", "وأرسلت الحكومة الاتحادية 20 شاحنة محملة بالخيام والأغذية والأدوية إلى المناطق المنكوبة.", [("trucks", "20")]),
    ],
    "101": [
        ("A2b", "dead", "ارتفعت حصيلة ضحايا الفيضانات في كسلا إلى 14 قتيلا، وفق مصادر طبية محلية.", [("dead", "14")]),
        ("A1", "rain", "وكانت أمطار غزيرة قد هطلت على الولاية الواقعة في شرق البلاد يوم الثلاثاء وتسببت في سيول اجتاحت عددا من الأحياء.", []),
        ("A4", "damage", "ودمرت المياه ما يزيد على ثمانمئة منزل، بحسب الدفاع المدني الذي تحدث أيضا عن أضرار واسعة في المزارع.", [("houses", "ثمانمئة")]),
        ("A3", "displaced", "وأجبرت السيول قرابة 3000 عائلة على مغادرة منازلها واللجوء إلى المدارس.", [("families", "3000")]),
        ("A7", "rain", "وتوقعت هيئة الأرصاد الجوية استمرار هطول الأمطار على شرق السودان خلال الأيام الثلاثة المقبلة.", []),
        ("A8", "aid", "وناشد والي كسلا المنظمات الدولية تقديم مساعدات عاجلة للمتضررين.", []),
    ],
    "102": [
        ("A1", "rain", "غمرت مياه الفيضانات أحياء واسعة من مدينة كسلا السودانية بعد هطول أمطار غزيرة ليلة الثلاثاء.", []),
        ("A2", "dead", "وأسفرت الفيضانات عن مقتل اثني عشر شخصا وإصابة ثلاثين، حسب السلطات الصحية.", [("dead", "اثني عشر"), ("hurt", "ثلاثين")]),
        ("A5", "damage", "كما أدت السيول إلى انهيار جسر على نهر القاش، فانقطعت الطريق الرابطة بين كسلا والعاصمة.", []),
        ("A6", "aid", "وقالت الحكومة إنها سيرت عشرين شاحنة من المساعدات تحمل خياما ومواد غذائية وأدوية.", [("trucks", "عشرين")]),
        ("A9", "displaced", "وأعلنت السلطات تعليق الدراسة في المدارس التي تؤوي النازحين حتى إشعار آخر.", []),
        ("A10", "cholera", "وحذرت منظمة الصحة العالمية من خطر انتشار الكوليرا بسبب تلوث مياه الشرب.", []),
    ],
    "200": [
        ("B1", "outbreak", "اندلع حريق هائل فجر الأحد في مصنع للغزل والنسيج بمدينة العاشر من رمضان شرقي القاهرة.", []),
        ("B2", "firefighting", "ودفعت الحماية المدنية بخمس وعشرين سيارة إطفاء للسيطرة على النيران التي امتدت إلى مخزن مجاور.", [("engines", "خمس وعشرين")]),
        ("B3", "casualties", "وأسفر الحريق عن وفاة عاملين وإصابة سبعة آخرين باختناق، نقلوا إلى مستشفى المدينة.", [("choked", "سبعة")]),
        ("B4", "cause", "وتشير المعاينة الأولية إلى أن ماسا كهربائيا في قسم التغليف تسبب في الحريق.", []),
        ("B5", "losses", "وقدر صاحب المصنع الخسائر بنحو 40 مليون جنيه.", [("losses", "40 مليون")]),
        ("B6", "inquiry", "وأمرت النيابة العامة بالتحفظ على المصنع وانتداب خبراء الأدلة الجنائية لتحديد سبب الحريق.", []),
    ],
    "201": [
        ("B1", "outbreak", "شب حريق ضخم في مصنع نسيج بالمنطقة الصناعية في العاشر من رمضان صباح يوم الأحد.", []),
        ("B3", "casualties", "ولقي عاملان مصرعهما وأصيب 7 بحالات اختناق، وفق بيان لوزارة الصحة.", [("choked", "7")]),
        ("B2", "firefighting", "واستغرقت عمليات الإطفاء أكثر من خمس ساعات بمشاركة 25 سيارة إطفاء.", [("engines", "25")]),
        ("B7", "firefighting", "وتمكن العمال من إخلاء المبنى قبل أن تمتد النيران إلى الطوابق العليا.", []),
        ("B5b", "losses", "وقالت مصادر في غرفة الصناعة إن الخسائر المبدئية تتجاوز 60 مليون جنيه.", [("losses", "60 مليون")]),
        ("B8", "history", "ويعد هذا الحريق الثالث في المنطقة الصناعية منذ بداية العام.", []),
    ],
    "202": [
        ("B1", "outbreak", "التهمت النيران مصنعا للملابس والنسيج في مدينة العاشر من رمضان يوم الأحد.", []),
        ("B4", "cause", "ورجحت التحريات الأولية أن يكون الحريق ناجما عن ماس كهربائي.", []),
        ("B6", "inquiry", "وفتحت النيابة تحقيقا في الحادث وطلبت تقرير المعمل الجنائي.", []),
        ("B9", "inquiry", "وأوقفت الشرطة مدير المصنع للتحقيق معه بشأن إجراءات السلامة.", []),
        ("B3", "casualties", "وتوفي اثنان من العمال فيما أصيب سبعة آخرون.", [("choked", "سبعة")]),
        ("B5", "losses", "وتقدر الأضرار بأربعين مليون جنيه بحسب صاحب المصنع.", [("losses", "أربعين مليون")]),
    ],
    "300": [
        ("C1", "deal", "وقعت وزارة الصناعة والتجارة الأردنية الأربعاء عقدا لاستيراد 100 ألف طن من القمح.", [("tons", "100 ألف")]),
        ("C2", "price", "وبلغ سعر الطن الواحد 245 دولارا شاملا الشحن.", [("price", "245")]),
        ("C3", "delivery", "ومن المقرر أن تصل الشحنة إلى ميناء العقبة في النصف الثاني من الشهر المقبل.", []),
        ("C4", "reserves", "وقال الوزير إن المخزون الاستراتيجي من القمح يكفي المملكة عشرة أشهر.", [("months", "عشرة")]),
        ("C5", "bread", "وأكد أن الحكومة لن ترفع سعر الخبز هذا العام.", []),
    ],
    "301": [
        ("C1", "deal", "اشترى الأردن مئة ألف طن من القمح في مناقصة عالمية طرحتها وزارة الصناعة والتجارة يوم الأربعاء.", [("tons", "مئة ألف")]),
        ("C2b", "price", "وقال تجار أوروبيون إن السعر بلغ نحو 250 دولارا للطن.", [("price", "250")]),
        ("C6", "deal", "ويرجح التجار أن يكون مصدر القمح من رومانيا أو أوكرانيا.", []),
        ("C4b", "reserves", "وتكفي احتياطيات القمح الحالية لتغطية الاستهلاك تسعة أشهر، بحسب بيانات الوزارة.", [("months", "تسعة")]),
        ("C7", "reserves", "ويستهلك الأردن نحو مليون طن من القمح سنويا.", []),
    ],
    "302": [
        ("C1", "deal", "أعلنت وزارة الصناعة والتجارة عن شراء شحنة من القمح حجمها 100 ألف طن.", [("tons", "100 ألف")]),
        ("C2", "price", "وجاءت الصفقة بسعر 245 دولارا للطن، بما في ذلك تكلفة الشحن.", [("price", "245")]),
        ("C3", "delivery", "وينتظر وصول الشحنة إلى العقبة خلال النصف الثاني من الشهر القادم.", []),
        ("C5", "bread", "وتعهد الوزير بعدم المساس بسعر رغيف الخبز المدعوم خلال العام الحالي.", []),
        ("C8", "bread", "وتنفق الحكومة قرابة 200 مليون دينار سنويا على دعم الخبز.", []),
    ],
}

NAMES = {"1": "kassala-floods", "2": "factory-fire", "3": "wheat-purchase"}


def main(out):
    seeds = os.path.join(out, "seeds")
    gold = os.path.join(out, "gold", "events")
    os.makedirs(seeds, exist_ok=True)
    os.makedirs(gold, exist_ok=True)
    index, claims = [], {}
    for doc, lines in DOCS.items():
        text = "\n".join(t for _, _, t, _ in lines) + "\n"
        name = f"{doc}_{NAMES[doc[0]]}-{chr(ord('a') + int(doc[2]))}.txt"
        with open(os.path.join(seeds, name), "w", encoding="utf-8") as f:
            f.write(text)
        pos = 0
        for i, (fact, topic, line, figures) in enumerate(lines):
            pid = f"{doc}-{i:02}"
            index.append({"doc": doc, "pid": pid, "start": pos, "end": pos + len(line),
                          "text": line, "fact": fact, "topic": doc[0] + topic})
            for claim, figure in figures:
                at = line.find(figure)
                if at < 0:
                    sys.exit(f"{pid}: figure {figure!r} not in its line")
                claims.setdefault(doc[0] + claim, []).append(
                    {"doc": doc, "pid": pid, "start": pos + at, "end": pos + at + len(figure),
                     "text": figure})
            pos += len(line) + 1
    pairs = []
    for i, a in enumerate(index):
        for b in index[i + 1:]:
            if a["doc"] == b["doc"]:
                continue
            if a["fact"] == b["fact"]:
                grade, why = 2, f"same fact {a['fact']}"
            elif a["topic"] == b["topic"]:
                grade, why = 1, f"same sub-topic {a['topic']} ({a['fact']} / {b['fact']})"
            else:
                continue
            pairs.append({"a": a["pid"], "b": b["pid"], "grade": grade, "why": why})
    with open(os.path.join(gold, "passages_index.jsonl"), "w", encoding="utf-8") as f:
        for p in index:
            row = {k: p[k] for k in ("doc", "pid", "start", "end", "text")}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(os.path.join(gold, "passages.jsonl"), "w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    with open(os.path.join(gold, "claims.json"), "w", encoding="utf-8") as f:
        groups = [{"claim": k, "mentions": v} for k, v in claims.items()]
        json.dump(groups, f, ensure_ascii=False, indent=1)
        f.write("\n")
    n2 = sum(p["grade"] == 2 for p in pairs)
    print(f"{len(index)} passages, {n2} same-fact and {len(pairs) - n2} same-sub-topic pairs, "
          f"{len(claims)} claim groups -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "crate/tests/fixtures/events")
