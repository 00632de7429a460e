"""Role titles and honorifics that precede or follow a person's name."""

import re

HONORIFICS = frozenset(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady sen. rep. gen. col. lt. sgt. capt. "
    "mister madam monsieur mme herr frau".split()
)

# Words that head a title ("Deputy Justice Minister", "FSB Director", "Foreign Ministry Spokeswoman").
ROLE_HEADS = frozenset(
    """minister ministers president vice-president premier chancellor secretary head chief director
    spokesman spokeswoman spokesperson chairman chairwoman chairperson chair governor mayor ambassador
    prosecutor judge justice senator deputy representative commissioner ombudsman officer general colonel
    major captain lieutenant commander founder co-founder ceo cfo coo cto owner manager editor
    editor-in-chief correspondent journalist reporter lawyer attorney advocate counsel analyst adviser
    advisor aide assistant inspector auditor treasurer councillor councilor mp lawmaker legislator
    king queen prince princess emperor sheikh patriarch metropolitan bishop pope cardinal rabbi imam
    leader boss tycoon oligarch businessman businesswoman entrepreneur strategist activist blogger
    investigator detective agent colonel-general spokesmen head-of-state""".split()
)

# Modifiers that may stand inside a title before its head ("First Deputy Foreign Minister").
ROLE_MODIFIERS = frozenset(
    """first second third deputy vice acting interim former ex- ex executive general managing senior junior
    chief prime foreign interior justice defense defence finance economy economic trade health education
    culture energy transport labor labour emergency emergencies digital state federal regional district
    city municipal national presidential press special assistant associate principal supreme high""".split()
)

# ------------------------------------------------------------------------------------------
# Relation vocabularies (used by relations, designations, events): which FtM interval schema a
# role title implies. Language knowledge only (English and Russian), never case knowledge.
# ------------------------------------------------------------------------------------------

# Leading heads of an organisation (Directorship.director).
DIRECTOR_ROLES = (
    "director",
    "director general",
    "general director",
    "executive director",
    "managing director",
    "head",
    "chief",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "president",
    "ceo",
    "chief executive",
    "chief executive officer",
    "leader",
    "boss",
    "rector",
    "governor",
    "mayor",
    "commander",
    "editor-in-chief",
    "editor in chief",
    "директор",
    "генеральный директор",
    "исполнительный директор",
    "managing partner",
    "auditor general",
    "руководитель",
    "глава",
    "председатель",
    "президент",
    "начальник",
    "главный редактор",
)
# Founders (Directorship with role "founder").
FOUNDER_ROLES = (
    "founder",
    "co-founder",
    "cofounder",
    "основатель",
    "учредитель",
    "сооснователь",
    "соучредитель",
)
# Owners (Ownership.owner).
OWNER_ROLES = (
    "owner",
    "co-owner",
    "beneficial owner",
    "ultimate beneficial owner",
    "shareholder",
    "majority shareholder",
    "владелец",
    "совладелец",
    "бенефициар",
    "акционер",
)
# Officers of a board (Directorship): a charity's trustees and treasurer direct it.
BOARD_ROLES = (
    "board member",
    "member of the board",
    "non-executive director",
    "sole director",
    "trustee",
    "treasurer",
    "член правления",
    "член совета директоров",
    "казначей",
)
# Members (Membership.member).
MEMBER_ROLES = (
    "member",
    "honorary member",
    "board member",
    "vice president",
    "vice-president",
    "vice chair",
    "vice-chair",
    "fellow",
    "member of parliament",
    "член",
    "вице-президент",
    "депутат",
    "попечитель",
)
# Staff, officials and office holders (Employment.employee).
EMPLOYEE_ROLES = (
    "deputy head",
    "deputy director",
    "deputy chief",
    "deputy minister",
    "first deputy",
    "deputy",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "press secretary",
    "official",
    "officer",
    "employee",
    "staffer",
    "adviser",
    "advisor",
    "aide",
    "secretary",
    "correspondent",
    "journalist",
    "editor",
    "analyst",
    "researcher",
    "prosecutor",
    "investigator",
    "judge",
    "manager",
    "ambassador",
    "envoy",
    "representative",
    "consultant",
    "contractor",
    "researcher",
    "accountant",
    "economist",
    "engineer",
    "lobbyist",
    "broker",
    "staff member",
    "commander",
    "командир",
    "журналист",
    "корреспондент",
    "заместитель",
    "министр",
    "замминистра",
    "пресс-секретарь",
    "сотрудник",
    "советник",
    "помощник",
    "представитель",
    "официальный представитель",
    "следователь",
    "прокурор",
    "судья",
    "аналитик",
    "эксперт",
    "бухгалтер",
)
# Counsel (Representation.agent).
LAWYER_ROLES = (
    "lawyer",
    "attorney",
    "counsel",
    "advocate",
    "solicitor",
    "barrister",
    "legal representative",
    "адвокат",
    "юрист",
    "защитник",
)

# Russian modifiers (stems; any case ending) that may precede a title ("исполнительным директором").
TITLE_MODIFIERS_RU = ("исполнительн", "генеральн", "перв", "бывш", "почётн", "почетн", "главн", "старш",
                      "финансов", "коммерческ", "технически")

# Modifiers that may precede a title inside a relation frame ("First Deputy Head").
TITLE_MODIFIERS = (
    "first",
    "acting",
    "former",
    "deputy",
    "senior",
    "chief",
    "general",
    "executive",
    "interim",
    "head",
    "vice",
    "co",
    "assistant",
    "principal",
    "sole",
    "honorary",
    "managing",
    "non-executive",
    "ultimate",
    "beneficial",
    "parliamentary",
    "legal",
    "personal",
)

# Office words whose stem names a public body ("Justice Minister" → "Justice Ministry").
TITLE_BODY_NOUNS = {
    "minister": ("ministry", "министерство"),
    "secretary": ("department", "ministry", "office"),
    "commissioner": ("commission",),
    "director": ("service", "agency", "bureau", "department"),
    "министр": ("министерство", "минист"),
    "prosecutor": ("prosecutor", "prosecution"),
    "прокурор": ("прокуратур",),
}

# Russian ministries go by compounds of "Мин-" ("Минюст", "Минэкономразвития").
TITLE_BODY_PREFIXES = {"министр": ("мин",)}

# Nouns for an organisation owned ("his company, X") or led ("his non-profit, X") by a possessor.
OWNED_ORG_NOUNS = ("company", "firm", "business", "enterprise", "holding", "llc", "компания", "фирма")
LED_ORG_NOUNS = (
    "non-profit",
    "nonprofit",
    "organization",
    "organisation",
    "foundation",
    "fund",
    "movement",
    "charity",
    "group",
    "ngo",
    "association",
    "фонд",
    "организация",
    "движение",
    "ассоциация",
)

# Kinship nouns (FtM Family.relationship), English and Russian.
KIN_EN = (
    "wife", "husband", "spouse", "daughter", "son", "sister", "brother", "mother", "father", "niece",
    "nephew", "cousin", "uncle", "aunt", "grandson", "granddaughter", "grandfather", "grandmother",
    "stepson", "stepdaughter", "stepfather", "stepmother", "widow", "widower", "fiancée", "fiancee", "fiancé",
    "brother-in-law", "sister-in-law", "son-in-law", "daughter-in-law", "father-in-law", "mother-in-law",
    "ex-wife", "ex-husband", "former wife", "former husband",
)
KIN_RU = ("жена", "муж", "супруга", "супруг", "дочь", "сын", "сестра", "брат", "мать", "отец", "племянни",
          "двоюродн", "зять", "невестка", "тесть", "тёща", "теща", "свекровь", "свёкор", "свекор", "внук",
          "внучка", "дядя", "тётя", "тетя", "вдова", "бывшая жена", "бывший муж")

# Verbs of founding.
FOUND_VERBS_EN = r"(?:founded|co-founded|registered|set\s+up|established|created|launched|incorporated)"
FOUND_VERBS_RU = r"(?:основал[аи]?|учредил[аи]?|создал[аи]?|зарегистрировал[аи]?)"

# Phrases that tie two parties loosely (Associate / UnknownLink).
LINK_PHRASES_EN = (
    r"linked\s+to",
    r"tied\s+to",
    r"connected\s+(?:to|with)",
    r"close\s+to",
    r"an?\s+associate\s+of",
    r"associated\s+with",
    r"affiliated\s+with",
    r"(?:an?\s+)?ally\s+of",
    r"allied\s+with",
)
LINK_PHRASES_RU = (r"связанн\w*\s+с", r"близк\w*\s+к", r"соратник\w*")

ALL_ROLES = tuple(
    sorted(
        set(DIRECTOR_ROLES + FOUNDER_ROLES + OWNER_ROLES + BOARD_ROLES + MEMBER_ROLES + EMPLOYEE_ROLES
            + LAWYER_ROLES),
        key=len,
        reverse=True,
    )
)


def _ru_form(word: str) -> str:
    """A Russian title in any case form: "учредитель" → "учредител", "владелец" → "владел(?:ец|ьц)",
    "главный редактор" → "главн[а-яё]*\\s+редактор" (each word of a compound inflects: "главным редактором")."""
    if " " in word and re.search(r"[а-яё]", word):
        return r"\s+".join(re.escape(w[:-2]) + "[а-яё]*" if w.endswith(("ый", "ий", "ой")) else _ru_form(w)
                           for w in word.split())
    if word.endswith("ец"):
        return re.escape(word[:-2]) + "(?:ец|ьц)"
    if (word.endswith("ь") or (word.endswith(("а", "я")) and len(word) > 5)) and re.search(r"[а-яё]", word):
        return re.escape(word[:-1])
    return re.escape(word)


def _words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{'|'.join(_ru_form(w) for w in words)})")


_LAWYER = _words_re(LAWYER_ROLES)
_FOUNDER = _words_re(FOUNDER_ROLES)
_OWNER = _words_re(OWNER_ROLES)
_BOARD = _words_re((*BOARD_ROLES, "board"))
_MEMBER = _words_re(MEMBER_ROLES)
_DEPUTY = _words_re(("deputy", "vice", "assistant", "заместител", "зам"))
_DIRECTOR = _words_re(DIRECTOR_ROLES)
_EMPLOYEE = _words_re(EMPLOYEE_ROLES)


def role_kind(role: str) -> str | None:
    """The FtM schema a role title implies: "Directorship", "Ownership", "Membership",
    "Employment", "Representation", or "founder" (recorded as a Directorship with that role)."""
    text = " ".join(role.lower().replace("’", "'").split())
    if not text:
        return None
    for regex, kind in ((_LAWYER, "Representation"), (_FOUNDER, "founder"), (_OWNER, "Ownership"),
                        (_BOARD, "Directorship"), (_MEMBER, "Membership"),
                        # a deputy head or deputy minister is staff, not the head
                        (_DEPUTY, "Employment"), (_DIRECTOR, "Directorship"), (_EMPLOYEE, "Employment")):
        if regex.search(text):
            return kind
    return None
