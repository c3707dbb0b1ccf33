//! Table-driven tests of the numbers recognizer, with Arabic examples from
//! news style and their English gloss.

use super::*;
use crate::tokenize::tokenize;

/// (span text, kind, value, low, high, qualifier, unit)
type Want<'a> = (
    &'a str,
    Kind,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    &'a str,
    Option<&'a str>,
);

fn run(text: &str) -> Vec<Number> {
    recognize(text, &tokenize(text))
}

fn check(cases: &[(&str, &[Want])]) {
    let mut failures = Vec::new();
    for (text, want) in cases {
        let got = run(text);
        let got_view: Vec<Want> = got
            .iter()
            .map(|n| {
                (
                    &text[n.start..n.end],
                    n.kind,
                    n.value,
                    n.low,
                    n.high,
                    n.qualifier,
                    n.unit.as_deref(),
                )
            })
            .collect();
        if got_view != *want {
            failures.push(format!("{text}\n   want {want:?}\n   got  {got_view:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

use Kind::*;
const N: Option<f64> = None;
fn v(x: f64) -> Option<f64> {
    Some(x)
}

#[test]
fn digits() {
    check(&[
        // "1,500 civilians fled"
        (
            "فر 1,500 مدني",
            &[("1,500", Count, v(1500.0), N, N, "exact", Some("مدني"))],
        ),
        // Arabic-Indic digits and separators
        (
            "فر ١٬٥٠٠ مدني",
            &[("١٬٥٠٠", Count, v(1500.0), N, N, "exact", Some("مدني"))],
        ),
        (
            "خسر 99.5 من",
            &[("99.5", Count, v(99.5), N, N, "exact", None)],
        ),
        (
            "خسر ٩٩٫٥ من",
            &[("٩٩٫٥", Count, v(99.5), N, N, "exact", None)],
        ),
        // "17 trucks at least"
        (
            "قافلة من 17 شاحنة على الأقل",
            &[("17", Count, v(17.0), N, N, "at_least", Some("شاحنة"))],
        ),
        // "killed 16 civilians" (accusative)
        (
            "قتل 16 مدنيا",
            &[("16", Count, v(16.0), N, N, "exact", Some("مدني"))],
        ),
    ]);
}

#[test]
fn words() {
    check(&[
        // "five hundred and twenty-five"
        (
            "خمسمائة وخمسة وعشرون شخصا",
            &[(
                "خمسمائة وخمسة وعشرون",
                Count,
                v(525.0),
                N,
                N,
                "exact",
                Some("شخص"),
            )],
        ),
        (
            "ثلاثة أطفال",
            &[("ثلاثة", Count, v(3.0), N, N, "exact", Some("طفل"))],
        ),
        (
            "ثلاث نساء",
            &[("ثلاث", Count, v(3.0), N, N, "exact", Some("امرأة"))],
        ),
        // "and three soldiers": the conjunction stays out of the span
        (
            "وثلاثة جنود",
            &[("ثلاثة", Count, v(3.0), N, N, "exact", Some("جندي"))],
        ),
        (
            "بخمسة صواريخ",
            &[("خمسة", Count, v(5.0), N, N, "exact", Some("صاروخ"))],
        ),
        (
            "أحد عشر لاعبا",
            &[("أحد عشر", Count, v(11.0), N, N, "exact", Some("لاعب"))],
        ),
        (
            "إحدى عشرة سيارة",
            &[("إحدى عشرة", Count, v(11.0), N, N, "exact", Some("سيارة"))],
        ),
        (
            "اثنا عشر شهرا",
            &[("اثنا عشر", Duration, v(12.0), N, N, "exact", Some("شهر"))],
        ),
        (
            "عشرين مقاتلا",
            &[("عشرين", Count, v(20.0), N, N, "exact", Some("مقاتل"))],
        ),
        (
            "ثلاثمئة جندي",
            &[("ثلاثمئة", Count, v(300.0), N, N, "exact", Some("جندي"))],
        ),
        (
            "ثلاث مئة جندي",
            &[("ثلاث مئة", Count, v(300.0), N, N, "exact", Some("جندي"))],
        ),
        (
            "مائتي شخص",
            &[("مائتي", Count, v(200.0), N, N, "exact", Some("شخص"))],
        ),
        (
            "ألفين وخمسمئة لاجئ",
            &[(
                "ألفين وخمسمئة",
                Count,
                v(2500.0),
                N,
                N,
                "exact",
                Some("لاجئ"),
            )],
        ),
        (
            "الفين شخص",
            &[("الفين", Count, v(2000.0), N, N, "exact", Some("شخص"))],
        ),
        (
            "خمسة آلاف إرهابي",
            &[("خمسة آلاف", Count, v(5000.0), N, N, "exact", Some("إرهابي"))],
        ),
        (
            "مليونين ونصف",
            &[("مليونين ونصف", Count, v(2_500_000.0), N, N, "exact", None)],
        ),
        (
            "ثلاثة ملايين لاجئ",
            &[("ثلاثة ملايين", Count, v(3e6), N, N, "exact", Some("لاجئ"))],
        ),
        (
            "خمسة وعشرين ألف دولار",
            &[(
                "خمسة وعشرين ألف",
                Count,
                v(25000.0),
                N,
                N,
                "exact",
                Some("دولار"),
            )],
        ),
    ]);
}

#[test]
fn mixed() {
    check(&[
        (
            "أكثر من 20 ألف مدني",
            &[(
                "أكثر من 20 ألف",
                Count,
                v(20000.0),
                N,
                N,
                "more_than",
                Some("مدني"),
            )],
        ),
        (
            "3 ملايين لاجئ",
            &[("3 ملايين", Count, v(3e6), N, N, "exact", Some("لاجئ"))],
        ),
        (
            "1.5 مليون دولار",
            &[("1.5 مليون", Count, v(1.5e6), N, N, "exact", Some("دولار"))],
        ),
        (
            "20 ألفا",
            &[("20 ألفا", Count, v(20000.0), N, N, "exact", None)],
        ),
        (
            "مليون و200 ألف نازح",
            &[(
                "مليون و200 ألف",
                Count,
                v(1.2e6),
                N,
                N,
                "exact",
                Some("نازح"),
            )],
        ),
    ]);
}

#[test]
fn duals() {
    check(&[
        // "in two villages"
        (
            "تحت الحصار في قريتين،",
            &[("قريتين", Count, v(2.0), N, N, "exact", Some("قرية"))],
        ),
        (
            "بعد يومين من الهدوء",
            &[("يومين", Duration, v(2.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "خلال اليومين الماضيين",
            &[("اليومين", Duration, v(2.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "منذ شهرين",
            &[("شهرين", Duration, v(2.0), N, N, "exact", Some("شهر"))],
        ),
        (
            "قبل عامين",
            &[("عامين", Duration, v(2.0), N, N, "exact", Some("عام"))],
        ),
        (
            "قبل سنتين",
            &[("سنتين", Duration, v(2.0), N, N, "exact", Some("سنة"))],
        ),
        // "with his two wives"
        (
            "مع زوجتيه",
            &[("زوجتيه", Count, v(2.0), N, N, "exact", Some("زوجة"))],
        ),
        (
            "أقل من ميلين مربعين",
            &[(
                "أقل من ميلين",
                Measure,
                v(2.0),
                N,
                N,
                "less_than",
                Some("ميل مربع"),
            )],
        ),
        // plurals and adjectives that end like duals are not counts
        ("المدنيين والمقاتلين", &[]),
        ("اللاعبين السائحين", &[]),
        ("لقاءات اجتماعية", &[]),
        ("في مدينة ميلان", &[]),
        ("وعاد الطرفان", &[]),
    ]);
}

#[test]
fn ordinals() {
    check(&[
        (
            "الساعات الأولى من المعركة",
            &[("الأولى", Ordinal, v(1.0), N, N, "exact", Some("ساعة"))],
        ),
        (
            "الدفعة السابعة والأخيرة",
            &[("السابعة", Ordinal, v(7.0), N, N, "exact", Some("دفعة"))],
        ),
        (
            "المرة الثانية",
            &[("الثانية", Ordinal, v(2.0), N, N, "exact", Some("مرة"))],
        ),
        (
            "الجولة التاسعة",
            &[("التاسعة", Ordinal, v(9.0), N, N, "exact", Some("جولة"))],
        ),
        (
            "اليوم العاشر",
            &[("العاشر", Ordinal, v(10.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "القرن الحادي عشر",
            &[("الحادي عشر", Ordinal, v(11.0), N, N, "exact", Some("قرن"))],
        ),
        (
            "الدورة الحادية والعشرين",
            &[(
                "الحادية والعشرين",
                Ordinal,
                v(21.0),
                N,
                N,
                "exact",
                Some("دورة"),
            )],
        ),
        (
            "للمرة الثالثة",
            &[("الثالثة", Ordinal, v(3.0), N, N, "exact", Some("مرة"))],
        ),
        (
            "أول مرة",
            &[("أول", Ordinal, v(1.0), N, N, "exact", Some("مرة"))],
        ),
        (
            "رابع أيام العيد",
            &[("رابع", Ordinal, v(4.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "الدقيقة 25 من الشوط",
            &[("25", Ordinal, v(25.0), N, N, "exact", Some("دقيقة"))],
        ),
        // "the count at the start of the month was only 900": not a position
        (
            "كان العدد في مطلع الشهر 900 فقط",
            &[("900", Count, v(900.0), N, N, "exact", None)],
        ),
        // the day before yesterday is not an ordinal
        ("وصل الأول من أمس", &[]),
        ("وصل أول أمس", &[]),
        ("يوم أمس الأول", &[]),
        // month names that contain an ordinal
        (
            "في كانون الأول",
            &[("كانون الأول", Date, N, N, N, "exact", None)],
        ),
        (
            "في تشرين الثاني",
            &[("تشرين الثاني", Date, N, N, N, "exact", None)],
        ),
    ]);
}

#[test]
fn percents() {
    check(&[
        (
            "أقل من 1% من",
            &[("أقل من 1%", Percent, v(1.0), N, N, "less_than", None)],
        ),
        (
            "خسر 99.5% من",
            &[("99.5%", Percent, v(99.5), N, N, "exact", None)],
        ),
        (
            "نسبة ٥٠٪",
            &[("٥٠٪", Percent, v(50.0), N, N, "exact", None)],
        ),
        (
            "على 90 في المئة،",
            &[("90 في المئة", Percent, v(90.0), N, N, "exact", None)],
        ),
        (
            "بلغت 30 في المائة",
            &[("30 في المائة", Percent, v(30.0), N, N, "exact", None)],
        ),
        (
            "بنسبة 54.63 بالمئة",
            &[("54.63 بالمئة", Percent, v(54.63), N, N, "exact", None)],
        ),
        (
            "نحو 12 بالمائة",
            &[("نحو 12 بالمائة", Percent, v(12.0), N, N, "about", None)],
        ),
        (
            "خمسين في المئة",
            &[("خمسين في المئة", Percent, v(50.0), N, N, "exact", None)],
        ),
        // fractions of a whole
        (
            "تسيطر على نحو ربع البلاد",
            &[("نحو ربع", Percent, v(25.0), N, N, "about", None)],
        ),
        (
            "أكثر من نصف السكان",
            &[("أكثر من نصف", Percent, v(50.0), N, N, "more_than", None)],
        ),
        (
            "نصف مليون لاجئ",
            &[("نصف مليون", Count, v(500_000.0), N, N, "exact", Some("لاجئ"))],
        ),
        ("بلغ الدور نصف النهائي", &[]),
    ]);
}

#[test]
fn ranges() {
    check(&[
        // "between two and three thousand tons": both ends in words, the
        // upper one with its own multiplier
        (
            "نقلت ما بين ألفين وثلاثة آلاف طن",
            &[(
                "ما بين ألفين وثلاثة آلاف",
                Measure,
                N,
                v(2000.0),
                v(3000.0),
                "range",
                Some("طن"),
            )],
        ),
        (
            "أن ما بين 400 و600 إرهابي",
            &[(
                "ما بين 400 و600",
                Count,
                N,
                v(400.0),
                v(600.0),
                "range",
                Some("إرهابي"),
            )],
        ),
        (
            "بين 20 و30 ألف نازح",
            &[(
                "بين 20 و30 ألف",
                Count,
                N,
                v(20000.0),
                v(30000.0),
                "range",
                Some("نازح"),
            )],
        ),
        (
            "من 10 إلى 20 قتيلا",
            &[(
                "من 10 إلى 20",
                Count,
                N,
                v(10.0),
                v(20.0),
                "range",
                Some("قتيل"),
            )],
        ),
        (
            "بسرعة 15-35 كم",
            &[(
                "15-35",
                Measure,
                N,
                v(15.0),
                v(35.0),
                "range",
                Some("كيلومتر"),
            )],
        ),
        (
            "بسرعة 10 – 30 كم",
            &[(
                "10 – 30",
                Measure,
                N,
                v(10.0),
                v(30.0),
                "range",
                Some("كيلومتر"),
            )],
        ),
        (
            "في غضون يوم أو يومين",
            &[(
                "يوم أو يومين",
                Duration,
                N,
                v(1.0),
                v(2.0),
                "range",
                Some("يوم"),
            )],
        ),
        (
            "ثلاثة أو أربعة أيام",
            &[(
                "ثلاثة أو أربعة",
                Duration,
                N,
                v(3.0),
                v(4.0),
                "range",
                Some("يوم"),
            )],
        ),
        // two years are a range of years, not of counts
        (
            "من 2012 إلى 2014",
            &[(
                "من 2012 إلى 2014",
                Year,
                N,
                v(2012.0),
                v(2014.0),
                "range",
                None,
            )],
        ),
        (
            "بين 2003 و2010",
            &[(
                "بين 2003 و2010",
                Year,
                N,
                v(2003.0),
                v(2010.0),
                "range",
                None,
            )],
        ),
    ]);
}

#[test]
fn qualifiers() {
    check(&[
        (
            "أن نحو 1500 مدني",
            &[("نحو 1500", Count, v(1500.0), N, N, "about", Some("مدني"))],
        ),
        (
            "حوالي 300 شخص",
            &[("حوالي 300", Count, v(300.0), N, N, "about", Some("شخص"))],
        ),
        (
            "حوالى 300 شخص",
            &[("حوالى 300", Count, v(300.0), N, N, "about", Some("شخص"))],
        ),
        (
            "قرابة 50 قتيلا",
            &[("قرابة 50", Count, v(50.0), N, N, "about", Some("قتيل"))],
        ),
        (
            "ما يقارب 4 آلاف هدية",
            &[(
                "ما يقارب 4 آلاف",
                Count,
                v(4000.0),
                N,
                N,
                "about",
                Some("هدية"),
            )],
        ),
        (
            "زهاء 200 أسرة",
            &[("زهاء 200", Count, v(200.0), N, N, "about", Some("أسرة"))],
        ),
        (
            "ما لا يقل عن 70 مدنيا",
            &[(
                "ما لا يقل عن 70",
                Count,
                v(70.0),
                N,
                N,
                "at_least",
                Some("مدني"),
            )],
        ),
        (
            "ما يزيد على 100 جريح",
            &[(
                "ما يزيد على 100",
                Count,
                v(100.0),
                N,
                N,
                "more_than",
                Some("جريح"),
            )],
        ),
        (
            "ما يزيد عن 100 جريح",
            &[(
                "ما يزيد عن 100",
                Count,
                v(100.0),
                N,
                N,
                "more_than",
                Some("جريح"),
            )],
        ),
        (
            "لا يزيد عن 35 ريالا",
            &[(
                "لا يزيد عن 35",
                Count,
                v(35.0),
                N,
                N,
                "at_most",
                Some("ريال"),
            )],
        ),
        (
            "رجالا لا يتجاوز عددهم عشرة",
            &[(
                "لا يتجاوز عددهم عشرة",
                Count,
                v(10.0),
                N,
                N,
                "at_most",
                Some("رجل"),
            )],
        ),
        (
            "على الأقل 12 شخصا",
            &[("على الأقل 12", Count, v(12.0), N, N, "at_least", Some("شخص"))],
        ),
        (
            "قتل عشرة عناصر على الأقل",
            &[("عشرة", Count, v(10.0), N, N, "at_least", Some("عنصر"))],
        ),
        (
            "بعد 20 يوما تقريبا",
            &[("20", Duration, v(20.0), N, N, "about", Some("يوم"))],
        ),
        (
            "وبأكثر من 30 صاروخا",
            &[(
                "أكثر من 30",
                Count,
                v(30.0),
                N,
                N,
                "more_than",
                Some("صاروخ"),
            )],
        ),
        (
            "أقل من 5 كيلومتر مربع",
            &[(
                "أقل من 5",
                Measure,
                v(5.0),
                N,
                N,
                "less_than",
                Some("كيلومتر مربع"),
            )],
        ),
        (
            "بحوالي ( ٣٠ ) دقيقة",
            &[(
                "حوالي ( ٣٠",
                Duration,
                v(30.0),
                N,
                N,
                "about",
                Some("دقيقة"),
            )],
        ),
        // a qualifier with no number after it is nothing
        ("أكثر من مرة", &[]),
    ]);
}

#[test]
fn vague() {
    check(&[
        (
            "وفر مئات المدنيين",
            &[("مئات", Count, N, v(200.0), v(999.0), "vague", Some("مدني"))],
        ),
        (
            "عشرات من عائلات",
            &[("عشرات", Count, N, v(20.0), v(99.0), "vague", Some("عائلة"))],
        ),
        (
            "آلاف الدولارات",
            &[("آلاف", Count, N, v(2000.0), v(9999.0), "vague", Some("دولار"))],
        ),
        (
            "عشرات الآلاف من اللاجئين",
            &[(
                "عشرات الآلاف",
                Count,
                N,
                v(20000.0),
                v(99999.0),
                "vague",
                Some("لاجئ"),
            )],
        ),
        (
            "مئات الآلاف",
            &[(
                "مئات الآلاف",
                Count,
                N,
                v(200_000.0),
                v(999_999.0),
                "vague",
                None,
            )],
        ),
        (
            "ملايين السكان",
            &[(
                "ملايين",
                Count,
                N,
                v(2e6),
                v(1e7 - 1.0),
                "vague",
                Some("ساكن"),
            )],
        ),
        (
            "لعشرات الجرحى",
            &[("عشرات", Count, N, v(20.0), v(99.0), "vague", Some("جريح"))],
        ),
        // vague words that are not numbers
        (
            "قتل كثير من المدنيين وعدة جنود وبعض النساء والعديد من الأطفال",
            &[],
        ),
        ("كميات كبيرة", &[]),
    ]);
}

#[test]
fn dates() {
    let cases: &[(&str, &str, &str)] = &[
        // (text, span, date)
        ("قال في ديسمبر إنه", "ديسمبر", "--12"),
        ("منذ التاسع من فبراير الماضي", "التاسع من فبراير", "--02-09"),
        (
            "التي أطلقت في 10 سبتمبر 2018 لطرده",
            "10 سبتمبر 2018",
            "2018-09-10",
        ),
        ("منذ 20 شباط/فبراير،", "20 شباط/فبراير", "--02-20"),
        ("منذ كانون الأول/ديسمبر من", "كانون الأول/ديسمبر", "--12"),
        ("في ديسمبر/كانون الأول إنه", "ديسمبر/كانون الأول", "--12"),
        ("في 22 يوليو (تموز) بسبب", "22 يوليو (تموز)", "--07-22"),
        (
            "في يناير (كانون الثاني) 2014.",
            "يناير (كانون الثاني) 2014",
            "2014-01",
        ),
        ("في الأول من مارس", "الأول من مارس", "--03-01"),
        (
            "للحادي والعشرين من شهر يوليو",
            "لحادي والعشرين من شهر يوليو",
            "--07-21",
        ),
        ("يوم 4 شوال،", "4 شوال", "--10-04"),
        (
            "الأحد الثالث من شوال 1436",
            "الثالث من شوال 1436",
            "1436-10-03",
        ),
        ("الأول من ذي القعدة المقبل", "الأول من ذي القعدة", "--11-01"),
        ("خلال شهر رمضان المبارك", "رمضان", "--09"),
        ("في 10/9/2018 أعلن", "10/9/2018", "2018-09-10"),
        ("الموافق 9/10/1436 باشرت", "9/10/1436", "1436-10-09"),
        ("منتصف آذار 2011", "آذار 2011", "2011-03"),
        ("وفي أغسطس", "أغسطس", "--08"),
        ("في 15 أيار", "15 أيار", "--05-15"),
    ];
    let mut fails = Vec::new();
    for (text, span, date) in cases {
        let got = run(text);
        let ok = got.len() == 1
            && &text[got[0].start..got[0].end] == *span
            && got[0].kind == Date
            && got[0].value.is_none()
            && got[0].date.as_deref() == Some(*date);
        if !ok {
            fails.push(format!("{text}: {got:?}"));
        }
    }
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
    // Ambiguous month names need a day or year: آب is also "father",
    // رمضان and رجب are first names, نيسان a car maker.
    check(&[
        ("قال آب المحاسب", &[]),
        ("التقى رمضان ورجب", &[]),
        ("سيارة نيسان", &[]),
    ]);
}

#[test]
fn years_and_times() {
    check(&[
        (
            "في 2014 عندما",
            &[("2014", Year, v(2014.0), N, N, "exact", None)],
        ),
        (
            "بعد هزيمته في العراق عام 2017.",
            &[("2017", Year, v(2017.0), N, N, "exact", None)],
        ),
        (
            "سنة ٢٠١٩",
            &[("٢٠١٩", Year, v(2019.0), N, N, "exact", None)],
        ),
        (
            "في عام 1436 هـ",
            &[("1436", Year, v(1436.0), N, N, "exact", None)],
        ),
        // a count, though it looks like a year
        (
            "الجنود الأميركيين وعددهم 2000 من سوريا",
            &[("2000", Count, v(2000.0), N, N, "exact", Some("جندي"))],
        ),
        (
            "وعددها 2000 جندي",
            &[("2000", Count, v(2000.0), N, N, "exact", Some("جندي"))],
        ),
    ]);
    let cases: &[(&str, &str, &str)] = &[
        (
            "عند الساعة السادسة مساءا بالتوقيت",
            "السادسة مساءا",
            "18:00",
        ),
        ("الساعة 18:00 بالتوقيت", "18:00", "18:00"),
        ("من الثامنة صباحاً", "الثامنة صباحاً", "08:00"),
        ("حتى الساعة العاشرة ليلاً", "العاشرة ليلاً", "22:00"),
        ("الساعة الواحدة ظهرا", "الواحدة ظهرا", "13:00"),
        ("في تمام الساعة التاسعة والنصف", "التاسعة والنصف", "09:30"),
        (
            "الساعة التاسعة وخمس وأربعين دقيقة من",
            "التاسعة وخمس وأربعين دقيقة",
            "09:45",
        ),
        ("الساعة الحادية عشرة", "الحادية عشرة", "11:00"),
        ("نحو 6 مساء", "نحو 6 مساء", "18:00"),
        (
            "حوالي الساعة الثالثة فجرا",
            "حوالي الساعة الثالثة فجرا",
            "03:00",
        ),
        ("في 10:30 صباحا", "10:30 صباحا", "10:30"),
    ];
    let mut fails = Vec::new();
    for (text, span, time) in cases {
        let got = run(text);
        let ok = got.len() == 1
            && &text[got[0].start..got[0].end] == *span
            && got[0].kind == Time
            && got[0].time.as_deref() == Some(*time);
        if !ok {
            fails.push(format!("{text}: {got:?}"));
        }
    }
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
}

#[test]
fn ages_durations_measures() {
    check(&[
        (
            "هالة حسن (29 عاماً) وفرت",
            &[("29", Age, v(29.0), N, N, "exact", Some("عام"))],
        ),
        (
            "يبلغ من العمر 40 سنة",
            &[("40", Age, v(40.0), N, N, "exact", Some("سنة"))],
        ),
        (
            "فتاة عمرها 20 عاما",
            &[("20", Age, v(20.0), N, N, "exact", Some("عام"))],
        ),
        (
            "ويبلغ من العمر( 7 ) سنوات",
            &[("7", Age, v(7.0), N, N, "exact", Some("سنة"))],
        ),
        (
            "وقال محمد، 30 عاما، إن",
            &[("30", Age, v(30.0), N, N, "exact", Some("عام"))],
        ),
        (
            "طفل في العاشرة من عمره",
            &[("العاشرة", Age, v(10.0), N, N, "exact", Some("عام"))],
        ),
        (
            "ثلاثة أيام",
            &[("ثلاثة", Duration, v(3.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "عشرة أيام",
            &[("عشرة", Duration, v(10.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "في الأيام العشرة التي سبقت",
            &[("العشرة", Duration, v(10.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "قبل نحو ثلاث سنوات",
            &[("نحو ثلاث", Duration, v(3.0), N, N, "about", Some("سنة"))],
        ),
        (
            "استمرت 40 عاما.",
            &[("40", Duration, v(40.0), N, N, "exact", Some("عام"))],
        ),
        (
            "ثلاثة أشهر ونصف",
            &[("ثلاثة", Duration, v(3.5), N, N, "exact", Some("شهر"))],
        ),
        (
            "في يوم واحد",
            &[("واحد", Duration, v(1.0), N, N, "exact", Some("يوم"))],
        ),
        (
            "50 كيلومترا",
            &[("50", Measure, v(50.0), N, N, "exact", Some("كيلومتر"))],
        ),
        (
            "4 كيلومترات مربعة",
            &[("4", Measure, v(4.0), N, N, "exact", Some("كيلومتر مربع"))],
        ),
        (
            "على كيلومتر مربع واحد من القرية",
            &[("واحد", Measure, v(1.0), N, N, "exact", Some("كيلومتر مربع"))],
        ),
        (
            "4300 كلم",
            &[("4300", Measure, v(4300.0), N, N, "exact", Some("كيلومتر"))],
        ),
        (
            "175 طناً",
            &[("175", Measure, v(175.0), N, N, "exact", Some("طن"))],
        ),
        (
            "نحو 35 مليون متر مربع",
            &[(
                "نحو 35 مليون",
                Measure,
                v(35e6),
                N,
                N,
                "about",
                Some("متر مربع"),
            )],
        ),
        (
            "من أطفالها الخمسة:",
            &[("الخمسة", Count, v(5.0), N, N, "exact", Some("طفل"))],
        ),
        (
            "آلاف الرجال والنساء والأطفال",
            &[("آلاف", Count, N, v(2000.0), v(9999.0), "vague", Some("شخص"))],
        ),
    ]);
}

#[test]
fn not_numbers() {
    check(&[
        // weekdays
        (
            "يوم الاثنين والثلاثاء والأربعاء والخميس والجمعة والسبت والأحد",
            &[],
        ),
        ("صباح الاثنين", &[]),
        // relative dates
        ("أمس واليوم وغدا", &[]),
        // أحد "one of/someone", إحدى "one of", واحد من "one of"
        ("قال أحد المسؤولين إن إحدى القرى", &[]),
        (
            "أحد عشر",
            &[("أحد عشر", Count, v(11.0), N, N, "exact", None)],
        ),
        // words that contain number words
        ("لست أدري", &[]),
        (
            "الشخصية الثالثة",
            &[("الثالثة", Ordinal, v(3.0), N, N, "exact", Some("شخصية"))],
        ),
        // identifiers and list markers
        ("الرحلة رقم ( 962 ) وصلت", &[]),
        ("أرسل رسالة إلى 88591 - Stc 635031", &[]),
        ("قال:\n2 - يا أهل الدار", &[]),
    ]);
}

#[test]
fn news_agency_styles() {
    let cases: &[(&str, &str, &str)] = &[
        // a comma between hours and minutes, and GMT
        ("اندلع في الساعة 13,30 بالتوقيت المحلي", "13,30", "13:30"),
        ("الاحتفال قرابة 17,45 ت غ", "قرابة 17,45", "17:45"),
        ("وبحلول الساعة 1535 بتوقيت جرينتش", "1535", "15:35"),
    ];
    let mut fails = Vec::new();
    for (text, span, time) in cases {
        let got = run(text);
        let ok = got.len() == 1
            && &text[got[0].start..got[0].end] == *span
            && got[0].kind == Time
            && got[0].time.as_deref() == Some(*time);
        if !ok {
            fails.push(format!("{text}: {got:?}"));
        }
    }
    assert!(fails.is_empty(), "\n{}", fails.join("\n"));
    check(&[
        (
            "خلال الاثنى عشر شهرا الماضية",
            &[("الاثنى عشر", Duration, v(12.0), N, N, "exact", Some("شهر"))],
        ),
        // the article written apart: الـ48
        (
            "إن الساعات الـ48 الماضية",
            &[("48", Duration, v(48.0), N, N, "exact", Some("ساعة"))],
        ),
        (
            "يصل عددها إلى زهاء الـ100 شخص",
            &[("زهاء الـ100", Count, v(100.0), N, N, "about", Some("شخص"))],
        ),
        (
            "عند التسوية 39 سنتا",
            &[("39", Count, v(39.0), N, N, "exact", Some("سنت"))],
        ),
        (
            "تتراوح مابين 50 إلى 60 ريالا",
            &[(
                "مابين 50 إلى 60",
                Count,
                N,
                v(50.0),
                v(60.0),
                "range",
                Some("ريال"),
            )],
        ),
        (
            "أسرنا اثنين من المقاتلين",
            &[("اثنين", Count, v(2.0), N, N, "exact", Some("مقاتل"))],
        ),
        // "the six (fasting days) of Shawwal" is not a date
        (
            "صيام الست من شوال",
            &[("الست", Count, v(6.0), N, N, "exact", None)],
        ),
        (
            "بلغ مايزيد على 6500 أسير",
            &[(
                "مايزيد على 6500",
                Count,
                v(6500.0),
                N,
                N,
                "more_than",
                Some("أسير"),
            )],
        ),
        (
            "خلفت عشرات آلاف القتلى",
            &[(
                "عشرات آلاف",
                Count,
                N,
                v(20000.0),
                v(99999.0),
                "vague",
                Some("قتيل"),
            )],
        ),
        (
            "نحو مليوني سائح",
            &[("نحو مليوني", Count, v(2e6), N, N, "about", Some("سائح"))],
        ),
        (
            "7.9 ملايين من أصل",
            &[("7.9 ملايين", Count, v(7.9e6), N, N, "exact", None)],
        ),
    ]);
}

#[test]
fn idioms_and_slashed_dates() {
    check(&[
        // "a thousand congratulations" is not a count
        ("تهانينا وألف مبروك", &[]),
        (
            "ألف شخص",
            &[("ألف", Count, v(1000.0), N, N, "exact", Some("شخص"))],
        ),
    ]);
    let got = run("بتاريخ 7 / يوليو /2015 م");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].date.as_deref(), Some("2015-07-07"));
}

#[test]
fn spelled_years_and_fractions() {
    check(&[
        (
            "في عام ألفين وتسعة عشر",
            &[("ألفين وتسعة عشر", Year, v(2019.0), N, N, "exact", None)],
        ),
        (
            "عام ألف وتسعمائة وتسعين",
            &[("ألف وتسعمائة وتسعين", Year, v(1990.0), N, N, "exact", None)],
        ),
        (
            "ثلاثة أرباع السكان",
            &[("ثلاثة أرباع", Percent, v(75.0), N, N, "exact", None)],
        ),
        (
            "ربع مليون نسمة",
            &[(
                "ربع مليون",
                Count,
                v(250_000.0),
                N,
                N,
                "exact",
                Some("نسمة"),
            )],
        ),
        (
            "ملياري دولار",
            &[("ملياري", Count, v(2e9), N, N, "exact", Some("دولار"))],
        ),
        (
            "والعشرة الأوائل",
            &[("العشرة", Count, v(10.0), N, N, "exact", None)],
        ),
        (
            "بخمسة عشر صاروخا",
            &[("خمسة عشر", Count, v(15.0), N, N, "exact", Some("صاروخ"))],
        ),
        (
            "مائة وخمسون جريحا",
            &[("مائة وخمسون", Count, v(150.0), N, N, "exact", Some("جريح"))],
        ),
        (
            "ثلاثة آلاف وخمسمائة نازح",
            &[(
                "ثلاثة آلاف وخمسمائة",
                Count,
                v(3500.0),
                N,
                N,
                "exact",
                Some("نازح"),
            )],
        ),
        (
            "مليون ونصف مليون لاجئ",
            &[(
                "مليون ونصف مليون",
                Count,
                v(1.5e6),
                N,
                N,
                "exact",
                Some("لاجئ"),
            )],
        ),
        (
            "٢٫٥ مليون",
            &[("٢٫٥ مليون", Count, v(2.5e6), N, N, "exact", None)],
        ),
        (
            "٣٬٥٠٠ شخص",
            &[("٣٬٥٠٠", Count, v(3500.0), N, N, "exact", Some("شخص"))],
        ),
    ]);
}

#[test]
fn grouped_digits_and_codes() {
    check(&[
        // dots between groups of three, two decimals
        (
            "بتكلفة 310.000.000.00 ريال",
            &[(
                "310.000.000.00",
                Count,
                v(310_000_000.0),
                N,
                N,
                "exact",
                Some("ريال"),
            )],
        ),
        (
            "مقدارها 97.151.502.13 ريالا",
            &[(
                "97.151.502.13",
                Count,
                v(97_151_502.13),
                N,
                N,
                "exact",
                Some("ريال"),
            )],
        ),
        (
            "وقدره (18,839,519 ) ريالاً.",
            &[(
                "18,839,519",
                Count,
                v(18_839_519.0),
                N,
                N,
                "exact",
                Some("ريال"),
            )],
        ),
        // a count after إلى is a count, an SMS number before a carrier is not
        (
            "سترتفع إلى 10059 بعد",
            &[("10059", Count, v(10059.0), N, N, "exact", None)],
        ),
        ("أرسل إلى 88591 - Stc", &[]),
    ]);
}

#[test]
fn articles_and_accusatives() {
    check(&[
        (
            "لا يمثل واحدا في المائة من",
            &[("واحدا في المائة", Percent, v(1.0), N, N, "exact", None)],
        ),
        (
            "في مكاتبها الاثنين والعشرين",
            &[(
                "الاثنين والعشرين",
                Count,
                v(22.0),
                N,
                N,
                "exact",
                Some("مكتب"),
            )],
        ),
        (
            "يعرف موقعه بست لغات",
            // a broken or "-ات" plural outside the lexicon is given as written
            &[("ست", Count, v(6.0), N, N, "exact", Some("لغات"))],
        ),
        (
            "والشيوخ المائة ضد",
            &[("المائة", Count, v(100.0), N, N, "exact", None)],
        ),
        // Monday stays a weekday
        ("بعد غد الاثنين بمقر الجمعية", &[]),
    ]);
}

#[test]
fn halves_and_iso_dates() {
    check(&[
        (
            "بعد ساعة ونصف من",
            &[("ساعة ونصف", Duration, v(1.5), N, N, "exact", Some("ساعة"))],
        ),
        (
            "استمر ساعتين ونصف",
            &[("ساعتين ونصف", Duration, v(2.5), N, N, "exact", Some("ساعة"))],
        ),
        (
            "قبل ربع ساعة",
            &[("ربع", Duration, v(0.25), N, N, "exact", Some("ساعة"))],
        ),
    ]);
    let got = run("نشر في 2018-09-10 بيانا");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].date.as_deref(), Some("2018-09-10"));
}

#[test]
fn decades_of_age() {
    check(&[
        // "a man in his thirties"
        (
            "رجل في الثلاثينات من عمره",
            &[("الثلاثينات", Age, N, v(30.0), v(39.0), "vague", Some("عام"))],
        ),
        (
            "شابة في العشرينيات من العمر",
            &[("العشرينيات", Age, N, v(20.0), v(29.0), "vague", Some("عام"))],
        ),
        // the sixties of the last century are years, not an age
        (
            "في الستينيات من القرن الماضي",
            &[(
                "الستينيات من القرن الماضي",
                Year,
                N,
                v(1960.0),
                v(1969.0),
                "vague",
                None,
            )],
        ),
        // without its century the decade is left alone
        ("في الستينيات", &[]),
    ]);
}

#[test]
fn shared_nouns_and_names() {
    check(&[
        // "two women aged 21 and 33"
        (
            "امرأتين تبلغان من العمر 21 و33 عامًا",
            &[
                ("امرأتين", Count, v(2.0), N, N, "exact", Some("امرأة")),
                ("21", Age, v(21.0), N, N, "exact", Some("عام")),
                ("33", Age, v(33.0), N, N, "exact", Some("عام")),
            ],
        ),
        // the Taliban are not two students
        ("ومتمردي حركة طالبان", &[]),
    ]);
}

#[test]
fn scores_list_markers_and_models() {
    check(&[
        // "Al-Hilal beat Al-Nassr 4-1 in the match": a score, not two counts
        ("فاز الهلال على النصر 4-1 في المباراة", &[]),
        // "the match ended in a 2-2 draw"
        ("انتهت المباراة بالتعادل 2-2", &[]),
        // "Barcelona won 3-0" (zero written as a word)
        ("فاز برشلونة بنتيجة 3-صفر", &[]),
        // "the team lost 0/2 to its rival"
        ("خسر الفريق صفر / 2 أمام منافسه", &[]),
        // without a word of sport, 3-4 is a range: "3,000 to 4,000 people"
        (
            "وصل 3-4 آلاف شخص",
            &[(
                "3-4 آلاف",
                Count,
                N,
                v(3000.0),
                v(4000.0),
                "range",
                Some("شخص"),
            )],
        ),
        // "the reasons are: 1 - high dowries. 2- the cost of weddings."
        ("الأسباب هي: 1 - غلاء المهور. 2- تكاليف الزواج.", &[]),
        // "(1) appearances become everything, and (2) people ..."
        (
            "وهذه العلامات هي: ( 1 ) أن تصبح المظاهر كل شيء، و( 2 ) يصبح الناس",
            &[],
        ),
        // "(3) dump trucks and (2) large trucks": counts in parentheses, no run
        (
            "بواسطة و(3) قلابات و(2) شاحنة",
            &[
                ("3", Count, v(3.0), N, N, "exact", Some("قلابات")),
                ("2", Count, v(2.0), N, N, "exact", Some("شاحنة")),
            ],
        ),
        // "F-16 jets, F-16 Block 52 and M1A1 tanks": model names
        (
            "تسلمت مصر طائرات إف-16 وطائرات F-16 Block 52 ودبابات M1A1",
            &[],
        ),
        // "Galaxy S6, Exynos 7420, a Boeing 777, a 747-type plane"
        (
            "هاتف جالاكسي إس6 ومعالج Exynos 7420 وطائرة بوينغ 777 من طراز 747",
            &[],
        ),
        // "for enquiries 0172417761": a telephone number
        ("للاستفسار 0172417761", &[]),
        // "the 5+1 group"
        ("مجموعة 5+1", &[]),
        // "a mother of 3 children": أم is not a model letter
        (
            "ولدت أم 3 أطفال",
            &[("3", Count, v(3.0), N, N, "exact", Some("طفل"))],
        ),
    ]);
}

/// (span text, qualifier, ISO date or interval) of the one mention found.
fn check_dates(cases: &[(&str, &str, &str, &str)]) {
    let mut failures = Vec::new();
    for (text, span, qualifier, date) in cases {
        let got = run(text);
        let view: Vec<(&str, &str, Option<&str>)> = got
            .iter()
            .map(|n| (&text[n.start..n.end], n.qualifier, n.date.as_deref()))
            .collect();
        if view != [(*span, *qualifier, Some(*date))] {
            failures.push(format!(
                "{text}\n   want {span} {qualifier} {date}\n   got  {view:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn ranges_of_dates() {
    check_dates(&[
        // "from 20 to 25 July"
        (
            "من 20 إلى 25 يوليو",
            "من 20 إلى 25 يوليو",
            "range",
            "--07-20/--07-25",
        ),
        // "between 10 and 15 August 2015"
        (
            "بين 10 و15 أغسطس 2015",
            "بين 10 و15 أغسطس 2015",
            "range",
            "2015-08-10/2015-08-15",
        ),
        // "from 1 to 5 Ramadan" (Hijri)
        (
            "من 1 إلى 5 رمضان",
            "من 1 إلى 5 رمضان",
            "range",
            "--09-01/--09-05",
        ),
        // "the summit is held 13-16 Tammuz (July)"
        (
            "تعقد القمة في الفترة 13-16 تموز (يوليو)",
            "13-16 تموز (يوليو)",
            "range",
            "--07-13/--07-16",
        ),
        // "between the fifteenth and the seventeenth of November 2015"
        (
            "خلال الفترة بين الخامس عشر وحتى السابع عشر من نوفمبر 2015م",
            "بين الخامس عشر وحتى السابع عشر من نوفمبر 2015",
            "range",
            "2015-11-15/2015-11-17",
        ),
        // "from 1 Ramadan until 1 Shawwal"
        (
            "خلال الفترة من 1 رمضان حتى 1 شوال",
            "من 1 رمضان حتى 1 شوال",
            "range",
            "--09-01/--10-01",
        ),
        // "from July 2014 until June 2015"
        (
            "من يوليو 2014 حتى يونيو 2015",
            "من يوليو 2014 حتى يونيو 2015",
            "range",
            "2014-07/2015-06",
        ),
        // "between 25 July and 5 August"
        (
            "بين 25 يوليو و5 أغسطس",
            "بين 25 يوليو و5 أغسطس",
            "range",
            "--07-25/--08-05",
        ),
        // one date is still one date: "on 15 August 2015"
        ("في 15 أغسطس 2015", "15 أغسطس 2015", "exact", "2015-08-15"),
    ]);
}

#[test]
fn ranges_of_years() {
    check(&[
        // "between the years 2011 and 2015"
        (
            "بين عامي 2011 و2015",
            &[(
                "بين عامي 2011 و2015",
                Year,
                N,
                v(2011.0),
                v(2015.0),
                "range",
                None,
            )],
        ),
        // "in the period from 2010 to 2014"
        (
            "خلال الفترة من 2010 إلى 2014",
            &[(
                "من 2010 إلى 2014",
                Year,
                N,
                v(2010.0),
                v(2014.0),
                "range",
                None,
            )],
        ),
        // "the 2014-2015 season"
        (
            "موسم 2014-2015",
            &[("2014-2015", Year, N, v(2014.0), v(2015.0), "range", None)],
        ),
        // "the school year 1436/1437 AH"
        (
            "للعام الدراسي 1436/1437هـ",
            &[("1436/1437", Year, N, v(1436.0), v(1437.0), "range", None)],
        ),
        // "the university year 1436-1437 AH"
        (
            "للعام الجامعي 1436-1437 هـ",
            &[("1436-1437", Year, N, v(1436.0), v(1437.0), "range", None)],
        ),
        // "the sports season 36/1437 AH": the first year shortened
        (
            "للموسم الرياضي 36/1437هـ",
            &[("36/1437", Year, N, v(1436.0), v(1437.0), "range", None)],
        ),
        // counts stay counts: "from 10 to 20 people"
        (
            "من 10 إلى 20 شخصا",
            &[(
                "من 10 إلى 20",
                Count,
                N,
                v(10.0),
                v(20.0),
                "range",
                Some("شخص"),
            )],
        ),
    ]);
}

#[test]
fn ages_years_and_definite_nouns() {
    check(&[
        // "the richest man in Poland died at 65"
        (
            "توفي أغنى رجل في بولندا عن 65 عاما",
            &[("65", Age, v(65.0), N, N, "exact", Some("عام"))],
        ),
        // "those whose ages are under fifty"
        (
            "منع الذين تقل أعمارهم عن خمسين عاما",
            &[("خمسين", Age, v(50.0), N, N, "exact", Some("عام"))],
        ),
        // "elderly patients over 65"
        (
            "المرضى من كبار السن أكثر من 65 عاما",
            &[("أكثر من 65", Age, v(65.0), N, N, "more_than", Some("عام"))],
        ),
        // "a stage that lasted 5 years": مرحلة is not رحل (he left)
        (
            "مرحلة استمرت 5 سنوات",
            &[("5", Duration, v(5.0), N, N, "exact", Some("سنة"))],
        ),
        // "qualified for the last eight in 1990": عام names the year
        (
            "تأهلت لدور الثمانية عام 1990",
            &[
                ("الثمانية", Count, v(8.0), N, N, "exact", None),
                ("1990", Year, v(1990.0), N, N, "exact", None),
            ],
        ),
        // "compared with 282 the year before": a noun with the article is not counted
        (
            "مقارنة بـ 282 العام السابق",
            &[("282", Count, v(282.0), N, N, "exact", None)],
        ),
        // "to 127 billion in 2015"
        (
            "إلى 127 مليارا عام 2015",
            &[
                ("127 مليارا", Count, v(127e9), N, N, "exact", None),
                ("2015", Year, v(2015.0), N, N, "exact", None),
            ],
        ),
        // "over the past four thousand years"
        (
            "خلال الأربعة آلاف عام الماضية",
            &[(
                "الأربعة آلاف",
                Duration,
                v(4000.0),
                N,
                N,
                "exact",
                Some("عام"),
            )],
        ),
        // "an area of more than ten thousand square metres"
        (
            "على مساحة تزيد عن العشرة آلاف متر مربع",
            &[(
                "تزيد عن العشرة آلاف",
                Measure,
                v(10000.0),
                N,
                N,
                "more_than",
                Some("متر مربع"),
            )],
        ),
        // "the hundredth session" (ordinal) and "the hundred senators" (count)
        (
            "الدورة المائة للمؤتمر",
            &[("المائة", Ordinal, v(100.0), N, N, "exact", Some("دورة"))],
        ),
        (
            "والشيوخ المائة",
            &[("المائة", Count, v(100.0), N, N, "exact", None)],
        ),
    ]);
}

#[test]
fn signs_decimals_fractions_and_zero() {
    check(&[
        // "growth of three point five percent"
        (
            "نمو بنسبة ثلاثة فاصلة خمسة في المئة",
            &[(
                "ثلاثة فاصلة خمسة في المئة",
                Percent,
                v(3.5),
                N,
                N,
                "exact",
                None,
            )],
        ),
        // "two point two five"
        (
            "سجل المؤشر اثنين فاصلة خمسة وعشرين",
            &[(
                "اثنين فاصلة خمسة وعشرين",
                Count,
                v(2.25),
                N,
                N,
                "exact",
                None,
            )],
        ),
        // "the temperature reached minus 5 degrees"
        (
            "بلغت الحرارة سالب 5 درجات",
            &[("سالب 5", Measure, v(-5.0), N, N, "exact", Some("درجة"))],
        ),
        // "fell to -3 degrees"
        (
            "انخفضت الحرارة إلى -3 درجات",
            &[("-3", Measure, v(-3.0), N, N, "exact", Some("درجة"))],
        ),
        // "5 degrees below zero"
        (
            "سجلت 5 درجات تحت الصفر",
            &[("5", Measure, v(-5.0), N, N, "exact", Some("درجة"))],
        ),
        // a range of degrees is not negative: "between 3-5 degrees"
        (
            "الفرق بين 3-5 درجات",
            &[("3-5", Measure, N, v(3.0), v(5.0), "range", Some("درجة"))],
        ),
        // "$5", "5$", "20 €"
        (
            "السعر $5 فقط",
            &[("5", Count, v(5.0), N, N, "exact", Some("دولار"))],
        ),
        (
            "السعر 5$ فقط",
            &[("5", Count, v(5.0), N, N, "exact", Some("دولار"))],
        ),
        (
            "بسعر 20 €",
            &[("20", Count, v(20.0), N, N, "exact", Some("يورو"))],
        ),
        // "the city recorded zero infections"
        (
            "سجلت المدينة صفر إصابات",
            &[("صفر", Count, v(0.0), N, N, "exact", Some("إصابة"))],
        ),
        // "the nineties of the nineteenth century"
        (
            "خلال التسعينيات من القرن التاسع عشر",
            &[(
                "التسعينيات من القرن التاسع عشر",
                Year,
                N,
                v(1890.0),
                v(1899.0),
                "vague",
                None,
            )],
        ),
        // "Europe consumes a fifth of world output"; "five years" stays five
        (
            "تستهلك أوروبا خمس الإنتاج العالمي",
            &[("خمس", Percent, v(20.0), N, N, "exact", None)],
        ),
        (
            "خمس سنوات",
            &[("خمس", Duration, v(5.0), N, N, "exact", Some("سنة"))],
        ),
        // "a tenth of the population lives in cities"
        (
            "يعيش عشر السكان في المدن",
            &[("عشر", Percent, v(10.0), N, N, "exact", None)],
        ),
        // semiannual, quarterly: adjectives, not shares
        ("أرباح الفترة نصف السنوية", &[]),
        (
            "نمو بنسبة 3.5% على أساس ربع سنوي",
            &[("3.5%", Percent, v(3.5), N, N, "exact", None)],
        ),
        // "8 half-size pistols and ...": a kind of pistol
        (
            "ضبط 8 مسدسات نصف وعدد",
            &[("8", Count, v(8.0), N, N, "exact", Some("مسدسات"))],
        ),
        // "GDP rose by 1.7 during the year": a rate without its sign
        (
            "ارتفع الناتج بنسبة 1.7 خلال العام",
            &[("1.7", Percent, v(1.7), N, N, "exact", None)],
        ),
    ]);
}

#[test]
fn clock_times_to_the_hour() {
    let cases = [
        // "a quarter to ten"
        ("الساعة العاشرة إلا ربعا", "العاشرة إلا ربعا", "09:45"),
        // "twenty to eight in the evening"
        (
            "الساعة الثامنة إلا ثلثا مساء",
            "الثامنة إلا ثلثا مساء",
            "19:40",
        ),
        // "half past three"
        ("الساعة الثالثة والنصف", "الثالثة والنصف", "03:30"),
        // "landed at 1:55 at night"
        (
            "هبطت الطائرة عند الواحدة و55 دقيقة ليلاً",
            "الواحدة و55 دقيقة ليلاً",
            "01:55",
        ),
        // "until six in the morning of the next day"
        (
            "حظر التجول حتى السادسة من صباح اليوم التالي",
            "السادسة من صباح",
            "06:00",
        ),
    ];
    for (text, span, time) in cases {
        let got = run(text);
        let view: Vec<(&str, Kind, Option<&str>)> = got
            .iter()
            .map(|n| (&text[n.start..n.end], n.kind, n.time.as_deref()))
            .collect();
        assert_eq!(view, [(span, Time, Some(time))], "{text}");
    }
}

#[test]
fn nouns_outside_the_lexicon() {
    check(&[
        // "the report relies on 58 economic variables": singular accusative after 11-99
        (
            "وكشف التقرير الذي يعتمد 58 متغيرا اقتصاديا",
            &[("58", Count, v(58.0), N, N, "exact", Some("متغير"))],
        ),
        // "eight Houthis fell and four others were wounded": a sound plural
        (
            "بخلاف سقوط ثمانية حوثيين وجرح أربعة آخرين",
            &[
                ("ثمانية", Count, v(8.0), N, N, "exact", Some("حوثي")),
                ("أربعة", Count, v(4.0), N, N, "exact", None),
            ],
        ),
        // "12 Sudanese were caught at the border"
        (
            "ضبط 12 سودانيًا على الحدود",
            &[("12", Count, v(12.0), N, N, "exact", Some("سوداني"))],
        ),
        // "three charities": -يات to -ية
        (
            "تضم ثلاث جمعيات خيرية",
            &[("ثلاث", Count, v(3.0), N, N, "exact", Some("جمعية"))],
        ),
        // "three concerts by the Iraqi Kadim al-Sahir": ل + article opens a phrase
        (
            "وحفلات ثلاث للعراقي كاظم الساهر",
            &[("ثلاث", Count, v(3.0), N, N, "exact", None)],
        ),
        // "the government signed 3 contracts to carry out the project" / "three decades"
        (
            "ووقعت الحكومة 3 عقود لتنفيذ المشروع",
            &[("3", Count, v(3.0), N, N, "exact", Some("عقد"))],
        ),
        (
            "تمكن خلال ثلاثة عقود من جمع نجوم",
            &[("ثلاثة", Duration, v(3.0), N, N, "exact", Some("عقد"))],
        ),
        // "the operation lasted twenty-five minutes" (feminine accusative)
        (
            "العملية التي استمرت خمساً وعشرين دقيقة",
            &[(
                "خمساً وعشرين",
                Duration,
                v(25.0),
                N,
                N,
                "exact",
                Some("دقيقة"),
            )],
        ),
        // "an area of 4000 m2", "a tank of 1000 m3"
        (
            "يقع على مساحة 4000 م2",
            &[("4000", Measure, v(4000.0), N, N, "exact", Some("متر مربع"))],
        ),
        (
            "خزان سعة 1000م3",
            &[("1000", Measure, v(1000.0), N, N, "exact", Some("متر مكعب"))],
        ),
        // "the Netherlands came in the first group"
        (
            "جاءت هولندا في المجموعة الأولى",
            &[("الأولى", Ordinal, v(1.0), N, N, "exact", Some("مجموعة"))],
        ),
    ]);
}

#[test]
fn names_are_not_numbers() {
    check(&[
        // "the accident happened on Sixtieth Street downtown"
        ("وقع الحادث في شارع الستين وسط المدينة", &[]),
        // "protesters gathered in Forty Square"
        ("تجمع المتظاهرون في ميدان الأربعين", &[]),
        // "a fire on Street 15 in the Olaya quarter"
        ("اندلع حريق في شارع 15 بحي العليا", &[]),
        // "traffic jams on Fiftieth Road"
        ("ازدحام مروري على طريق الخمسين", &[]),
        // "he lives in the Twelfth quarter" (a two-word ordinal, whole)
        ("يسكن في الحي الحادي عشر", &[]),
        // "Lieutenant General Abdel Fattah" (a rank)
        ("وصل الفريق أول ركن عبد الفتاح", &[]),
        // "Sheikh Tamim bin Hamad Al Thani"
        ("استقبل الشيخ تميم بن حمد آل ثاني الوفد", &[]),
        // "the first team won the title": an ordinal
        (
            "فاز الفريق الأول باللقب",
            &[("الأول", Ordinal, v(1.0), N, N, "exact", Some("فريق"))],
        ),
        // "by 3 routes": طريق before digits still counts
        (
            "نقلوا عن طريق 3 معابر",
            &[("3", Count, v(3.0), N, N, "exact", Some("معبر"))],
        ),
        // "he was killed with 5 soldiers and 3 others": the others are soldiers
        (
            "قتل 5 جنود و3 آخرون في الهجوم",
            &[
                ("5", Count, v(5.0), N, N, "exact", Some("جندي")),
                ("3", Count, v(3.0), N, N, "exact", Some("جندي")),
            ],
        ),
        // "6 civilians were killed and 4 others injured"
        (
            "قتل 6 مدنيين وأصيب 4 آخرين",
            &[
                ("6", Count, v(6.0), N, N, "exact", Some("مدني")),
                ("4", Count, v(4.0), N, N, "exact", Some("مدني")),
            ],
        ),
        // "7 others were injured" with no count before: no noun
        (
            "وأصيب 7 آخرون بجروح",
            &[("7", Count, v(7.0), N, N, "exact", None)],
        ),
        // "5 soldiers. And 3 others": a sentence ends between them
        (
            "قتل 5 جنود. وأصيب 3 آخرون",
            &[
                ("5", Count, v(5.0), N, N, "exact", Some("جندي")),
                ("3", Count, v(3.0), N, N, "exact", None),
            ],
        ),
    ]);
}

#[test]
fn march_the_verb_and_the_month() {
    check(&[
        // "the minister exerted pressure on the government"
        ("مارس الوزير الضغط على الحكومة", &[]),
        // "and he practised his work for years": ومارس is "and practised"
        ("ومارس عمله في الوزارة", &[]),
        // "in Ramadan's evening": رمضان as a name stays out
        ("قال رمضان إن الاجتماع انتهى", &[]),
    ]);
    check_dates(&[
        // "in March he visited the capital"
        ("في مارس زار العاصمة", "مارس", "exact", "--03"),
        // "since last March"
        ("منذ مارس الماضي", "مارس", "exact", "--03"),
        // "early March"
        ("في مطلع مارس", "مارس", "exact", "--03"),
        // "March 2015" and "5 March"
        ("مارس 2015", "مارس 2015", "exact", "2015-03"),
        ("وصل في 5 مارس", "5 مارس", "exact", "--03-05"),
        // "last Ramadan"
        ("وفي رمضان الماضي", "رمضان", "exact", "--09"),
    ]);
}

#[test]
fn days_of_an_unnamed_month() {
    check_dates(&[
        // "he left on the 26th of last month"
        ("غادر في 26 من الشهر الماضي", "26", "exact", "---26"),
        // "on the 3rd of this month"
        ("يوم 3 من الشهر الجاري", "3", "exact", "---03"),
        // "on the 15th of next month" (no من)
        ("تبدأ في 15 الشهر المقبل", "15", "exact", "---15"),
        // "on the twenty-sixth of last month" in words
        (
            "في السادس والعشرين من الشهر الماضي",
            "السادس والعشرين",
            "exact",
            "---26",
        ),
        // "on the fifth of this month"
        ("في الخامس من هذا الشهر", "الخامس", "exact", "---05"),
    ]);
    check(&[
        // "40 of the month's cases": a count, not a day
        (
            "سجلت 40 حالة من الشهر الماضي",
            &[("40", Count, v(40.0), N, N, "exact", Some("حالة"))],
        ),
    ]);
}

#[test]
fn slashes_fractions_dates_and_references() {
    check(&[
        // "add 1/2 a cup of sugar"
        (
            "أضف 1/2 كوب من السكر",
            &[("1/2", Measure, v(0.5), N, N, "exact", Some("كوب"))],
        ),
        // "4/1 cup of mushrooms": a quarter typed right to left
        (
            "4/1 كوب من الفطر",
            &[("4/1", Measure, v(0.25), N, N, "exact", Some("كوب"))],
        ),
        // "the pass rate reached 3/4"
        (
            "بلغت نسبة النجاح 3/4",
            &[("3/4", Percent, v(75.0), N, N, "exact", None)],
        ),
        // "article 13/8 of the regulation": a reference
        ("جاء في المادة 13/8 من النظام", &[]),
        // "the 9/11 attacks"
        ("بعد هجمات 11/9 في نيويورك", &[]),
        // "the team won 2/1 over its guest": a score
        ("فاز الفريق 2/1 على ضيفه", &[]),
        // "two million dollars were set aside": مليونا before its noun is
        // the dual in construct
        (
            "رصدت مليونا دولار للمشروع",
            &[("مليونا", Count, v(2e6), N, N, "exact", Some("دولار"))],
        ),
        // "the total reached a million" (accusative, no noun after it)
        (
            "بلغ المجموع مليونا",
            &[("مليونا", Count, v(1e6), N, N, "exact", None)],
        ),
        // "twenty million" (accusative after a ten)
        (
            "بلغ المجموع عشرين مليونا",
            &[("عشرين مليونا", Count, v(2e7), N, N, "exact", None)],
        ),
        // "one point five kilometres", with فاصل
        (
            "على بعد واحد فاصل خمسة كيلومتر",
            &[(
                "واحد فاصل خمسة",
                Measure,
                v(1.5),
                N,
                N,
                "exact",
                Some("كيلومتر"),
            )],
        ),
        // "half a cup of milk": a fraction of a measure is a measure
        (
            "أضف نصف كوب من الحليب",
            &[("نصف", Measure, v(0.5), N, N, "exact", Some("كوب"))],
        ),
    ]);
    check_dates(&[
        // "an accident on 14/11"
        ("وقع في 14/11 حادث", "14/11", "exact", "--11-14"),
        // "Tuesday 10/12"
        ("أيام الثلاثاء 10/12", "10/12", "exact", "--12-10"),
        // "born on 1/2/2015": day, month, year
        ("ولد في 1/2/2015", "1/2/2015", "exact", "2015-02-01"),
    ]);
}

#[test]
fn unseen_news_batch() {
    check(&[
        // "he won 4 titles in 6 games": ألقاب، ألعاب are broken plurals
        // beginning with a hamza, not nouns with the article
        (
            "أحرز 4 ألقاب في 6 ألعاب",
            &[
                ("4", Count, v(4.0), N, N, "exact", Some("ألقاب")),
                ("6", Count, v(6.0), N, N, "exact", Some("ألعاب")),
            ],
        ),
        // "26 people were killed and 227 others injured"
        (
            "أدى إلى مقتل 26 شخصا وإصابة 227 آخرين",
            &[
                ("26", Count, v(26.0), N, N, "exact", Some("شخص")),
                ("227", Count, v(227.0), N, N, "exact", Some("شخص")),
            ],
        ),
        // "four were killed and three others injured": إصابة is no noun counted
        (
            "أسفر عن مقتل أربعة وإصابة ثلاثة آخرين",
            &[
                ("أربعة", Count, v(4.0), N, N, "exact", None),
                ("ثلاثة", Count, v(3.0), N, N, "exact", None),
            ],
        ),
        // "267137 kg": كلغم is not ك + لغم (like a mine)
        (
            "بواقع 267137 كلغم",
            &[(
                "267137",
                Measure,
                v(267137.0),
                N,
                N,
                "exact",
                Some("كيلوغرام"),
            )],
        ),
        // "1,071.5 kg" written with dots
        (
            "تهريب 1.071.5 كيلو من المخدرات",
            &[(
                "1.071.5",
                Measure,
                v(1071.5),
                N,
                N,
                "exact",
                Some("كيلوغرام"),
            )],
        ),
        // "China holds about 4 trillion dollars"
        (
            "تحتفظ الصين بنحو 4 تريليونات دولار",
            &[(
                "نحو 4 تريليونات",
                Count,
                v(4e12),
                N,
                N,
                "about",
                Some("دولار"),
            )],
        ),
        // "between 1000 and 3000 years old": not a pair of years
        (
            "يعود تاريخها بين 1000 و3000 سنة",
            &[(
                "بين 1000 و3000",
                Duration,
                N,
                v(1000.0),
                v(3000.0),
                "range",
                Some("سنة"),
            )],
        ),
        // "during the (Hijri) years 1435-1436"
        (
            "خلال عامي 1435- 1436 سجلت القضايا",
            &[("1435- 1436", Year, N, v(1435.0), v(1436.0), "range", None)],
        ),
        // "the 22nd meeting of the committee"
        (
            "عقد الاجتماع الـ22 للجنة",
            &[("22", Ordinal, v(22.0), N, N, "exact", Some("اجتماع"))],
        ),
        // "the last 48 hours": a plural before the article counts
        (
            "خلال الساعات الـ48 الماضية",
            &[("48", Duration, v(48.0), N, N, "exact", Some("ساعة"))],
        ),
        // "a child of 12", "at the age of 14", "a woman of about thirty"
        (
            "وفاة طفل في الـ12 من عمره",
            &[("12", Age, v(12.0), N, N, "exact", Some("عام"))],
        ),
        (
            "ممن هم في سن 14 من السكان",
            &[("14", Age, v(14.0), N, N, "exact", Some("عام"))],
        ),
        (
            "امرأة في سن الثلاثين تقريبا",
            &[("الثلاثين", Age, v(30.0), N, N, "about", Some("عام"))],
        ),
        // "Fortieth and Sixtieth Streets": both names
        ("في شارع الأربعين والستين", &[]),
        // "the support he gave it": يوليه the verb, not July
        ("الدعم الذي كان يوليه للجمعية", &[]),
        // "25 of 35 inside the confederation": داخل is not a noun counted
        (
            "من 35 داخل الاتحاد",
            &[("35", Count, v(35.0), N, N, "exact", None)],
        ),
        // "article 25 / 2 of the rules": a reference, spaced
        ("تجاهل نص المادة 25 / 2 الخاصة بالانتقال", &[]),
    ]);
    check_dates(&[
        // "on the first of Ramadan", "on the first of January"
        (
            "دخل المستشفى أول رمضان الماضي",
            "أول رمضان",
            "exact",
            "--09-01",
        ),
        ("في أول يناير", "أول يناير", "exact", "--01-01"),
        // "the envelopes open on 18 / 10"
        (
            "تفتح المظاريف بتاريخ 18 / 10",
            "18 / 10",
            "exact",
            "--10-18",
        ),
    ]);
}

#[test]
fn shares_years_and_age_ranges() {
    check(&[
        // "revenues fell by about a third"
        (
            "تراجعت الإيرادات بنسبة الثلث تقريبا",
            &[("الثلث", Percent, v(33.33), N, N, "about", None)],
        ),
        // "in the first half of the year": النصف is no share without a rate
        (
            "في النصف الأول من العام",
            &[("الأول", Ordinal, v(1.0), N, N, "exact", None)],
        ),
        // "opened in 1282 AH, corresponding to 1865 AD"
        (
            "افتتحت سنة 1282هـ الموافق 1865م",
            &[
                ("1282", Year, v(1282.0), N, N, "exact", None),
                ("1865", Year, v(1865.0), N, N, "exact", None),
            ],
        ),
        // "their ages range between 18 and 60 years"
        (
            "تتراوح أعمارهم بين 18 و60 عاما",
            &[("بين 18 و60", Age, N, v(18.0), v(60.0), "range", Some("عام"))],
        ),
    ]);
}

#[test]
fn fractions_and_decimals_read_out() {
    check(&[
        // "three fifths of the members", "seven tenths", "five eighths"
        (
            "وافق ثلاثة أخماس الأعضاء",
            &[("ثلاثة أخماس", Percent, v(60.0), N, N, "exact", None)],
        ),
        (
            "سبعة أعشار المساحة",
            &[("سبعة أعشار", Percent, v(70.0), N, N, "exact", None)],
        ),
        (
            "خمسة أثمان الإنتاج",
            &[("خمسة أثمان", Percent, v(62.5), N, N, "exact", None)],
        ),
        // "two and a half percent"
        (
            "نمو بنسبة اثنين ونصف في المئة",
            &[("اثنين ونصف في المئة", Percent, v(2.5), N, N, "exact", None)],
        ),
        // "zero point five percent"
        (
            "تضخم صفر فاصل خمسة في المئة",
            &[(
                "صفر فاصل خمسة في المئة",
                Percent,
                v(0.5),
                N,
                N,
                "exact",
                None,
            )],
        ),
        // "five, and half of the wounded are children": not 5.5
        (
            "قتل خمسة أشخاص ونصف الجرحى أطفال",
            &[("خمسة", Count, v(5.0), N, N, "exact", Some("شخص"))],
        ),
    ]);
}

#[test]
fn minutes_to_the_hour_ranks_and_hundred_and_one() {
    check(&[
        // "at ten minutes to seven"
        (
            "الساعة السابعة إلا عشر دقائق",
            &[("السابعة إلا عشر دقائق", Time, N, N, N, "exact", None)],
        ),
        // "ranked 103rd in the world"
        (
            "جاءت في المرتبة 103 عالميا",
            &[("103", Ordinal, v(103.0), N, N, "exact", Some("مرتبة"))],
        ),
        // "and 49th in the world"
        (
            "حلت خامسة عربيا والـ49 عالميا",
            &[
                ("خامسة", Ordinal, v(5.0), N, N, "exact", None),
                ("49", Ordinal, v(49.0), N, N, "exact", None),
            ],
        ),
        // "a hundred and one survived"
        (
            "نجا مائة وواحد من الركاب",
            &[("مائة وواحد", Count, v(101.0), N, N, "exact", Some("راكب"))],
        ),
        // "5 tonnes a day": يوميا is not the noun
        (
            "ينتج المصنع 5 أطنان يوميا و40 يوميا",
            &[
                ("5", Measure, v(5.0), N, N, "exact", Some("طن")),
                ("40", Count, v(40.0), N, N, "exact", None),
            ],
        ),
    ]);
    check_times(&[("الساعة السابعة إلا عشر دقائق", "06:50")]);
}

/// (text, time) of the one mention found.
fn check_times(cases: &[(&str, &str)]) {
    for (text, time) in cases {
        let got: Vec<Option<String>> = run(text).into_iter().map(|n| n.time).collect();
        assert_eq!(got, [Some(time.to_string())], "{text}");
    }
}

#[test]
fn counted_nouns_after_min() {
    check(&[
        // "the court heard three of the accused"
        (
            "استمعت المحكمة إلى ثلاثة من المتهمين",
            &[("ثلاثة", Count, v(3.0), N, N, "exact", Some("متهم"))],
        ),
        // "nine of the market's sectors led it": a broken plural as written
        (
            "قاد السوق تسعة من القطاعات",
            &[("تسعة", Count, v(9.0), N, N, "exact", Some("قطاعات"))],
        ),
        // "one of the officers said": one alone is no count
        ("قال واحد من الضباط", &[]),
    ]);
}
