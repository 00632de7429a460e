"""Head nouns and legal-form markers that tell what kind of organisation a name denotes."""

# A name headed by one of these is a state body (FtM PublicBody).
PUBLIC_BODY_HEADS = frozenset(
    """ministry ministries agency service department bureau inspectorate directorate administration
    government parliament duma senate assembly council court tribunal prosecutor prosecutor's procuracy
    police gendarmerie guard army navy military embassy consulate office cabinet presidency kremlin
    treasury customs commissariat rosgvardia legislature congress authority regulator ombudsman""".split()
)
# "Committee"/"Commission" name a state body only with one of these words in the name.
STATE_WORDS = frozenset(
    """state federal investigative parliamentary election electoral central national government
    governmental european presidential regional municipal city public""".split()
)
COMMITTEE_HEADS = frozenset({"committee", "commission"})

# Fields that name a ministry in lower case ("the economy ministry", "the foreign ministry").
MINISTRY_FIELDS = frozenset(
    """economy economic finance finances foreign interior defence defense justice health education energy
    transport transportation culture agriculture labour labor trade industry environment emergencies
    communications digital housing tourism sport sports science infrastructure mines mining""".split()
)

# Common nouns that introduce a state body in an apposition ("the censorship agency, X").
PUBLIC_BODY_NOUNS = frozenset(
    """agency ministry regulator watchdog service department bureau inspectorate authority authorities
    directorate body court prosecutor's prosecutors police""".split()
)
COMPANY_NOUNS = frozenset("company firm business corporation enterprise contractor subsidiary".split())

# Legal-form markers (before or after the name) that make a name a Company.
COMPANY_FORMS = frozenset(
    """llc ltd ltd. limited inc inc. corp corp. co. plc gmbh ag sa s.a. sia ooo oao zao pao ao jsc ojsc
    cjsc pjsc bv b.v. nv srl spa s.p.a. oy ab as a/s kg llp lp pte pty sarl sas pmc holding holdings
    fze fzco fzc fzllc dmcc bhd sdn d.o.o. kft zrt ооо ано оао зао пао ао нко ип тоо""".split()
)

# Head nouns of organisations that are not state bodies (used to grow and classify names).
ORGANISATION_HEADS = frozenset(
    """foundation fund movement center centre institute association union society party front league
    committee commission council network group alliance coalition federation organization organisation
    club charity trust academy university school college bank corporation company project initiative
    campaign times post news journal review media agency publication newspaper magazine radio tv
    television channel broadcaster""".split()
)

# How legal forms are written in running text. Short forms count only in capitals ("AS", "SA"),
# so the English words "as"/"co" never make a company.
COMPANY_FORMS_CASED = frozenset(
    {f.upper() for f in COMPANY_FORMS}
    | {
        "Ltd",
        "Ltd.",
        "Limited",
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Co.",
        "GmbH",
        "Holding",
        "Holdings",
        "Pte",
        "Pty",
        "Sarl",
        "S.p.A.",
        "B.V.",
        "N.V.",
        "S.A.",
    }
)

# Heads of names that are places, events, works or products, never parties.
NON_PARTY_HEADS = frozenset(
    """hotel airport station square street avenue road bridge park stadium arena palace hall
    conference forum summit festival exhibition expo olympics games championship cup tournament
    prize award medal order war revolution treaty agreement act law constitution declaration protocol
    day week month year river lake sea mountain island region province oblast krai district zone
    port harbour harbor terminal canal strait gulf bay""".split()
)

# Platforms and generic networks: not parties of a case.
PLATFORMS = frozenset(
    """internet web facebook twitter x instagram youtube telegram whatsapp tiktok vkontakte vk
    odnoklassniki linkedin google skype viber signal reddit""".split()
)

# Last words that make an organisation name a business (FtM Company): "Caspian Meridian Bank",
# "Orla Marine Holdings", "Bellavista Consulting", "Tarnell Group".
COMPANY_HEADS = frozenset(
    """bank banks holding holdings group shipping trading traders consulting consultancy consultants capital
    partners partner investments investment industries logistics management maritime marine petroleum oil
    gas airlines airways motors pharma pharmaceuticals technologies technology systems solutions ventures
    enterprises resources mining construction insurance securities properties realty developers chemicals
    steel metals telecom communications brokers brokerage lending finance financial exports imports
    commodities energy agro foods""".split()
)

# Common nouns that say, in an apposition, what kind of party a name is ("X, a Cypriot lender";
# "the German manufacturer X"). Person role words live in ``vocab.roles``.
COMPANY_APPOSITION_NOUNS = frozenset(
    """company firm business corporation enterprise contractor subsidiary lender bank manufacturer maker
    distributor supplier producer insurer conglomerate consultancy shipowner carrier airline retailer
    wholesaler developer operator exporter importer fund-manager startup start-up""".split()
)
# Of those, the agent nouns a person can be too ("the developer X", "X, a supplier of parts"):
# they mark a company only when the name does not read as a person's.
AGENT_APPOSITION_NOUNS = frozenset(
    """contractor lender manufacturer maker distributor supplier producer shipowner carrier retailer wholesaler
    developer operator exporter importer""".split()
)
ORGANISATION_APPOSITION_NOUNS = frozenset(
    """group organisation organization charity ngo non-profit nonprofit foundation institute think-tank
    association network coalition movement campaign initiative party union club society outlet newspaper
    broadcaster magazine newsletter website""".split()
)
KINSHIP_NOUNS = frozenset(
    """wife husband son daughter sister brother mother father nephew niece cousin uncle aunt widow widower
    brother-in-law sister-in-law son-in-law daughter-in-law father-in-law mother-in-law partner girlfriend
    boyfriend stepson stepdaughter grandson granddaughter""".split()
)
# Nouns that introduce a ship's name: "the tanker X" names a vessel, not a party.
VESSEL_NOUNS = frozenset(
    "tanker supertanker vessel ship yacht superyacht freighter bulker trawler ferry barge frigate".split()
)

# Last words of newspaper and magazine names, which reporters shorten to "the Courier", "the Times".
MEDIA_HEADS = frozenset(
    """times post news journal review courier gazette herald telegraph tribune chronicle guardian observer
    mail express standard record monitor ledger independent mirror sun star globe inquirer bulletin
    dispatch wire""".split()
)
