"""Role titles and honorifics that precede or follow a person's name."""

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
    "руководитель",
    "глава",
    "председатель",
    "президент",
    "начальник",
    "главный редактор",
)
# Founders and owners (Directorship with role "founder").
FOUNDER_ROLES = (
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "co-owner",
    "основатель",
    "учредитель",
    "владелец",
    "сооснователь",
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
    "член",
    "вице-президент",
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
)

# Office words whose stem names a public body ("Justice Minister" → "Justice Ministry").
TITLE_BODY_NOUNS = {
    "minister": ("ministry", "министерство"),
    "secretary": ("department", "ministry", "office"),
    "commissioner": ("commission",),
    "director": ("service", "agency", "bureau", "department"),
    "министр": ("министерство", "минист"),
}

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
        set(DIRECTOR_ROLES + FOUNDER_ROLES + MEMBER_ROLES + EMPLOYEE_ROLES + LAWYER_ROLES),
        key=len,
        reverse=True,
    )
)


def _has_word(text: str, word: str) -> bool:
    import re

    return re.search(rf"(?<!\w){re.escape(word)}", text) is not None


def role_kind(role: str) -> str | None:
    """The FtM schema a role title implies: "Directorship", "Membership", "Employment",
    "Representation", or "founder" (recorded as a Directorship with that role)."""
    text = " ".join(role.lower().replace("’", "'").split())
    if not text:
        return None
    if any(_has_word(text, w) for w in LAWYER_ROLES):
        return "Representation"
    if any(_has_word(text, w) for w in FOUNDER_ROLES):
        return "founder"
    if any(_has_word(text, w) for w in MEMBER_ROLES):
        return "Membership"
    # a deputy head or deputy minister is staff, not the head
    if any(_has_word(text, w) for w in ("deputy", "vice", "assistant", "заместител", "зам")):
        return "Employment"
    if any(_has_word(text, w) for w in DIRECTOR_ROLES):
        return "Directorship"
    if any(_has_word(text, w) for w in EMPLOYEE_ROLES):
        return "Employment"
    return None
