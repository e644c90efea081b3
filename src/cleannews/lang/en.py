"""English: the vocabulary the quote finder's attribution grammar is written in.

Moved here from `cleannews.quotes.words` unchanged (the lists and where each came
from); `QUOTES` at the end names them by concern. The sources: the attribution
verbs of news style guides (AP stylebook, Reuters handbook), and what showed up
in the mistakes on the PolNeAR dev split's tune half.

Besides `QUOTES`, the module holds the language's other concerns (`STOPWORDS`,
`RELATED`, `DUMPS`, `FURNITURE`; the table in `cleannews.lang`).
"""

from __future__ import annotations

from types import MappingProxyType

from cleannews.lang.base import DumpWords, FurnitureWords, QuoteWords, RelatedWords, StopWords, words

# --- speech cues ------------------------------------------------------------
# Verbs of saying and writing (AP attribution verbs, Reuters handbook, and the
# cue verbs of the PolNeAR dev split), all inflections listed so no stemming is
# needed. Lower case; matched on lower-cased tokens.
_CUE_STEMS = (
    # base, 3rd person, past, participle
    ("say", "says", "said", "saying"),
    ("add", "adds", "added", "adding"),
    ("tell", "tells", "told", "telling"),
    ("warn", "warns", "warned", "warning"),
    ("note", "notes", "noted", "noting"),
    ("ask", "asks", "asked", "asking"),
    ("explain", "explains", "explained", "explaining"),
    ("state", "states", "stated", "stating"),
    ("write", "writes", "wrote", "writing"),
    ("tweet", "tweets", "tweeted", "tweeting"),
    ("post", "posts", "posted", "posting"),
    ("declare", "declares", "declared", "declaring"),
    ("announce", "announces", "announced", "announcing"),
    ("argue", "argues", "argued", "arguing"),
    ("insist", "insists", "insisted", "insisting"),
    ("claim", "claims", "claimed", "claiming"),
    ("suggest", "suggests", "suggested", "suggesting"),
    ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    ("admit", "admits", "admitted", "admitting"),
    ("recall", "recalls", "recalled", "recalling"),
    ("continue", "continues", "continued", "continuing"),
    ("conclude", "concludes", "concluded", "concluding"),
    ("reply", "replies", "replied", "replying"),
    ("respond", "responds", "responded", "responding"),
    ("answer", "answers", "answered", "answering"),
    ("shout", "shouts", "shouted", "shouting"),
    ("yell", "yells", "yelled", "yelling"),
    ("quip", "quips", "quipped", "quipping"),
    ("joke", "jokes", "joked", "joking"),
    ("remark", "remarks", "remarked", "remarking"),
    ("observe", "observes", "observed", "observing"),
    ("emphasize", "emphasizes", "emphasized", "emphasizing"),
    ("emphasise", "emphasises", "emphasised", "emphasising"),
    ("stress", "stresses", "stressed", "stressing"),
    ("predict", "predicts", "predicted", "predicting"),
    ("boast", "boasts", "boasted", "boasting"),
    ("complain", "complains", "complained", "complaining"),
    ("concede", "concedes", "conceded", "conceding"),
    ("contend", "contends", "contended", "contending"),
    ("counter", "counters", "countered", "countering"),
    ("caution", "cautions", "cautioned", "cautioning"),
    ("urge", "urges", "urged", "urging"),
    ("vow", "vows", "vowed", "vowing"),
    ("promise", "promises", "promised", "promising"),
    ("pledge", "pledges", "pledged", "pledging"),
    ("maintain", "maintains", "maintained", "maintaining"),
    ("assert", "asserts", "asserted", "asserting"),
    ("allege", "alleges", "alleged", "alleging"),
    ("charge", "charges", "charged", "charging"),
    ("testify", "testifies", "testified", "testifying"),
    ("confirm", "confirms", "confirmed", "confirming"),
    ("deny", "denies", "denied", "denying"),
    ("muse", "muses", "mused", "musing"),
    ("exclaim", "exclaims", "exclaimed", "exclaiming"),
    ("whisper", "whispers", "whispered", "whispering"),
    ("sing", "sings", "sang", "singing"),
    ("read", "reads", "read", "reading"),
    ("proclaim", "proclaims", "proclaimed", "proclaiming"),
    ("reiterate", "reiterates", "reiterated", "reiterating"),
    ("mention", "mentions", "mentioned", "mentioning"),
    ("describe", "describes", "described", "describing"),
    ("call", "calls", "called", "calling"),
    ("label", "labels", "labeled", "labeling"),
    ("dub", "dubs", "dubbed", "dubbing"),
    ("brand", "brands", "branded", "branding"),
    ("dismiss", "dismisses", "dismissed", "dismissing"),
    ("accuse", "accuses", "accused", "accusing"),
    ("criticize", "criticizes", "criticized", "criticizing"),
    ("blast", "blasts", "blasted", "blasting"),
    ("praise", "praises", "praised", "praising"),
    ("demand", "demands", "demanded", "demanding"),
    ("agree", "agrees", "agreed", "agreeing"),
    ("report", "reports", "reported", "reporting"),
    ("express", "expresses", "expressed", "expressing"),
    ("voice", "voices", "voiced", "voicing"),
    ("question", "questions", "questioned", "questioning"),
    ("wonder", "wonders", "wondered", "wondering"),
    ("hint", "hints", "hinted", "hinting"),
    ("chant", "chants", "chanted", "chanting"),
    ("scream", "screams", "screamed", "screaming"),
    ("cry", "cries", "cried", "crying"),
    ("rule", "rules", "ruled", "ruling"),
    ("find", "finds", "found", "finding"),
    ("quote", "quotes", "quoted", "quoting"),
    ("speak", "speaks", "spoke", "speaking"),
    ("tout", "touts", "touted", "touting"),
    ("lament", "laments", "lamented", "lamenting"),
    ("point", "points", "pointed", "pointing"),  # "pointed out"
    ("liken", "likens", "likened", "likening"),
    ("compare", "compares", "compared", "comparing"),
    # verbs of public judgement that frame a quoted phrase ("condemned the
    # test as "..."", "a friend commented: "...""), from the AP stylebook's
    # "said" entry and its list of loaded attribution verbs
    ("comment", "comments", "commented", "commenting"),
    ("condemn", "condemns", "condemned", "condemning"),
    ("denounce", "denounces", "denounced", "denouncing"),
    ("decry", "decries", "decried", "decrying"),
    ("slam", "slams", "slammed", "slamming"),
    ("hail", "hails", "hailed", "hailing"),
    ("mock", "mocks", "mocked", "mocking"),
    ("ridicule", "ridicules", "ridiculed", "ridiculing"),
)

# Cue words too common as something else to count on their own, without a
# speaker right next to them ("the state", "a post", "the report", "a call").
WEAK_CUES = words(
    """
    state states post posts report reports counter question questions charge charges
    read reads find finds rule rules point points brand brands call calls note notes
    quote quotes found ruling finding reading calling pointing question
    voice voices cry remark remarks claim claims promise promises pledge pledges
    warning warnings answer answers reply replies vow vows demand demands joke jokes
    tweet tweets comment comments stress
    """
)

# Nouns of saying whose owner is the speaker when a content clause follows
# ("Trump's claim that ...", "the minister's warning that ..."); the nouns of
# the cue verbs above, from the same style-guide lists.
SPEECH_NOUNS = words(
    """
    claim claims assertion assertions statement remark remarks comment comments
    warning promise pledge prediction suggestion insistence argument allegation
    allegations charge boast vow contention declaration announcement admission
    """
)

# Words between a speaker and its cue verb or after the cue ("he also said",
# "she has long argued", "Blinken said Thursday").
SKIP_BEFORE_CUE = words(
    """
    also later then once has had have was were is are would will could 'd 's
    previously recently again further simply just quickly flatly immediately
    repeatedly often frequently long never always herself himself themselves
    ’s 're ’re ’d ’ve 've been
    has've had've subsequently earlier famously reportedly publicly privately
    """
)

# Relative pronouns between a speaker and its cue ("the agency, which
# reported", "a lawyer who told"): the speaker is their antecedent.
RELATIVE_PRONOUNS = words("who which that")

# Honorifics and ranks that precede a name; kept out of the name itself.
HONORIFICS = words(
    """
    mr mrs ms miss dr prof sen rep gov lt gen col capt cmdr adm sgt maj cpl pvt
    del rev fr sr st hon amb supt insp det atty pres sec sens reps
    """
)

# Title words that make up roles ("US Secretary of State", "Trump campaign
# spokesman", "House editor"): the part of a speaker phrase before the name.
ROLE_WORDS = words(
    """
    president vice prime minister secretary senator sen rep representative
    congressman congresswoman governor gov mayor chairman chairwoman chair
    spokesman spokeswoman spokesperson director leader lawyer attorney
    adviser advisor aide official officials analyst expert professor judge
    justice chief executive ceo founder manager strategist commissioner
    ambassador envoy general admiral colonel lieutenant captain sergeant
    commander speaker whip moderator host anchor editor reporter correspondent
    historian economist scientist researcher candidate nominee counselor
    counsel deputy assistant head member pastor bishop pope king queen prince
    princess chancellor premier foreign defense defence interior treasury
    press state retired former acting interim senior junior campaign staff
    staffer operative pollster consultant organizer activist administrator
    superintendent sheriff officer inspector detective prosecutor solicitor
    treasurer auditor comptroller clerk delegate del lt gen col capt adm
    coach owner partner president-elect vice-president first lady fellow
    communications communication national security homeland attorney-general
    source sources insider insiders
    councillor councilor councilman councilwoman councillors alderman alderwoman
    legislator legislators lawmaker lawmakers mp mps mep meps assemblyman
    assemblywoman selectman magistrate governor-general minister-president
    house white supreme court majority minority party republican democratic
    democrat republicans democrats gop u.s us uk un eu
    """
) | words(
    # Nouns for people by relation or occupation that head a described speaker
    # ("Gary Johnson's doctor", "9/11 widow Terry Strada", "another critic,
    # Laurence Tribe,"); from the described speakers of the polnear-dev tune
    # half and the AP stylebook's list of common attributions.
    """
    doctor physician nurse critic critics widow widower mother father wife
    husband son daughter sister brother parent parents friend neighbor
    neighbour resident residents voter voters supporter supporters opponent
    opponents rival rivals veteran student teacher worker workers owner witness victim
    survivor protester protesters organizer donor lawmaker lawmakers
    """
)

# Nouns of documents and outlets that "say" things; "the statement added" is
# the statement's issuer speaking.
DOCUMENT_NOUNS = words(
    """
    statement statements report reports ruling brief letter release memo
    filing order opinion decision study survey poll complaint lawsuit tweet
    tweets post editorial article analysis document email message note
    transcript announcement communique communiqué declaration motion affidavit
    indictment verdict judgment judgement suit petition video ad advertisement
    book column interview speech testimony clip footage film documentary
    commercial story piece headline
    """
)

# Heads of organisation names and group nouns: such speakers are not "he"/"she".
ORG_WORDS = words(
    """
    department ministry agency news times post journal court party campaign
    committee house association institute university council government office
    commission military army navy police administration company corporation
    inc corp group foundation center centre network press bureau service
    services board union league federation organization organisation embassy
    staff team network channel newspaper magazine tribune herald daily gazette
    associated reuters ap afp cnn nbc abc cbs fox msnbc bbc
    white senate congress parliament cabinet kremlin pentagon united
    """
) | words(
    # More heads of organisation names (coalitions, clubs, caucuses, funds,
    # firms), from the AP stylebook's entries on organisations.
    """
    coalition club caucus alliance society fund firm bank trust council
    conference chamber movement initiative project
    """
)

# Last words of place names ("Lincoln Memorial Park", "Elm Street"): such a
# run of capitals is no person, so no "he"/"she" stands for it. Common heads
# of US place names (USGS feature classes, street suffixes of the USPS list);
# a run opening with a given name ("Sandra Park") stays a person.
PLACE_WORDS = words(
    """
    park street avenue road boulevard square plaza bridge river lake mountain
    county hall stadium arena airport station building tower island beach
    valley bay creek canyon harbor highway parkway memorial cemetery
    """
)

# Capitalised words that start sentences and are not names ("But Flynn said").
FUNCTION_CAPS = words(
    """
    a an the but and or so yet in on at of for from by with as after before
    when while since although though if because then still also however
    meanwhile earlier later last this that these those there here his her its
    their our my your speaking asked told according during under over about
    into onto upon without within between among against toward towards
    instead even just only now today yesterday tomorrow tonight what who whom
    earlier later meanwhile finally
    whose which where why how it we they i you he she yes no not nor
    """
)

DETERMINERS = words("the a an this that these those his her its their our my your one another")

# Prepositions that may continue a speaker phrase before its cue ("Mr. Morgan
# of the Sierra Club said", "a narrator in the ad asks").
NP_PREPOSITIONS = words("of in at for from on with")

# Contractions split off a pronoun ("He's claiming", "She'd said").
CLITICS = ("'s", "’s", "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve")

# Capitalised words that are times, not names ("said Thursday").
TIME_WORDS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """
)

TIME_TAIL = words("morning afternoon evening night")

# Words ending a sentence that are abbreviations, not the end ("Mr. Obama").
ABBREVIATIONS = words(
    """
    mr mrs ms dr prof sen rep gov lt gen col capt cmdr adm sgt maj st jr sr
    inc co corp ltd no vs etc mt ft jan feb mar apr jun jul aug sep sept oct nov
    dec approx dept est fig hon messrs mme mlle rev del sens reps
    """
)

# Words that end the speaker phrase looked for after a cue ("said Fallon, who").
NP_STOPS = words(
    """
    who which that whose whom in on at during while when after before because
    and but or as to for with from about since if than told said says added
    """
)

# Quoted titles of shows, books, articles ("Face the Nation," "Reeks of
# Fear."): every word capitalised but these, which title case (AP and Chicago
# style) keeps lower (the word limit is the quote finder's). Without a cue right next
# to them such quotes are names of works, not speech.
TITLE_LOWER_WORDS = words("a an the and but or nor for of in on at to by as with from vs via")

# Capitalised sentence openers that start an introductory phrase, so the
# subject comes after its comma ("During a speech in Ohio, Trump said"), within
# a few tokens (the limit is the quote finder's).
INTRO_WORDS = words(
    """
    in on at of for from by with after before when while since although though
    if because during under over about without within between among against
    toward towards as speaking asked
    """
)

# Cue verbs that may come before their speaker in front of a quote ("said
# Fallon: ..."); the rest only count with the speaker before them.
INVERTED_CUES = words("said says added adds wrote writes asked asks continued recalled explained replied")

# A sentence-final attribution ("..., Warren said in an interview.") may end
# in one short phrase opened by these; up to this many tokens (AP style puts
# the place or medium of a statement there: "in a statement", "on Twitter",
# "at a rally in Ohio").
TAIL_PREPOSITIONS = words("in on at during to after before via")

# Auxiliaries that make an -ing cue finite ("Clinton is describing ... as").
PROGRESSIVE_AUX = words("is are was were been be 's ’s 're ’re")

# Forms of "be" that make a past participle after them passive ("was
# ridiculed", "is called"): the subject is then who was spoken of. Not the
# clitic 's, which is as often "has" ("he's said").
PASSIVE_AUX = words("is are was were be been being")

# Auxiliaries that make the next word a verb: a weak cue after one is a cue
# verb, not the noun it could also be ("is calling", "has charged", "will
# note"). English auxiliaries and modals.
VERBAL_AUX = PROGRESSIVE_AUX | words("has have had will would could should can may might must 'd ’d 've ’ve")

# Suffixes of agent nouns that can speak when they are the head of "the ...":
# "the announcer", "the narrator", "the businessman" (but not "the box").
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person", "ee", "ess", "ive")

# Given names with a clear gender, for "she said" after a woman's name and
# "he said" after a man's. Common names of US Social Security birth records
# (1940-2000 top lists), trimmed to the unambiguous ones.
FEMALE_NAMES = words(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda
    melissa deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela
    helen anna brenda pamela nicole emma samantha katherine christine debra rachel
    catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia
    kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline
    frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
    judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
    natalie isabella charlotte rose alexis kayla hillary chelsea michele nikki sheryl
    elena sonia loretta gwen claire debbie marsha jeanne eleanor sylvia jill tina jen
    melanie dana gretchen katrina susana valerie wendy yvonne tracy monica erin vanessa
    tiffany crystal tamara kristen kristin lori holly april jenna jane joanne
    """
)

MALE_NAMES = words(
    """
    james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
    raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
    kyle ethan walter noah jeremy christian keith roger gerald harold sean austin
    carl arthur lawrence dylan jesse bryan billy joe bruce gabriel logan albert
    willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
    philip louis mike chris ted tim bill jim tom dick harry ben matt chuck lloyd
    marc jon josh rick greg jeff steve dave dan tony ken doug fred howard martin
    victor todd troy shawn curtis glenn craig ray phillip luke ian neil
    """
)

# Phrases introducing the speaker after them: "according to X", "per X".
PREFIX_CUES = MappingProxyType({"according": ("to",), "per": ()})

PRONOUNS_FEMALE = words("she")
PRONOUNS_MALE = words("he")
PRONOUNS_GROUP = words("they we")
PRONOUNS_THING = words("it")
PRONOUNS_OTHER = words("i you")

# Finite cue forms (the "Blinken said" verb) and -ing forms (which take the
# subject of the clause they hang on: "..., saying, "...").
CUE_WORDS = frozenset(w for stem in _CUE_STEMS for w in stem[:3])
PARTICIPLE_CUES = frozenset(stem[3] for stem in _CUE_STEMS)
# Right after a closing mark ('"...," reported Reuters', '"...," warned the
# minister') any finite cue verb may come before its speaker: the quote itself
# is the verb's object, so the phrase after it is the subject. Weak cues (nouns
# as often) stay out.
INVERTED_AFTER_QUOTE = INVERTED_CUES | frozenset(w for stem in _CUE_STEMS for w in stem[1:3] if w not in WEAK_CUES)

# Determiners that open a speaker phrase after a cue ("said the ruling"); not
# "that" ("said that ...").
FORWARD_DETERMINERS = words("the a an his her its their our my your another one two three several some many both")

# Particles of names as English copy writes them (Arabic names; "Prince of Wales").
NAME_PARTICLES = words("bin ibn al el of y")

QUOTES = QuoteWords(
    speech_verbs=CUE_WORDS,
    participles=PARTICIPLE_CUES,
    inverted_cues=INVERTED_CUES,
    inverted_after_quote=INVERTED_AFTER_QUOTE,
    weak_cues=WEAK_CUES,
    speech_nouns=SPEECH_NOUNS,
    prefix_cues=PREFIX_CUES,
    definite_articles=words("the"),
    indefinite_articles=words("a an another"),
    relative_pronouns_after_name=words("who which"),
    role_words=ROLE_WORDS,
    honorifics=HONORIFICS,
    name_particles=NAME_PARTICLES,
    time_words=TIME_WORDS,
    time_words_as_names=words("jan may june april august"),
    pronouns_female=PRONOUNS_FEMALE,
    pronouns_male=PRONOUNS_MALE,
    female_names=FEMALE_NAMES,
    male_names=MALE_NAMES,
    org_words=ORG_WORDS,
    role_links=words("of for"),
    coordinators=words("and"),
    function_caps=FUNCTION_CAPS,
    determiners=DETERMINERS,
    forward_determiners=FORWARD_DETERMINERS,
    np_prepositions=NP_PREPOSITIONS,
    np_stops=NP_STOPS,
    skip_before_cue=SKIP_BEFORE_CUE,
    relative_pronouns=RELATIVE_PRONOUNS,
    pronouns_group=PRONOUNS_GROUP,
    pronouns_thing=PRONOUNS_THING,
    pronouns_other=PRONOUNS_OTHER,
    document_nouns=DOCUMENT_NOUNS,
    place_words=PLACE_WORDS,
    intro_words=INTRO_WORDS,
    tail_prepositions=TAIL_PREPOSITIONS,
    progressive_aux=PROGRESSIVE_AUX,
    passive_aux=PASSIVE_AUX,
    verbal_aux=VERBAL_AUX,
    time_tail=TIME_TAIL,
    title_lower_words=TITLE_LOWER_WORDS,
    abbreviations=ABBREVIATIONS,
    agent_suffixes=AGENT_SUFFIXES,
    clitics=CLITICS,
)

STOPWORDS = StopWords(
    frequent=words(
        """
        the of and to a in is it that was for on are as with he be at by this had not but from
        or have an they which one you were her all she there would their we him been has when
        who will more no if out so said what up its about into than them can only other new some
        could time these two may then do first any my now such like our over man me even most
        made after also did many before must through back years where much your way well down
        should because each just those people how too little state good very make world still
        own see men work long get here between both life being under never day same another know
        while last might us great old year off come since against go came right used take three
        says i his
        """
    ),
    distinctive=words("the and of to is that for with was on are this have from by"),
)

RELATED = RelatedWords(
    headings=(
        r"related(?: (?:articles?|stories|posts|news|content|coverage|reading|links))?",
        r"recommended(?: (?:articles?|stories|for you|reading|videos?))?",
        r"(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in))",
        r"more (?:from|in|on|about|stories|news|articles|headlines|to read|coverage)(?: .{1,40})?",
        r"more",
        r"(?:read|watch) next",
        r"also (?:read|see|on)",
        r"see also",
        r"trending(?: now| stories| news| topics)?",
        r"most (?:read|popular|viewed|shared|commented)",
        r"top stories",
        r"popular (?:stories|now|posts)",
        r"editor'?s picks?",
        r"latest (?:news|stories|articles|videos)",
    ),
)


DUMPS = DumpWords(
    published=("published", "posted", "first published", "publish date", "date", "on"),
    updated=("updated", "last updated", "modified", "last modified", "edited"),
    month_prefixes=("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    relative_days=("yesterday", "today", "ago"),
    byline_intros=(r"(?:reported|written|posted|compiled|edited|produced) by", "by", "text", "author"),
    credit_words=("image", "photo", "picture", "credit", "source", "photograph", "illustration"),
)


FURNITURE = FurnitureWords(
    ad_labels=(r"advert(?:isement)?s?", r"sponsored(?: content)?", "ad"),
    share_verbs=("share",),
    share_words=("this", "on", "via", "the", "article", "story", "post", "now", "it"),
    credit_words=("image", "photo", "picture", "pic", "credit", "source"),
    dated_labels=("published", "updated", "posted", "modified"),
    date_prepositions=(" on", " at"),
    back_to_top=(r"skip to (?:main )?content", "back to top"),
)
