"""Currency words, symbols and number words (English and Russian) for money extraction.

Why: turning "one million rubles" or "1,5 млн рублей" into an amount and an ISO 4217 code needs
language knowledge that no installed library provides (price-parser / quantulum3 are not
dependencies). These tables are generic vocabulary, kept apart from the grammar in ``money.py``.
"""

from __future__ import annotations

# Currency symbols and prefixes written before the number ("$13,600", "€2.5m", "US$ 5").
SYMBOLS: dict[str, str] = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "₴": "UAH", "₸": "KZT",
    "₾": "GEL", "₺": "TRY", "₹": "INR", "¥": "CNY", "CHF": "CHF",
}

# ISO codes accepted on either side of the number ("EUR 70,000", "5 млн USD").
ISO_CODES = ("USD", "EUR", "RUB", "GBP", "UAH", "CHF", "CNY", "JPY", "KZT", "BYN", "GEL", "TRY", "AED",
             "INR", "PLN", "CZK", "SEK", "NOK", "CAD", "AUD", "ILS", "AMD", "AZN", "MDL", "UZS")

# Currency words written after the number, as regular-expression alternatives → ISO code.
# Longer, qualified forms come first so that "Canadian dollars" wins over "dollars".
WORDS: tuple[tuple[str, str], ...] = (
    (r"canadian\s+dollars?", "CAD"),
    (r"australian\s+dollars?", "AUD"),
    (r"hong\s+kong\s+dollars?", "HKD"),
    (r"(?:us|u\.s\.|american)\s+dollars?", "USD"),
    (r"swiss\s+francs?", "CHF"),
    (r"pounds?\s+sterling", "GBP"),
    (r"belarusian\s+(?:rubles?|roubles?)", "BYN"),
    (r"dollars?", "USD"),
    (r"(?:rubles?|roubles?)", "RUB"),
    (r"euros?", "EUR"),
    (r"pounds?", "GBP"),
    (r"hryvnias?|hryvnyas?|hryvni", "UAH"),
    (r"yuan|renminbi", "CNY"),
    (r"yen", "JPY"),
    (r"tenge", "KZT"),
    (r"lari", "GEL"),
    (r"(?:turkish\s+)?liras?", "TRY"),
    (r"dirhams?", "AED"),
    (r"rupees?", "INR"),
    (r"zlotys?", "PLN"),
    # Russian (all case forms; "руб." is the usual abbreviation)
    (r"долларов\s+сша|доллар(?:ов|а|ы)?\s+сша", "USD"),
    (r"белорусских\s+рубл(?:ей|я|ь)", "BYN"),
    (r"доллар(?:ов|а|ы)?", "USD"),
    (r"рубл(?:ей|я|ь|ями|ях)|руб\.?", "RUB"),
    (r"евро", "EUR"),
    (r"фунт(?:ов|а)?\s+стерлингов", "GBP"),
    (r"гривен|гривн[аыу]?", "UAH"),
    (r"юан(?:ей|я|ь)", "CNY"),
    (r"иен|йен", "JPY"),
    (r"тенге", "KZT"),
    (r"франк(?:ов|а)?", "CHF"),
)

# Multipliers written after the number → factor.
MULTIPLIERS: dict[str, int] = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9,
    "trillion": 10**12, "tn": 10**12,
    "тыс": 10**3, "тысяч": 10**3, "тысяча": 10**3, "тысячи": 10**3,
    "млн": 10**6, "миллион": 10**6, "миллиона": 10**6, "миллионов": 10**6,
    "млрд": 10**9, "миллиард": 10**9, "миллиарда": 10**9, "миллиардов": 10**9,
    "трлн": 10**12, "триллион": 10**12, "триллиона": 10**12, "триллионов": 10**12,
}

# Number words that may stand in place of digits ("one million rubles", "два миллиона рублей").
NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "one hundred": 100,
    "several hundred": 300, "half a": 0.5, "one and a half": 1.5,
    "один": 1, "одна": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "сто": 100, "полтора": 1.5, "полторы": 1.5, "пол": 0.5,
}

# Words naming what a payment was for; the nearest one in the sentence becomes ``purpose``.
PURPOSE_WORDS: dict[str, str] = {
    "grant": "grant", "grants": "grant", "tender": "tender", "tenders": "tender", "contract": "contract",
    "contracts": "contract", "donation": "donation", "donations": "donation", "loan": "loan",
    "loans": "loan", "fine": "fine", "fines": "fine", "bribe": "bribe", "bribes": "bribe",
    "salary": "salary", "fee": "fee", "fees": "fee", "subsidy": "subsidy", "subsidies": "subsidy",
    "funding": "funding", "investment": "investment", "sponsorship": "sponsorship", "payment": "payment",
    "payments": "payment", "compensation": "compensation", "damages": "damages", "bail": "bail",
    "ransom": "ransom", "prize": "prize", "award": "award", "budget": "budget", "deal": "deal",
    "грант": "грант", "гранта": "грант", "грантов": "грант", "гранте": "грант", "тендер": "тендер",
    "тендера": "тендер", "тендере": "тендер", "контракт": "контракт", "контракта": "контракт",
    "пожертвование": "пожертвование", "пожертвования": "пожертвование", "кредит": "кредит",
    "кредита": "кредит", "займ": "заём", "заём": "заём", "штраф": "штраф", "штрафа": "штраф",
    "взятку": "взятка", "взятка": "взятка", "взятки": "взятка", "субсидию": "субсидия",
    "субсидия": "субсидия", "субсидии": "субсидия", "финансирование": "финансирование",
    "финансирования": "финансирование", "зарплата": "зарплата", "гонорар": "гонорар",
    "компенсацию": "компенсация", "компенсация": "компенсация", "госконтракт": "госконтракт",
}
