"""Synthetic people and companies for the xref scale benchmark, and variants of their names.

Seeded and self-contained: our own name-part lists (common Russian and English given names, real
surname roots plus surnames built from syllables, so a million entities do not collapse onto a few
thousand names), Russian patronymics and case endings by rule, and five Latin transliteration
systems (BGN/PCGN, scientific, ICAO passport, German, French) written here, independent of the
matcher's own transliteration (rigour), so the benchmark does not grade the matcher against itself.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

MALE = ("Александр Алексей Анатолий Андрей Антон Аркадий Артём Борис Вадим Валентин Валерий Василий "
        "Виктор Виталий Владимир Владислав Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий "
        "Евгений Егор Иван Игорь Илья Кирилл Константин Леонид Максим Матвей Михаил Никита Николай Олег "
        "Павел Пётр Роман Руслан Сергей Станислав Степан Тимур Фёдор Юрий Ярослав Эдуард Семён Лев").split()
FEMALE = ("Александра Алина Алла Анастасия Анна Валентина Валерия Вера Виктория Галина Дарья Евгения "
          "Екатерина Елена Елизавета Жанна Ирина Кристина Ксения Лариса Людмила Маргарита Марина Мария "
          "Надежда Наталья Нина Оксана Ольга Полина Светлана Софья Татьяна Юлия Яна Любовь Зоя").split()
ROOTS = ("Иван Петр Смирн Кузнецов Попов Васил Соколов Михайл Новик Фёдор Морозов Волков Алексе Лебед "
         "Семён Егор Павл Козл Степан Никола Орл Андре Макар Никит Захар Зайц Солов Борис Яковл Григор "
         "Роман Воробь Серге Кузьм Фрол Александр Дмитри Корол Гусев Киселёв Ильин Максим Поляк Сорокин "
         "Виноград Ковал Белов Медвед Антон Тарас Жуков Баранов Филипп Комар Давыд Беляев Герасим Богдан "
         "Осип Сидор Матве Титов Марков Миронов Крылов Куликов Карпов Власов Мельник Денис Гаврил Тихон "
         "Казак Афанас Данил Савел Тимофе Фомин Чернов Абрам Мартын Ефим Федот Щербак Назар Калин Исаак "
         "Чернышёв Быков Маслов Родион Коновал Лазар Суханов Мишин Шубин Шилов Громов Лаврент Панов Рыбак "
         "Суворов Цвет Хохлов Юдин Ершов Шест Ионов Зуев Бобров Пригож Навальн Ходорков Дерипаск Ротенберг").split()
SYLLABLES = ("ба бе би бо бу ва ве ви во га ге го гу да де ди до ду жа же за зе зи зо ка ке ки ко ку ла ле ли "
             "ло лу ма ме ми мо му на не ни но ну па пе пи по пу ра ре ри ро ру са се си со су та те ти то ту "
             "фа фе ха хо ца ча че чи ша ше ши ще я ю ар ер ир ор ур ан ен ин он ал ел ол ат от аш еш").split()
SURNAME_SUFFIXES = (("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ский", "ская"), ("енко", "енко"),
                    ("ук", "ук"), ("ович", "ович"), ("ых", "ых"), ("цкий", "цкая"))
EN_GIVEN = ("James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony "
            "Mark Paul Steven Andrew Kenneth George Joshua Kevin Brian Edward Ronald Timothy Jason Jeffrey "
            "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret "
            "Betty Sandra Ashley Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura "
            "Helen Oliver Harry Jack Charlie Thomas Jacob Alfie Riley Noah Amelia Olivia Isla Ava").split()
EN_SURNAMES = ("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
               "Jackson Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott Hill "
               "Green Adams Baker Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards "
               "Collins Stewart Morris Murphy Cook Rogers Morgan Cooper Peterson Reed Bailey Bell Kelly Howard "
               "Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Myers Long Foster "
               "Fletcher Hargreaves Whitfield Ashworth Pemberton Blackwood Thornton Kingsley Holloway").split()
EN_PREFIX = "Ash Black Brad Bright Brook Cald Cart Cran Dal Fair Fen Glad Hal Hart Hay Kirk Lang Mar Mil Nor".split()
EN_SUFFIX = "ford ley ton wood well worth field by more ham wick stone brook dale".split()
CO_WORDS = ("Альфа Бета Вектор Гарант Дельта Зенит Импульс Капитал Квант Лидер Магистраль Меридиан Нова "
            "Омега Орион Партнер Прогресс Ресурс Сигма Союз Стандарт Старт Тандем Техно Транзит Урал Феникс "
            "Форвард Центр Эверест Эталон Энерго Юпитер Восток Запад Север Балтика Сибирь Волга Кристалл "
            "Монолит Профит Регион Сфера Элемент Атлант Гранит Рубин Сапфир Аврора Вертикаль Горизонт").split()
CO_INDUSTRY = ("Строй Трейд Инвест Нефть Газ Снаб Торг Пром Агро Транс Логистик Медиа Фарм Металл Лес Хим "
               "Энерго Девелопмент Консалт Сервис").split()
EN_CO_WORDS = ("Apex Summit Harbor Northern Atlas Crescent Pioneer Sterling Granite Horizon Meridian Beacon "
               "Falcon Keystone Liberty Pinnacle Quantum Redwood Sapphire Titan Vanguard Zenith Orchid Cobalt").split()
EN_CO_INDUSTRY = ("Trading Holdings Capital Logistics Shipping Energy Resources Industries Consulting Media "
                  "Pharma Metals Chemicals Construction Investments Technologies Services Partners").split()
BRAND_ENDS = ("кс", "он", "ит", "ал", "ра", "ко", "ум", "ис", "ел")
RU_FORMS = (("ООО", "Общество с ограниченной ответственностью"), ("АО", "Акционерное общество"),
            ("ПАО", "Публичное акционерное общество"), ("ЗАО", "Закрытое акционерное общество"))
EN_FORMS = {"ООО": ("LLC", "Limited Liability Company", "OOO"), "АО": ("JSC", "Joint Stock Company", "AO"),
            "ПАО": ("PJSC", "Public Joint Stock Company", "PAO"), "ЗАО": ("CJSC", "Closed Joint Stock Company", "ZAO"),
            "Ltd": ("Ltd", "Limited", "Ltd."), "LLC": ("LLC", "L.L.C.", "Limited Liability Company")}
COUNTRIES_RU = ("ru", "ru", "ru", "ua", "by", "kz", "cy", "lv")
COUNTRIES_EN = ("gb", "us", "gb", "us", "ie", "ca", "au", "cy")

_BASE = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
         "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
         "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
         "ь": "", "э": "e", "ю": "yu", "я": "ya"}
SYSTEMS: dict[str, dict[str, str]] = {
    "bgn": {**_BASE, "ё": "yo"},
    "scientific": {**_BASE, "й": "j", "х": "ch", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "ju",
                   "я": "ja", "ё": "jo"},
    "icao": {**_BASE, "й": "i", "ю": "iu", "я": "ia", "ъ": "ie"},
    "german": {**_BASE, "в": "w", "ж": "sch", "з": "s", "й": "j", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
               "щ": "schtsch", "ю": "ju", "я": "ja", "ё": "jo", "ы": "y"},
    "french": {**_BASE, "ж": "j", "у": "ou", "ч": "tch", "ш": "ch", "щ": "chtch", "й": "ï", "ю": "iou",
               "я": "ia", "х": "kh", "ё": "io"},
}


def transliterate(text: str, system: str) -> str:
    table = SYSTEMS[system]
    out = []
    prev = " "
    for char in text:
        low = char.lower()
        if low not in table:
            out.append(char)
            prev = char
            continue
        latin = table[low]
        if low == "е" and system == "bgn" and (not prev.isalpha() or prev.lower() in "аеёиоуыэюяьъ"):
            latin = "ye"
        if low == "е" and system == "german" and not prev.isalpha():
            latin = "je"
        if char.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        prev = char
    word = "".join(out)
    return word.replace("iy ", "iy ").replace("yy", "y")


@dataclass
class Party:
    """One generated party in its canonical (usually Cyrillic) form, before any transliteration."""

    kind: str                      # "person" or "company"
    given: str = ""
    patronymic: str = ""
    surname: str = ""
    female: bool = False
    russian: bool = True
    birth: str = ""
    country: str = ""
    name: str = ""                 # companies: the name without its legal form
    form: str = ""                 # companies: ООО / АО / Ltd …
    inn: str = ""
    aliases: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """What makes two generated parties indistinguishable by their full name."""
        if self.kind == "person":
            return f"p|{self.given}|{self.patronymic}|{self.surname}".lower()
        return f"c|{self.name}".lower()

    @property
    def short_key(self) -> str:
        """The name without patronymic or middle name: a party off the list must not have one
        a listed party has, or "not on the list" would be a coin toss for any matcher."""
        return f"p|{self.given}|{self.surname}".lower() if self.kind == "person" else self.key


_FATHER_STEMS = {"Павел": "Павл", "Лев": "Льв", "Пётр": "Петр", "Семён": "Семен", "Фёдор": "Федор",
                 "Артём": "Артем", "Илья": "Иль", "Никита": "Никит"}


def _patronymic(father: str, female: bool) -> str:
    if father in ("Илья", "Никита"):
        return _FATHER_STEMS[father] + ("инична" if female and father == "Илья" else "ична" if female else "ич")
    father = _FATHER_STEMS.get(father, father)
    if father.endswith("ий"):
        return father[:-2] + ("ьевна" if female else "ьевич")
    stem = father[:-1] if father.endswith(("й", "ь")) else father
    if father.endswith("й"):
        return stem + ("евна" if female else "евич")
    if father.endswith(("а", "я")):
        return father[:-1] + ("ична" if female else "ич")
    return stem + ("овна" if female else "ович")


def _surname(rng: random.Random, female: bool) -> str:
    if rng.random() < 0.35:
        root = rng.choice(ROOTS)
    else:
        root = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()
    if root.endswith(("ов", "ев", "ин", "ёв")) and rng.random() < 0.8:
        return root + ("а" if female else "")
    male, fem = rng.choice(SURNAME_SUFFIXES)
    return root + (fem if female else male)


def person(rng: random.Random) -> Party:
    female = rng.random() < 0.4
    birth = f"{rng.randint(1940, 2002)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.25:
        surname = rng.choice(EN_SURNAMES) if rng.random() < 0.5 else rng.choice(EN_PREFIX) + rng.choice(EN_SUFFIX)
        middle = rng.choice(EN_GIVEN) if rng.random() < 0.8 else ""
        return Party("person", given=rng.choice(EN_GIVEN), patronymic=middle, surname=surname, russian=False,
                     birth=birth, country=rng.choice(COUNTRIES_EN), female=female)
    return Party("person", given=rng.choice(FEMALE if female else MALE),
                 patronymic=_patronymic(rng.choice(MALE), female), surname=_surname(rng, female),
                 female=female, birth=birth, country=rng.choice(COUNTRIES_RU))


def _brand(rng: random.Random) -> str:
    return ("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 3)))) + rng.choice(BRAND_ENDS)).capitalize()


def company(rng: random.Random) -> Party:
    inn = "".join(str(rng.randint(0, 9)) for _ in range(10))
    if rng.random() < 0.3:
        words = [rng.choice(EN_CO_WORDS), rng.choice(EN_CO_INDUSTRY)]
        head = rng.choice(EN_PREFIX) + rng.choice(EN_SUFFIX) if rng.random() < 0.7 else rng.choice(EN_CO_WORDS)
        words.insert(0, head)
        return Party("company", name=" ".join(words), form=rng.choice(("Ltd", "LLC")), russian=False,
                     country=rng.choice(COUNTRIES_EN))
    style = rng.random()
    brand = rng.choice(CO_WORDS) if rng.random() < 0.4 else _brand(rng)
    if style < 0.4:
        name = brand + rng.choice(CO_INDUSTRY).lower()
    elif style < 0.7:
        name = f"{brand}-{rng.choice(CO_INDUSTRY)}"
    else:
        name = f"{rng.choice(CO_WORDS)} {brand}{rng.choice(CO_INDUSTRY).lower()}"
    return Party("company", name=name, form=rng.choice(RU_FORMS)[0], country="ru", inn=inn)


def person_name(p: Party, latin: str | None = None, order: str = "gps", patronymic: bool = True,
                initials: bool = False) -> str:
    given, father, surname = p.given, p.patronymic if patronymic else "", p.surname
    if initials:
        given = given[0] + "."
        father = father[0] + "." if father else ""
    parts = {"g": given, "p": father, "s": surname}
    text = " ".join(parts[c] for c in order if parts[c])
    return transliterate(text, latin) if latin and p.russian else text


def company_name(p: Party, latin: str | None = None, long_form: bool = False, form: bool = True,
                 rng: random.Random | None = None) -> str:
    if not p.russian:
        forms = EN_FORMS[p.form]
        legal = forms[1] if long_form else forms[0]
        return f"{p.name} {legal}" if form else p.name
    if latin:
        name = transliterate(p.name, latin)
        forms = EN_FORMS[p.form]
        legal = (forms[1] if long_form else rng.choice(forms) if rng else forms[0])
        return (f'{legal} "{name}"' if rng and rng.random() < 0.5 else f"{name} {legal}") if form else name
    legal = dict(RU_FORMS)[p.form] if long_form else p.form
    return f"{legal} «{p.name}»" if form else p.name


_GEN_SURNAME = (("ский", "ского"), ("цкий", "цкого"), ("ская", "ской"), ("цкая", "цкой"), ("ова", "овой"),
                ("ева", "евой"), ("ина", "иной"), ("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("ёв", "ёва"))
_DAT_SURNAME = (("ский", "скому"), ("цкий", "цкому"), ("ская", "ской"), ("цкая", "цкой"), ("ова", "овой"),
                ("ева", "евой"), ("ина", "иной"), ("ов", "ову"), ("ев", "еву"), ("ин", "ину"), ("ёв", "ёву"))


def _inflect_word(word: str, case: str, female: bool, kind: str) -> str:
    if kind == "surname":
        for ending, replacement in (_GEN_SURNAME if case == "gen" else _DAT_SURNAME):
            if word.endswith(ending):
                return word[: -len(ending)] + replacement
        return word
    if female:
        if word.endswith("ия"):
            return word[:-1] + "и"
        if word.endswith(("а", "я")):
            if case == "dat":
                return word[:-1] + "е"
            return word[:-1] + ("ы" if word.endswith("а") and word[-2] not in "гкхжчшщ" else "и")
        return word
    if word.endswith("й"):
        return word[:-1] + ("я" if case == "gen" else "ю")
    if word.endswith("ь"):
        return word[:-1] + ("я" if case == "gen" else "ю")
    if word.endswith("я"):
        return word[:-1] + ("и" if case == "gen" else "е")
    if word.endswith("а"):
        return word[:-1] + ("ы" if case == "gen" else "е")
    return word + ("а" if case == "gen" else "у")


def inflected(p: Party, case: str, patronymic: bool) -> str:
    """The person's Cyrillic name in the genitive ("gen") or dative ("dat"), as a sentence has it."""
    words = [_inflect_word(p.given, case, p.female, "given")]
    if patronymic and p.patronymic:
        words.append(_inflect_word(p.patronymic, case, p.female, "given"))
    words.append(_inflect_word(p.surname, case, p.female, "surname"))
    return " ".join(words)


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 8:
        return word
    i = rng.randrange(2, len(word) - 1)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]
