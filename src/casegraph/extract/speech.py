"""Speech vocabulary shared by the quote (and claim) extractors: reporting verbs, audience cues,
title/epithet cues and personal pronouns, for English and Russian.

Kept apart from :mod:`casegraph.extract.quotes` so the vocabulary can grow (or be reused by the
claims component) without touching the attribution logic. Everything here is generic language,
never names from a particular document.
"""

from __future__ import annotations

import functools
import re

from casegraph.extract.vocab.roles import ROLE_HEADS
from casegraph.extract.vocab.trie import trie_pattern

# Finite forms only: attribution needs a verb with a subject ("Ionov said", "said Ionov").
_EN_VERBS = (
    "say says said tell tells told ask asks asked explain explains explained complain complains complained "
    "add adds added noted write writes wrote claim claims claimed recall recalls recalled "
    "continue continues continued argue argues argued insist insists insisted stated declare declares "
    "declared replies replied responds responded answered admit admits "
    "admitted acknowledge acknowledges acknowledged assert asserts asserted maintain maintains maintained "
    "suggest suggests suggested warn warns warned emphasize emphasizes emphasized emphasise emphasised "
    "stressed remarked commented observe observes observed "
    "announce announces announced confirm confirms confirmed deny denies denied concede concedes conceded "
    "countered objected protested boasts boasted "
    "joked repeated reiterate reiterates reiterated conclude concludes concluded "
    "specify specifies specified clarify clarifies clarified promised predicts "
    "predicted informs informed assures assured reported allege alleges "
    "alleged contend contends contended tweets tweeted posted shouted whispered recounted "
    "explaining adding noting saying telling described describes"
).split()
_EN_PHRASES = ("pointed out", "points out", "went on", "goes on", "according to", "spoke to", "told")

_RU_STEMS = (
    "сказал заявил отметил рассказал добавил пояснил подчеркнул сообщил написал ответил признал признал "
    "уточнил заметил объяснил напомнил продолжил возразил посетовал пожаловал утверждал настаивал спросил "
    "предупредил подтвердил опроверг отрицал жаловал поделил говорил считал указал писал просил попросил "
    "потребовал призвал"
).split()
_RU_PRESENT = (
    "говорит заявляет утверждает отмечает рассказывает пишет считает подчеркивает подчёркивает поясняет "
    "добавляет сообщает признает признаёт уточняет напоминает жалуется настаивает спрашивает"
).split()
# Impersonal reporting ("говорится в заявлении", "как сказано в письме"): the speaker is the
# owner of the document named next to the verb, or whoever spoke last.
_RU_IMPERSONAL = "говорится говорилось сказано указано отмечается отмечалось утверждается утверждалось".split()
_RU_PHRASES = ("по словам", "по его словам", "по ее словам", "по её словам", "как сообщил", "как рассказал")

SPEECH_VERB_RE = re.compile(
    r"\b(?<!United )(?:"  # \b first: positions inside words fail at once
    + trie_pattern({v.lower() for v in _EN_VERBS + list(_EN_PHRASES)})
    + r")\b"
    + r"|(?<![\w-])(?:"
    + trie_pattern(_RU_STEMS)
    + r")(?:а|и|о)?(?:сь|ся)?(?![\w-])"
    + r"|(?<![\w-])(?:"
    + trie_pattern(_RU_PRESENT + _RU_IMPERSONAL + list(_RU_PHRASES))
    + r")(?![\w-])",
    re.IGNORECASE,
)

# Verbs whose first following party is the addressee, never the speaker ("told Meduza").
OBJECT_VERBS = frozenset(
    "tell tells told ask asks asked inform informs informed assure assures assured warn warns warned "
    "described describes".split()
)
# Verbs that take an infinitive as reported content ("asked to be referred to as ...").
INFINITIVE_VERBS = frozenset(
    "asked asks promised promises refused refuses offered offers threatened threatens agreed agrees "
    "declined declines demanded demands urged urges vowed vows".split()
)
# Nouns that carry a "that"-clause as a statement ("sent confirmation to X that ...").
STATEMENT_NOUN_RE = re.compile(
    r"\b(?:confirmation|statement|letter|message|notice|notification|assurance|complaint|appeal|"
    r"announcement|response|reply|memo|claim|заявлени\w*|письм\w*|сообщени\w*|ответ\w*)\b",
    re.IGNORECASE,
)

# Cues introducing the addressee of a statement; the nearest party after the cue is the audience.
AUDIENCE_CUE_RE = re.compile(
    r"\b(?:told|tells|tell|informed|assured|wrote to|said to|complained to|explained to|confirmed to|"
    r"admitted to|spoke to|speaking to|speaking with|talking to|talking with|spoke with|talked to|"
    r"interviewed by|(?:said|explained|noted|added|claimed|stated|replied|responded|wrote|complained|"
    r"confirmed|admitted|denied|insisted|argued)\s+(?:in\s+\w+\s+)?to|"
    r"in\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?(?:interview|conversation|comment|commentary|"
    r"statement|letter|e-?mail|message|talk|chat|call|correspondence)s?\s+(?:to|with|for|by))\b"
    r"|(?<![\w-])(?:в\s+(?:беседе|разговоре|интервью|комментарии|письме)(?:\s+(?:с|для))?|"
    r"(?:сказал|рассказал|заявил|сообщил|пояснил|признался|ответил|написал|подтвердил|пожаловался|"
    r"отметил|добавил|объяснил|уточнил)(?:а|и)?)(?![\w-])",
    re.IGNORECASE,
)

# Words after which a quoted span names something (a work, an award, a firm), or is an epithet.
TITLE_CUE_RE = re.compile(
    r"\b(?:titled|entitled|called|named|dubbed|headlined|slogan|motto|conference|exhibition|forum|"
    r"festival|summit|congress|medal|award|prize|certificate|diploma|order|book|novel|film|movie|"
    r"documentary|series|show|programme|program|project|company|firm|corporation|organization|"
    r"organisation|movement|party|newspaper|magazine|outlet|channel|website|operation|campaign|hashtag|"
    r"brand|known\s+as|referred\s+to\s+as|described\s+\w+(?:\s+\w+)?\s+as|as\s+an?|as\s+the|as|"
    r"so-called|term|word|phrase|label|status|category|list|register|registry|"
    r"под\s+названием|названием|названи\w+|компани\w+|ООО|ОАО|ЗАО|ПАО|АО|НКО|фонд\w*|газет\w+|журнал\w*|"
    r"издани\w+|движени\w+|парти\w+|организаци\w+|конференци\w+|форум\w*|выставк\w+|медал\w+|"
    r"преми\w+|орден\w*|грамот\w+|книг\w+|фильм\w*|проект\w*|так\s+называем\w+|как|статус\w*|реестр\w*)"
    r"(?:\s+of\s+merit|\s+of\s+honou?r)?\W*$",
    re.IGNORECASE,
)

IMPERSONAL_VERBS = frozenset(_RU_IMPERSONAL)
# Phrases that name the source of what follows ("according to X, …", "по словам X, …").
ACCORDING_RE = re.compile(r"according to|по словам|по (?:его|ее|её|их) словам", re.IGNORECASE)
# Verbs by which a speaker characterises something "as" a quoted phrase: not a title cue.
DESCRIBE_RE = re.compile(r"\b(?:described|describes|describing|characteri[sz]ed|portrayed)\b", re.IGNORECASE)
# Role nouns that may stand for a person named earlier ("said the minister", "заявил депутат").
RU_ROLE_STEMS = (
    "депутат", "министр", "замминистр", "адвокат", "юрист", "директор", "председател", "глав",
    "руководител", "представител", "пресс-секретар", "прокурор", "судь", "сенатор", "губернатор",
    "мэр", "чиновник", "эксперт", "аналитик", "основател", "учредител", "журналист", "бизнесмен",
    "предпринимател", "посол", "следовател", "активист", "политик", "владел", "защитник",
)
# Document nouns after an impersonal verb: "говорится в заявлении", "в посте", "в письме".
RU_DOCUMENT_RE = re.compile(
    r"(?<![\w-])во?\s+(?:(?:своём|своем|его|её|ее|их|этом|том|том же|одном)\s+)?"
    r"(?:заявлени|сообщени|письм|пост|публикаци|документ|ответ|релиз|обращени|решени|протокол|отчёт|отчет|"
    r"материал|записи|блог|канал|телеграм|telegram)[\w-]*",
    re.IGNORECASE,
)

PERSON_PRONOUN_RE = re.compile(r"(?<![\w-])(?:he|she|он|она)(?![\w-])", re.IGNORECASE)
THAT_RE = re.compile(r"(?<![\w-])(?:that|что|будто)(?![\w-])", re.IGNORECASE)
PREPOSITION_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:to|with|from|by|of|for|at|in|on|about|against|through|и|о|об|с|со|от|для|к|у|в)\s*$",
    re.IGNORECASE,
)
POSSESSIVE_AFTER_RE = re.compile(r"^(?:['’]s?\b)")


def speech_verbs(text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
    """All speech-verb matches in ``text[start:end]`` (offsets stay absolute)."""
    return list(SPEECH_VERB_RE.finditer(text, start, len(text) if end is None else end))


def is_object_verb(verb: str) -> bool:
    return verb.lower() in OBJECT_VERBS

# A relative or participial clause set off by commas ("X, by whose initiative Y wrote, said"; "X, по
# инициативе которого Y …, считает"): a party inside it is never the subject of the main verb.
RELATIVE_WORD_RE = re.compile(
    r"(?<![\w-])(?:who|whose|whom|which|where|когда|котор\w+|чь\w+|чей|где)(?![\w-])", re.IGNORECASE
)


def in_relative_clause(text: str, lo: int, start: int, end: int, verb_start: int) -> bool:
    """The span ``start:end`` lies in a comma-delimited relative clause between ``lo`` and the
    verb at ``verb_start``: a relative word after the last comma before it, and a comma after it."""
    head = text[lo:start]
    comma = head.rfind(",")
    if comma < 0 or "," not in text[end:verb_start]:
        return False
    return RELATIVE_WORD_RE.search(head[comma:]) is not None


def is_role_word(word: str) -> bool:
    """A role noun ("minister", "lawyer", "депутата"), quotes and punctuation ignored."""
    return _is_role_word(word.strip(".,«»“”\"").lower())


@functools.lru_cache(maxsize=16384)
def _is_role_word(word: str) -> bool:
    return word in ROLE_HEADS or (not word.isascii() and any(word.startswith(stem) for stem in RU_ROLE_STEMS))
