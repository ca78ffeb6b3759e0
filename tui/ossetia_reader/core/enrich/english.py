"""The English words quote attribution reads, kept as data.

``quotes.py``, ``speakers.py`` and ``transcripts.py`` hold the logic; what
is particular to English (cue verbs, pronouns, role nouns such as "Head of
State", the labels of interview transcripts) lives here, so another
language's attribution can bring its own lists without touching the logic.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The words of ``text`` as a set (the lists below are written as plain text)."""
    return frozenset(text.split())


_words = words


# Verbs that report speech ("…," she *said*). Lower case; matched case-insensitively.
CUE_VERBS = _words(
    "said says say told tells added adds stated states declared declares announced "
    "announces wrote writes tweeted tweets posted asked asks replied replies responded "
    "continued explained explains noted notes insisted insists argued argues warned warns "
    "stressed stresses emphasized emphasised claimed claims admitted admits acknowledged "
    "acknowledges recalled recalls complained complains suggested suggests commented "
    "remarked confirmed confirms denied denies promised promises vowed vows predicted "
    "predicts concluded described describes called calls denounced denounces urged urges "
    "quipped joked shouted yelled cried whispered conceded concedes boasted boasts pledged "
    "pledges testified agreed agrees disagreed observed observes countered counters "
    "reiterated reiterates mused muses saying asking adding telling writing noting arguing "
    "explaining insisting warning declaring tweeting responding replying recalling "
    "emphasizing emphasising stressing underlined underscored asserted asserts assured "
    "assures maintained contended cautioned lamented concludes indicated indicates"
)
# After these verbs the following noun phrase is the listener, not the speaker.
ADDRESSED_VERBS = _words("told tells telling asked asks asking urged urges called calls")
# Third-person pronouns that stand for a speaker named earlier.
HE = _words("he He")
SHE = _words("she She")
# First person: the speaker of the transcript turn it is in, else nobody.
FIRST_PERSON = _words("I we We")
# Words that may stand between a speaker and the cue verb ("Yermak *also* said").
SUBJECT_GAP_WORDS = _words(
    "also has had have was is were are then later again further once repeatedly previously "
    "earlier recently reportedly personally publicly will would could may might once already "
    "separately additionally subsequently in turn particular particularly especially moreover "
    "however too still even just now today yesterday been being additionally specifically "
    "clearly firmly briefly explicitly openly himself herself themselves itself"
)
# Phrases that may stand between a speaker and the cue verb ("Bryne *went on to* say").
SUBJECT_GAP_PHRASES = re.compile(
    r"\b(?:went on to|goes on to|go on to|continued by|continues by|was quick to|"
    r"did not|didn't|has since|"
    r"(?:(?:on|late|early|earlier|last|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?)\s*$",
    re.IGNORECASE,
)
# Abbreviated titles ("Gov. Chris Christie" is the governor).
ROLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
    "pres": "president", "amb": "ambassador", "sec": "secretary", "adm": "admiral",
}  # fmt: skip
# Determiners that open a description rather than a name ("the Head of State").
DETERMINERS = _words("the a an another his her their its our this that one")
# Words that open a clause before its subject ("*Then* she added").
LEADING_GAP_WORDS = _words("then and but so also yet later still now meanwhile however")
# Capitalised words that are no name of a speaker ("*This* was stated by …").
NOT_NAMES = _words(
    "this that these those it its they there here we i you he she his her their our "
    "what which who when where why how if as at in on for with from by after before "
    "but and or so yet then also later meanwhile however moreover today yesterday "
    "according mr mrs ms dr"
)
# Nouns ending an organisation's name: "the commission" is the Commission the text named.
ORGANISATION_NOUNS = _words(
    "commission ministry department agency council committee bank authority office union "
    "party court board institute university foundation corporation administration service "
    "association federation organisation organization police army navy embassy government "
    "parliament senate assembly tribunal regulator"
)
# Nouns for the company an article is about ("the company said": the one it made a subject).
COMPANY_NOUNS = _words("company firm carrier airline retailer insurer lender operator")
# Documents that "say" things: their owner speaks ("a NASA statement", "a statement").
DOCUMENT_NOUNS = _words(
    "statement statements release letter email e-mail memo report note notice tweet post "
    "filing communique announcement"
)
# Words opening a subordinate clause: a name after them is not the sentence's subject.
SUBORDINATORS = _words(
    "as when while after before if although though because since until unless once whereas "
    "with without despite like"
)
# Days and months: a capitalised word that is no given name ("Monday Ann Smith").
CALENDAR_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday"
)
# Forms of address before a surname ("MS NAUERT:", "Mr Howard").
HONORIFICS = _words("mr mrs ms miss dr sir dame lord lady prof")
# Words whose full stop does not end a clause ("Sen. Evan Bayh").
ABBREVIATIONS = _words(
    "mr mrs ms dr st jr sr gov sen rep gen col lt sgt prof capt maj adm rev inc corp co ltd "
    "jan feb mar apr jun jul aug sep sept oct nov dec no vs mt ft pres amb sec"
)
# Determiners that open a description kept as written ("a senior official").
DESCRIPTION_OPENERS = _words("the a an another one some several two three my your")
# Determiners of a role that is no particular person ("a minister").
INDEFINITE = _words("a an another some one several many")
# Nouns naming an office or a role: "the Head of State", "the Adviser", "the Minister".
ROLE_NOUNS = _words(
    "head president minister adviser advisor secretary spokesman spokeswoman spokesperson "
    "chairman chairwoman chairperson chair director chief commander governor mayor ambassador "
    "envoy representative ombudsman ombudsperson commissioner speaker leader lady premier "
    "chancellor king queen prince princess pope patriarch prosecutor general officer "
    "official press attorney judge counsel founder ceo executive manager coordinator "
    "negotiator diplomat lawmaker senator congressman congresswoman mp deputies "
    "rapporteur administrator representative admiral vp evp cfo coo cto cmo taoiseach tánaiste "
    "tanaiste"
)
# Nouns for one person that "he"/"she" may stand for when a description is the subject of
# the last reporting clause ("One Chinese journalist said …. "…," he said").
PERSON_NOUNS = ROLE_NOUNS | _words(
    "journalist reporter correspondent editor trader dealer broker banker analyst economist "
    "strategist source insider observer expert specialist consultant lawyer aide assistant "
    "worker employee resident witness man woman student professor scientist researcher "
    "doctor farmer driver owner investor shareholder fan player coach activist member "
    "businessman businesswoman engineer teacher voter supporter critic boss "
    "skipper captain striker forward midfielder defender goalkeeper winger champion star singer "
    "actor actress author writer director producer psychologist passenger customer traveller "
    "traveler"
)
# Modifiers that make a different office ("*Deputy* Head" is not the Head).
ROLE_MODIFIERS = _words(
    "deputy vice first acting former assistant associate interim senior junior honorary "
    "ex co-chair permanent special shadow"
)
# Lower-case words that say which office a role noun is ("the prime minister", "the
# environment minister"): part of the role, matched against the holder's title.
ROLE_QUALIFIERS = _words(
    "prime foreign finance defence defense interior home health environment justice trade "
    "education energy agriculture transport culture sports economy labour labor"
)
# Role phrases that name the same office as another ("Head of State" is the President).
ROLE_SYNONYMS = {
    ("head", "state"): ("president",),
    ("leader", "state"): ("president",),
    ("head", "government"): ("prime", "minister"),
    ("premier",): ("prime", "minister"),
    ("first", "lady"): ("first", "lady"),
}
# Small words inside titles ("Head *of the* Office *of the* President").
TITLE_CONNECTORS = _words("of the to for and on in at de du von der van")
# First names ending in -a that are men's (Slavic usage): "he" may stand for them.
MALE_NAMES_IN_A = _words(
    "nikita ilya ilia luka kuzma foma savva mykola mikola joshua jonah andrea luca krishna "
    "rama aditya surya chaitanya yahya mustafa hamza musa isa osama ezra"
)
# Women's first names not ending in -a (so not caught by that ending): "she" may stand for
# them and "he" may not ("Justine Henin-Hardenne", "Connie Hedegaard", "Coco Gauff").
FEMALE_NAMES = _words(
    "ann anne annie alice alison amy ashley beth betty bridget brooke carol caroline carrie "
    "catherine cathy charlotte chloe christine claire coco connie daisy dawn diane elaine "
    "eleanor elizabeth ellen emily emma evelyn frances grace hannah harriet hazel heather "
    "helen hillary irene isabel jane janet jennifer jenny jill joan joanne josephine judith "
    "judy julie justine karen kate katherine kathleen kay laura lauren lily linda lisa liz "
    "louise lucy madeleine maggie margaret marie marion mary megan melanie michelle molly "
    "nancy natalie nicole patricia pauline rachel ruth sally sarah shirley sophie stephanie "
    "sue susan theresa tracy venus victoire wendy yvonne ingrid astrid brigitte margrethe "
    "agnes gertrude mildred doris dorothy phyllis carly megyn nikki"
)
# Endings of men's first names in -a (Indian: Narendra, Shailendra, Ravindra).
MALE_ENDINGS_IN_A = ("endra", "indra")
# Transcript labels that stand for an unnamed speaker ("Question: …").
GENERIC_LABELS = _words(
    "question questions remark remarks answer reply response comment voice voices q a "
    "interviewer moderator host presenter correspondent journalist reporter audience participant "
    "participants"
)
# Nouns for works and products: a short quote right after one is its title or model name,
# not speech ("the band's upcoming album "How to Dismantle an Atomic Bomb,"", "the SX series
# model "SX-8,"").
WORK_NOUNS = _words(
    "album albums single song songs track film films movie movies documentary book novel "
    "memoir biography musical opera show series sitcom programme program episode game "
    "video magazine column blog podcast model product brand version edition codename "
    "exhibition slogan motto"
)
# Words that always give a name to what follows ("an ad *titled* "…"", "*known as* "…"").
NAMING_WORDS = re.compile(
    r"(?:\b(?:titled|entitled|codenamed|code-named|known as|billed as)|\bso[- ]called)\s*$",
    re.IGNORECASE,
)
# Participles that name what follows after a noun ("a play *called* "…"") but characterise
# it after a subject ("which he *called* "an evil act"", "Huckabee *called* the program "…"").
NAMING_PARTICIPLES = _words("called dubbed named nicknamed branded labelled labeled")
CHARACTERISING_VERBS = re.compile(
    r"\b(?:call|calls|called|calling|dub|dubs|dubbed|label|labels|labelled|labeled|brand|"
    r"brands|branded|describe|describes|described|describing|term|terms|termed|deem|deemed)\b",
    re.IGNORECASE,
)
# Small words a title in title case leaves in lower case ("How the Grinch Stole Christmas").
TITLE_SMALL_WORDS = _words("a an the and or but of in on at to for with by from as vs")
