"""The event families of the curated patterns that real news carries most (war and military operations,
storming and raids, strikes with استهدف, falls into the hands of, claims of responsibility, condolences and
thanks, aid distribution, lifting sanctions and blockades, ceasefires, verdicts, deportation, vigils and hunger
strikes), each on short real sentences of the SaudiNewsNet development corpus (article id in the comment), read
by hand: what the pattern codes, and look-alikes that must not give its event. Known wrong codings are marked
``xfail(strict=True)``: they start to pass, and must be unmarked, once the coder reads them right."""
from __future__ import annotations

import pytest

from isnad.pipeline import Pipeline


@pytest.fixture(scope="module")
def coder() -> Pipeline:
    """The default pipeline, as users run it (the event-reality score drops weak ASSAULT/PROTEST candidates)."""
    return Pipeline()


def _events(coder: Pipeline, article: str, text: str, pattern: str | None = None) -> list:
    """The events of one sentence of an article (published on the day its id names), those of one pattern
    (``war`` for ``verbs/war#1``) if given."""
    doc = coder(text, published=article[4:14])
    events = doc.events
    if pattern is not None:
        events = [e for e in events if e.evidence["rule"].split("#")[0] == f"verbs/{pattern}"]
    return events


def _one(coder: Pipeline, article: str, text: str, pattern: str):
    found = _events(coder, article, text, pattern)
    assert len(found) == 1, [(e.trigger.text, e.cameo.code, e.evidence["rule"]) for e in _events(coder, article, text)]
    return found[0]


def _code(actor) -> str | None:
    return actor.actor.code if actor is not None and actor.actor is not None else None


def _codes(events) -> list[str]:
    return [e.cameo.code for e in events]


def _roots(events) -> list[str]:
    return [e.cameo.code[:2] for e in events]


# --- war and military operations ---------------------------------------------------------------------------

def test_war_declared_in_a_chronology_line_is_historical(coder):
    # snn-2015-08-01-0399: 1914, World War I breaks out as Germany declares war on Russia
    ev = _one(coder, "snn-2015-08-01-0399", "1914 - اندلاع الحرب العالمية الأولى بإعلان ألمانيا الحرب على روسيا.", "war")
    assert ev.cameo.code == "190" and ev.modality == "historical"
    assert _code(ev.source) == "DEU" and _code(ev.target) == "RUS"


def test_a_security_operation_carried_out_by_the_army(coder):
    # snn-2015-07-31-0233: 15 IS members killed in a security operation carried out by the Iraqi forces
    ev = _one(coder, "snn-2015-07-31-0233",
              "قتل 15 عنصرًا من تنظيم داعش الإرهابي اليوم بعملية أمنية نفذتها القوات العراقية شرقي الرمادي.",
              "military_operation")
    assert ev.cameo.code == "190" and ev.modality == "asserted"
    assert ev.source.text == "القوات العراقية" and _code(ev.source) == "IRQMIL"


def test_the_operation_s_adjective_is_no_source(coder):
    # snn-2015-07-26-1227: 18 insurgents killed in Faryab after the Afghan security forces launched a military
    # operation followed by an air strike (عسكرية is no actor)
    text = ("وفي الوقت نفسه، قُتل 18 متمردا على الأقل وأُصيب تسعة آخرين في إقليم فارياب شمال البلاد بعد أن شنت "
            "قوات الأمن الأفغانية عملية عسكرية أعقبتها غارة جوية أمس الجمعة.")
    ev = _one(coder, "snn-2015-07-26-1227", text, "military_operation")
    assert ev.source.text == "قوات الأمن الأفغانية" and _code(ev.source) == "AFGCOP"


def test_a_tight_operation_is_no_court(coder):
    # snn-2015-07-21-0276: the Egyptian army responded with a tight security operation (محكمة "tight", not a court);
    # kept at any score
    text = "وقد رد الجيش المصري بعملية أمنية محكمة استمرت أكثر من 5 أيام، قتل خلالها 241 «إرهابيا»."
    doc = Pipeline(options={"events": {"min_score": 0.0}})(text, published="2015-07-21")
    ev = [e for e in doc.events if e.evidence["rule"].startswith("verbs/military_operation")][0]
    assert ev.source is not None and ev.source.text == "الجيش المصري" and _code(ev.source) == "EGYMIL"


def test_a_war_named_as_an_era_or_a_period_is_no_event(coder):
    # snn-2015-08-06-0513: "after the Cold War the West set the game of international security"
    # snn-2015-07-26-0190: "the longest freeze of sterling interest rates since the Second World War"
    # snn-2015-07-22-0194: "British cinema in the period after the war" (ما بعد الحرب is a period)
    for article, text in (
        ("snn-2015-08-06-0513", "بعد الحرب الباردة حدد الغرب لعبة الأمن الدولي، حيث نميل، بشكل غريب بما فيه الكفاية، للفوز."),
        ("snn-2015-07-26-0190", "وهي أطول فترة تتجمد فيها أسعار الفائدة على الإسترليني منذ الحرب العالمية الثانية."),
        ("snn-2015-07-22-0194", "أما السينما البريطانية في فترة ما بعد الحرب، فقد عالجت المشكلات الأخلاقية لعصر الذرة."),
    ):
        assert "19" not in _roots(_events(coder, article, text)), text


# --- storming and raids ------------------------------------------------------------------------------------

def test_forces_storm_a_camp(coder):
    # snn-2015-07-25-0313: the Israeli occupation forces stormed the Dheisheh camp south of Bethlehem
    ev = _one(coder, "snn-2015-07-25-0313", "اقتحمت قوات الاحتلال الإسرائيلية أمس، مخيم الدهيشة جنوب مدينة بيت لحم.", "storm")
    assert ev.cameo.code == "171" and ev.modality == "asserted"
    assert _code(ev.source) == "ISRMIL"


def test_security_forces_launch_a_campaign_of_raids(coder):
    # snn-2015-07-21-0925: the Tunisian security forces launched a campaign of house raids
    ev = _one(coder, "snn-2015-07-21-0925",
              "شنت قوات الأمن التونسي حملة مداهمات سكنية في مدن متفرقة من البلاد لملاحقة أشخاص يشتبه فى انضمامهم "
              "لتنظيمات ارهابية.", "storm")
    assert ev.cameo.code == "171" and ev.modality == "asserted"
    assert _code(ev.source) == "TUNCOP"


def test_storming_in_a_figurative_sense_is_no_event(coder):
    # snn-2015-08-04-0012: a citizen risking his life "when he drove into the torrent with his car"
    # snn-2015-07-24-1803: "the one who broke into the art field is in fact a young man dazzled by ..."
    for article, text in (
        ("snn-2015-08-04-0012", "تداول ناشطون مقطع فيديو لمواطن سعودي وهو يغامر بحياته، عندما اقتحم السيل بسيارته."),
        ("snn-2015-07-24-1803", "وهذا الذي اقتحم المجال الفني هو في واقع الأمر شاب منبهر بنماذج فنية يقوم بتقليدها."),
        # snn-2015-07-22-1388: "today technology has forced its way into our lives"
        ("snn-2015-07-22-1388", "أما اليوم، فقد اقتحمتنا التقنية عنوة وأصبحت المعايدة بمسج والتصبيحة بواتساب."),
    ):
        assert not _events(coder, article, text, "storm"), text


# --- strikes with استهدف -----------------------------------------------------------------------------------

def test_coalition_fighter_jets_target_a_building(coder):
    # snn-2015-08-03-0825: the coalition fighter jets targeted the branch of the economic corporation in Dhamar
    ev = _one(coder, "snn-2015-08-03-0825", "كما استهدفت مقاتلات التحالف فرع المؤسسة الاقتصادية بمعبر في محافظة ذمار.",
              "target_air")
    assert ev.cameo.code == "195" and ev.modality == "asserted"
    assert _code(ev.source) == "SAUMILCOA"


def test_forces_target_towns_with_rockets_and_artillery(coder):
    # snn-2015-07-24-1842: Assad's forces targeted towns with vacuum rockets and artillery shells
    ev = _one(coder, "snn-2015-07-24-1842",
              "واستهدفت قوات الأسد بالصواريخ الفراغية وقذائف المدفعية، بلدات حيان وبيانون وماير.", "target_shell")
    assert ev.cameo.code == "194" and ev.modality == "asserted"
    assert ev.source.text == "قوات" and "MIL" in ev.source.actor.sectors


def test_turkish_fighter_jets_are_the_turkish_military(coder):
    # snn-2015-08-02-0808: at four in the morning the Turkish fighter jets targeted the village of Zarkala
    ev = _one(coder, "snn-2015-08-02-0808",
              "وقالت المصادر إنه في الرابعة من صباح أمس استهدفت المقاتلات التركية قرية زركلة في منطقة رواندز في "
              "شرق أربيل، عاصمة إقليم كردستان العراق.",
              "target_air")
    assert ev.cameo.code == "195" and ev.modality == "reported"
    assert _code(ev.source) == "TURMIL"


def test_the_pilot_of_a_drone_is_no_target(coder):
    # snn-2015-07-26-1123: "while American drones (طائرات من دون طيار) constantly target the fighters of al-Shabaab";
    # kept at any score: what is "without" (دون، بدون) is no actor
    text = ("وأرسلت نيروبي قوات إلى الصومال في إطار قوة الاتحاد الأفريقي بينما تستهدف طائرات أميركية من دون طيار "
            "باستمرار المقاتلين في حركة الشباب.")
    doc = Pipeline(options={"events": {"min_score": 0.0}})(text, published="2015-07-26")
    found = [e for e in doc.events if e.evidence["rule"].startswith("verbs/target_air")]
    assert found and all(e.target is None or e.target.text != "طيار" for e in found)


# --- falls into the hands of -------------------------------------------------------------------------------

def test_a_post_fell_into_their_hands_says_the_claimant(coder):
    # snn-2015-07-26-0819: the Taliban claimed the attack, saying a security post fell into their hands
    text = ("وأعلنت حركة طالبان مسؤوليتها عن الهجوم قائلة إن موقعا أمنيا سقط في أيديهم وقتل العديد من رجال "
            "الشرطة.")
    ev = _one(coder, "snn-2015-07-26-0819", text, "fall_to")
    assert ev.cameo.code == "192" and ev.modality == "reported"
    assert _code(ev.source) == "AFGREBTLB"


def test_the_region_will_not_fall_into_the_hands_of_the_kurds(coder):
    # snn-2015-07-31-0395: "the region will not fall into the hands of the Kurds"
    ev = _one(coder, "snn-2015-07-31-0395", "ولن تسقط المنطقة في أيدي الأكراد».", "fall_to")
    assert ev.cameo.code == "192" and ev.modality == "negated"


def test_a_rifle_falling_from_a_hand_is_no_capture(coder):
    # snn-2015-07-31-1005: "he was startled and the rifle fell from his hand"
    text = 'وحين رفع احدنا البندقية ليقتله سمع خلفه صوتا يقول "اتقوا الله" ففزع وسقطت البندقية من يده..'
    assert not _events(coder, "snn-2015-07-31-1005", text, "fall_to")
    assert "192" not in _codes(_events(coder, "snn-2015-07-31-1005", text))


def test_killed_at_the_hands_of_forces_is_no_capture(coder):
    # snn-2015-08-01-0061: "or was he killed at the hands of government forces?"
    # snn-2015-07-24-1567: "the number of those killed at the hands of Kyle"
    # snn-2015-07-24-0971: "I fell into the wrong hands" (said of joining IS)
    for article, text in (
        ("snn-2015-08-01-0061", "أم سقط قتيلاً على يد قوات حكومية، أم مات قبل بضعة أيام داخل معاقله في جنوب أفغانستان، إثر مرض؟"),
        ("snn-2015-07-24-1567", "وكما أن الفيلم لم يخف عدد القتلى الذين سقطوا على يد كايل وليس هناك من تنميق خاص له."),
        ("snn-2015-07-24-0971", "وفي المحكمة بدا إبراهيم حزيناً ونادماً وهو يقول «لقد سقطت في الأيدي الخاطئة»."),
    ):
        assert "192" not in _codes(_events(coder, article, text)), text


def test_the_force_a_place_falls_to_is_the_source(coder):
    # snn-2015-07-31-0395, as above: the Kurds would be the ones taking the region
    ev = _one(coder, "snn-2015-07-31-0395", "ولن تسقط المنطقة في أيدي الأكراد».", "fall_to")
    assert ev.source is not None and ev.source.text == "الأكراد" and ev.target is None


def test_falling_into_the_grip_of_justice_is_an_arrest(coder):
    # snn-2015-07-22-1891: "... before 431 terrorists fell into the grip of justice"
    text = "وأصيب ١٢٠ شخصا في مواجهات مع خلايا تنظيم داعش الإرهابي قبل أن يسقط ٤٣١ إرهابيا في قبضة العدالة."
    events = _events(coder, "snn-2015-07-22-1891", text)
    assert "192" not in _codes(events)
    assert "173" in _codes(events)


# --- claims of responsibility ------------------------------------------------------------------------------

def test_a_group_claims_responsibility_for_an_attack(coder):
    # snn-2015-08-07-0149: the Taliban claimed responsibility for the attack
    ev = _one(coder, "snn-2015-08-07-0149", "وأعلنت حركة طالبان مسؤوليتها عن الهجوم.", "claim_responsibility")
    assert ev.cameo.code == "015" and ev.modality == "asserted"
    assert _code(ev.source) == "AFGREBTLB"


def test_a_group_adopts_the_attack(coder):
    # snn-2015-08-02-0941: the PKK claimed (تبنى) the attack
    ev = _one(coder, "snn-2015-08-02-0941", 'وتبنى حزب العمال الكردستاني الهجوم، موضحا في بيان ان "عشرات الجنود قتلوا".',
              "claim_attack")
    assert ev.cameo.code == "015" and ev.modality == "asserted"
    assert _code(ev.source) == "TURREBPKK"


def test_no_party_claimed_responsibility(coder):
    # snn-2015-07-26-1226: no party has claimed responsibility for the killing of the Jordanian
    ev = _one(coder, "snn-2015-07-26-1226", "ولم تعلن أي جهة المسؤولية عن مقتل الأردني.", "claim_responsibility")
    assert ev.cameo.code == "015" and ev.modality == "negated"


# --- condolences and thanks --------------------------------------------------------------------------------

def test_a_president_offers_condolences_to_a_country(coder):
    # snn-2015-07-23-0143: Obama offered his condolences to Turkey
    text = ("وقدم اوباما هكذا تعازيه لتركيا التي شهدت عدة هجمات دموية من بينها الهجوم الذي نسب الى تنظيم داعش.")
    ev = _one(coder, "snn-2015-07-23-0143", text, "offer_condolences")
    assert ev.cameo.code == "018" and ev.modality == "asserted"
    assert _code(ev.source) == "USAGOV" and _code(ev.target) == "TUR"


def test_the_condoling_prince_is_the_source_without_his_condolences(coder):
    # snn-2015-08-02-0768: in a short message the prince offered his condolences to the teacher's sons
    text = 'وفي رسالة قصيرة على حساب السفارة على "تويتر" قدم الأمير محمد تعازيه "لأبناء المعلم".'
    ev = _one(coder, "snn-2015-08-02-0768", text, "offer_condolences")
    assert ev.source.text == "الأمير محمد"


def test_condolences_with_their_pronoun_have_no_genitive_source(coder):
    # snn-2015-08-02-0768: the ambassador Prince Mohammed bin Nawaf offered his condolences to the bin Laden family
    text = ("قدم سفير خادم الحرمين الشريفين لدى المملكة المتحدة الأمير محمد بن نواف بن عبدالعزيز أمس تعازيه إلى "
            "أسرة بن لادن، وذلك بعد وفاة أفراد من الأسرة في تحطم طائرة خاصة في بريطانيا.")
    ev = _one(coder, "snn-2015-08-02-0768", text, "condolence_words")
    assert ev.source.text == "الأمير محمد بن نواف بن عبدالعزيز" and ev.target.text == "بن لادن"


def test_a_country_offers_condolences_to_a_government(coder):
    # snn-2015-08-07-0127: Spain offered its condolences to the Saudi government after the bombing
    text = "من جهتها، قدمت إسبانيا تعازيها للحكومة السعودية بعد التفجير الإرهابي الذي استهدف مسجدا لقوات الطوارئ."
    ev = _one(coder, "snn-2015-08-07-0127", text, "offer_condolences")
    assert ev.cameo.code == "018"
    assert _code(ev.source) == "ESP" and _code(ev.target) == "SAUGOV"


def test_an_official_raises_his_thanks_to_the_king(coder):
    # snn-2015-07-21-2665: Asiri raised his thanks and gratitude to the King for this trust
    ev = _one(coder, "snn-2015-07-21-2665", "ورفع عسيري بهذه المناسبة الشكر والامتنان للملك المفدى على هذه الثقة الغالية.",
              "thank")
    assert ev.cameo.code == "051" and ev.modality == "asserted"
    assert ev.source.text == "عسيري" and ev.target.text.startswith("للملك")


def test_the_thanking_officer_is_the_source_without_his_thanks(coder):
    # snn-2015-07-26-0788: Major General al-Suhaibani offered his thanks to the director general of passports
    ev = _one(coder, "snn-2015-07-26-0788", "وقدم اللواء السحيباني شكره لمدير عام الجوازات اللواء سليمان اليحيى.",
              "thank")
    assert ev.source.text == "اللواء السحيباني"


# --- aid distribution --------------------------------------------------------------------------------------

@pytest.mark.xfail(strict=True, reason="give_aid has the verb وزع/II only: the corpus says توزيع (the verbal "
                                       "noun, after بدأ or قام ب), which no pattern codes")
def test_the_distribution_of_aid_begins(coder):
    # snn-2015-07-31-0318: the World Food Programme began distributing food aid to some 340,000 people in Aden
    text = ("وقد بدأ برنامج الأغذية العالمي التابع للأمم المتحدة توزيع مساعدات غذائية على نحو 340.000 شخص في "
            "ثمانٍ من أكثر المناطق تضررًا جنوبي محافظة عدن اليمنية.")
    assert "070" in _codes(_events(coder, "snn-2015-07-31-0318", text))


# --- lifting sanctions and blockades -----------------------------------------------------------------------

def test_sanctions_on_iran_will_be_lifted(coder):
    # snn-2015-07-22-1618: in return the international sanctions imposed by the West on Iran will be lifted
    text = "وفي المقابل، سترفع العقوبات الدولية التي فرضها الغرب على إيران وتخنق اقتصادها بصورة تدريجية."
    ev = _one(coder, "snn-2015-07-22-1618", text, "lift_sanctions")
    assert ev.cameo.code == "085" and ev.modality == "planned"
    assert _code(ev.target) == "IRN"


def test_sanctions_that_the_agreement_says_are_to_be_lifted_are_planned(coder):
    # snn-2015-07-24-0736: the agreement, which provides that the sanctions on Iran be lifted gradually
    text = ("فضلا عن ذلك، هاجم روحاني في تصريحاته أمس منتقدي الاتفاق، الذي ينص على أن ترفع العقوبات المفروضة على "
            "إيران تدريجيا مقابل قبولها قيودا طويلة الأجل على برنامجها النووي.")
    ev = _one(coder, "snn-2015-07-24-0736", text, "lift_sanctions")
    assert ev.modality == "planned" and _code(ev.target) == "IRN"


def test_sanctions_prevented_from_being_lifted_are_negated(coder):
    # snn-2015-07-31-0205: rejecting the agreement would prevent President Obama from lifting most US sanctions
    text = "وسيمنع رفض الاتفاق الرئيس باراك أوباما من رفع معظم العقوبات الأمريكية المفروضة على طهران."
    ev = _one(coder, "snn-2015-07-31-0205", text, "lift_sanctions")
    assert ev.modality == "negated"


def test_farmers_lift_their_blockade(coder):
    # snn-2015-07-27-0099: the observers said: "the farmers lifted the blockade in Lyon, but remain unhappy"
    ev = _one(coder, "snn-2015-07-27-0099", "وقال المراقبون: «المزارعون رفعوا الحصار في ليون، لكنهم لا يزالون غير راضين.",
              "lift_blockade")
    assert ev.cameo.code[:2] == "08" and ev.modality == "reported"


def test_lifting_a_clubs_penalties_is_no_easing_of_sanctions(coder):
    # snn-2015-08-06-0889: "talk of lifting the penalties on the suspended Hilal and Nassr players ..."
    text = "- الحديث عن رفع العقوبات عن الموقوفين في الهلال والنصر ليشاركوا في مباراة السوبر ضرب من العبث."
    assert not _events(coder, "snn-2015-08-06-0889", text, "lift_sanctions")


def test_the_state_whose_sanctions_are_lifted_is_the_target(coder):
    # snn-2015-08-06-0537: "Iran for its part strives to raise its output after the sanctions are lifted"
    # snn-2015-07-24-0736: Iran agreed to limit its nuclear programme in return for the lifting of sanctions
    for article, text in (
        ("snn-2015-08-06-0537", "إيران من جانبها تسعى جاهدة إلى زيادة إنتاجها بعد رفع العقوبات."),
        ("snn-2015-07-24-0736", "ووافقت إيران بموجب بنود الاتفاق على الحد من أنشطة برنامجها النووي مقابل رفع العقوبات."),
    ):
        ev = _one(coder, article, text, "lift_sanctions")
        assert _code(ev.source) != "IRN" and _code(ev.target) == "IRN", text


# --- ceasefires --------------------------------------------------------------------------------------------

def test_the_coalition_declares_a_ceasefire(coder):
    # snn-2015-07-27-1009: the Saudi-led coalition had declared a ceasefire from 11.59 pm on Sunday for five days
    text = ("وكان التحالف بقيادة السعودية قد أعلن وقفا لإطلاق النار اعتبارا من الساعة 11.59 مساء الأحد (2059 "
            "بتوقيت جرينتش) لمدة خمسة أيام للسماح بوصول مساعدات إنسانية.")
    ev = _one(coder, "snn-2015-07-27-1009", text, "ceasefire")
    assert ev.cameo.code == "0871" and ev.modality == "asserted"
    assert _code(ev.source) == "SAU"


def test_a_ceasefire_between_two_states_in_a_chronology_line(coder):
    # snn-2015-07-21-0651: 1987, Security Council resolution 598 for a ceasefire between Iran and Iraq
    text = "1987 - مجلس الأمن الدولي يعتمد القرار 598 الذي يقضي بوقف اطلاق النار بين ايران والعراق."
    ev = _one(coder, "snn-2015-07-21-0651", text, "ceasefire")
    assert ev.cameo.code == "0871" and ev.modality == "historical"
    assert _code(ev.target) == "IRN"


def test_opening_fire_is_no_ceasefire(coder):
    # snn-2015-07-21-0024: the suicide bomber shot his uncle (إطلاق النار without وقف)
    text = "وكشف مصدر أمني لـ«الشرق الأوسط»، أن الانتحاري (19 عاما)، أطلق النار على خاله، وسلب سيارته."
    events = _events(coder, "snn-2015-07-21-0024", text)
    assert not [e for e in events if e.cameo.code == "0871"]
    assert "193" in _codes(events)


def test_ending_a_ceasefire_is_no_declaration_of_one(coder):
    # snn-2015-07-27-0354: the PKK's armed wing said Turkey "unilaterally ended" the ceasefire
    events = _events(coder, "snn-2015-07-27-0354", "وقالت إن تركيا «أنهت من جانب واحد» وقف إطلاق النار.", "ceasefire")
    assert not [e for e in events if _code(e.source) == "TUR"]


def test_toppling_or_violating_a_ceasefire_is_no_declaration_of_one(coder):
    # snn-2015-07-31-1549: "but the militias' insistence on fighting toppled the ceasefire"
    # snn-2015-07-26-0102: the PKK threatened to cut off the truce with Ankara
    for article, text in (
        ("snn-2015-07-31-1549", "إلا أن إصرار الميليشيات على القتال أطاح بوقف إطلاق النار."),
        ("snn-2015-07-26-0102", "وهدد حزب العمال الكردستاني بقطع الهدنة مع أنقرة."),
        ("snn-2015-07-26-0102", "وقالت إن تركيا أنهت الهدنة."),
        # snn-2015-07-31-0395: a few hours after the first Turkish raids, the Kurds declared the end of the truce
        ("snn-2015-07-31-0395", "وبعد بضع ساعات من الغارات التركية الأولى، أعلن الأكراد انتهاء الهدنة."),
    ):
        assert "0871" not in _codes(_events(coder, article, text)), text



def test_a_call_for_a_ceasefire_is_no_declaration_of_one(coder):
    # snn-2015-08-06-0262: the UN envoy's call for a ceasefire came after the talks failed
    text = "وجاءت دعوة ولد الشيخ لوقف إطلاق النار بعد فشل المحادثات التي أشرف عليها في يونيو (حزيران) الماضي."
    assert "0871" not in _codes(_events(coder, "snn-2015-08-06-0262", text))

# --- verdicts ----------------------------------------------------------------------------------------------

def test_a_verdict_is_passed_after_a_trial(coder):
    # snn-2015-08-08-0544: after a long trial, the verdict on Fatta was passed: 45 years in prison
    ev = _one(coder, "snn-2015-08-08-0544", "وبعد محاكمة طويلة، صدر الحكم على «فتا» بالسجن 45 سنة مع غرامات مالية باهظة.",
              "verdict")
    assert ev.cameo.code == "116" and ev.modality == "asserted"


def test_a_judge_passes_the_sentences(coder):
    # snn-2015-07-22-0226: judge Sergio Moro of the Brazilian federal court passed the sentences, the court said
    text = "وأصدر الأحكام القاضي سيرجيو مورو من المحكمة البرازيلية الاتحادية في كوريتيبا حسبما ذكرت المحكمة."
    ev = _one(coder, "snn-2015-07-22-0226", text, "verdict")
    assert ev.cameo.code == "116" and ev.modality == "reported"
    assert _code(ev.source) == "BRAJUD"


def test_rushing_to_judgement_is_no_verdict(coder):
    # snn-2015-07-25-1248: "we also must not rush to pass judgements on the basis of video clips!"
    text = "أيضاً يجب ألا نتعجّل في إصدار الأحكام بناءً على مقاطع فيديو!"
    assert not _events(coder, "snn-2015-07-25-1248", text, "verdict")
    # snn-2015-07-31-1358: of a joke: "it is the power of passing judgement"
    assert not _events(coder, "snn-2015-07-31-1358", "إنها قوة إصدار الحكم، وإذا كان الحكم في القانون هو عنوان الحقيقة.",
                       "verdict")


def test_a_verdict_that_was_supposed_to_be_passed_is_not_asserted(coder):
    # snn-2015-08-03-0780: the verdict was supposed to be passed last Thursday, but the judge was ill
    text = "وكان يفترض أن يصدر الحكم الخميس الماضي، لكن القاضي الذي كان مصابا بوعكة صحية على ما يبدو لم يحضر."
    ev = _one(coder, "snn-2015-08-03-0780", text, "verdict")
    assert ev.modality == "planned"


# --- deportation -------------------------------------------------------------------------------------------

def test_the_authorities_deport_activists(coder):
    # snn-2015-07-21-1639: the Egyptian authorities deported a number of activists last year
    text = ("وقامت السلطات المصرية خلال العام الماضي بترحيل عدد من النشطاء، ممن كانوا في طريقهم إلى معبر رفح "
            "للوصول إلى قطاع غزة.")
    ev = _one(coder, "snn-2015-07-21-1639", text, "deport")
    assert ev.cameo.code == "174" and ev.modality == "asserted"
    assert _code(ev.source) == "EGYGOV"


def test_shipping_waste_abroad_is_no_deportation(coder):
    # snn-2015-08-01-0081: "the question of exporting the waste has been raised since the first days"
    # snn-2015-08-03-0978: the municipality began the tunnel after moving all the utilities in its way
    # snn-2015-08-06-1993: by carrying over 10% of the charities' grant and investing it
    for article, text in (
        ("snn-2015-08-01-0081", "وأشار نبيل دو فريج إلى أنّه قد تم طرح موضوع ترحيل النفايات منذ الأيام الأولى."),
        # the same article: "the Lebanese government is seriously studying the option of exporting (the waste)"
        ("snn-2015-08-01-0081", "وأوضح دو فريج أن «الحكومة اللبنانية تدرس جديا خيار الترحيل وهي قامت باتصالات مع أكثر "
                                "من شركة أجنبية»."),
        ("snn-2015-08-03-0978", "والذي بدأت الأمانة تنفيذه بعد ترحيل كافة الخدمات التي تعترضه."),
        ("snn-2015-08-06-1993", "وذلك بترحيل 10% من إعانة الجمعيات واستثمارها."),
        # snn-2015-07-26-0261: "the body should have been moved even if her family did not bring her papers"
        ("snn-2015-07-26-0261", "وكان من المفترض أن يتم ترحيل الجثة حتى في حالة عدم إحضار ذويها للأوراق الثبوتية."),
    ):
        assert not _events(coder, article, text, "deport"), text


# --- vigils and hunger strikes -----------------------------------------------------------------------------

VIGIL = ("نفذت العشرات من الأسر اليمنية وأهالي المختطفين قسرا لدى ميليشيات التمرد الحوثي وفلول الرئيس المخلوع "
         "علي عبدالله صالح وقفة احتجاجية صباح أمس أمام فندق شيراتون وسط صنعاء.")


@pytest.mark.xfail(strict=True, reason="the vigil's source (the families, a long phrase before the noun) is not "
                                       "found, and without a source the score drops the vigil")
def test_families_hold_a_protest_vigil(coder):
    # snn-2015-08-06-2037: dozens of Yemeni families of people abducted by the Houthis held a protest vigil in
    # front of the Sheraton hotel in Sanaa
    ev = _one(coder, "snn-2015-08-06-2037", VIGIL, "protest_stand")
    assert ev.cameo.code == "141" and ev.modality == "asserted"
    assert ev.place is not None and ev.place.text == "صنعاء"


def test_in_front_of_is_no_imam(coder):
    # snn-2015-08-06-2037, as above, and snn-2015-07-27-0866: "dozens of soldiers held a protest vigil in front
    # of the government compound": the preposition أمام is no imam (a REL actor)
    soldiers = ("وكان عشرات الجنود نفذوا وقفة احتجاجية أمام مبني المجمع الحكومي الشهر الماضي، احتجاجا علي نهب "
                "حقوقهم والخصم من مرتباتهم لدعم المجهود الحربي، إلا أن السلطات الأمنية تجاهلت مطالبهم.")
    for article, text in (("snn-2015-08-06-2037", VIGIL), ("snn-2015-07-27-0866", soldiers)):
        doc = coder(text, published=article[4:14])
        assert not [m for m in doc.mentions if m.text == "أمام"]
        assert all(e.source is None or e.source.text != "أمام" for e in doc.events)


def test_a_serious_pause_is_no_vigil(coder):
    # snn-2015-07-21-0217: "... which calls for a serious pause (وقفة جادة) to study the causes"
    text = "«مجرد أن يتقاتل الطارقي والتباوي فهذا يعني وقوع أمر جلل يتطلب وقفة جادة لدراسة المسببات التي أدت لهذا الأمر."
    assert "14" not in _roots(_events(coder, "snn-2015-07-21-0217", text))


def test_prisoners_continue_their_hunger_strike(coder):
    # snn-2015-08-08-0069: 120 Palestinian prisoners in Nafha prison continue their open hunger strike
    text = ("من جهة ثانية، يواصل 120 أسيرًا فلسطينيًا في أقسام 1 و4 و10 في سجن نفحة القائم في صحراء النقب، "
            "إضرابهم المفتوح عن الطعام احتجاجًا على سياسات القمع والتنكيل التي تمارسها إدارة السجن.")
    ev = _one(coder, "snn-2015-08-08-0069", text, "hunger_strike")
    assert ev.cameo.code == "142" and ev.modality == "asserted"
    assert ev.source.actor.country == "PSE" and "CVL" in ev.source.actor.sectors
