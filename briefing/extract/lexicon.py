"""General word lists used by the extractors: nothing here names a particular event, place or person."""

import re


# verbs that introduce what someone says, claims or reports
REPORTING_VERBS = frozenset("""say tell state add claim report announce confirm deny reject dispute insist note
warn stress emphasize emphasise argue assert declare describe accuse condemn denounce praise thank hail welcome
demand urge call quote cite acknowledge admit estimate assess believe reveal disclose suggest indicate write
respond reply criticize criticise maintain allege predict""".split())

STANCE_WORDS = {
    "condemn": """condemn denounce criticize criticise accuse violate violation criminal illegal inhumane immoral
                  crime act against humanity provocation outrage unacceptable blame responsibility sanction""".split(),
    "deny": """deny denied reject rejected dispute disputed refute false untrue not true dismiss dismissed""".split(),
    "support": """thank praise hail welcome honour honor grateful support heroism hero heroes victory liberate
                  alliance friendship solidarity congratulate""".split(),
    "concern": """concern concerned worry worried alarm alarmed fear risk threat caution warn""".split(),
}

UNKNOWN_CUES = ("did not specify", "not specified", "not disclosed", "did not disclose", "unclear", "unknown",
                "did not say", "declined to say", "not known", "no details", "has not said", "would not say",
                "could not be verified", "not confirmed", "unconfirmed", "remains to be seen")
FUTURE_CUES = ("likely", "expected to", "is set to", "set to", "could", "may ", "might", "plans to", "upcoming",
               "potential", "possible", "possibly", "will soon", "is to ", "are to ")

# --- actors (appended by the actors helper) ---
# last word of an organisation's name: an entity ending in one of these is an organisation whatever NER says
ORG_HEADS = frozenset("""council commission committee ministry department agency party institute institution university
college court tribunal bank union organization organisation office bureau authority board assembly parliament
congress senate house duma cabinet government administration army navy forces force command corps guard police
service services staff federation association alliance coalition front movement foundation fund group company
corporation corp inc ltd plc co bloc league secretariat directorate inspectorate regulator commissioner
network centre center academy society chamber club trust exchange""".split())

# words that make a person's title or role: "President X", "X, the foreign minister"
TITLE_WORDS = frozenset("""president vice leader premier minister chancellor secretary spokesman spokeswoman
spokesperson chief head chairman chairwoman chair director general commander governor mayor senator lawmaker councillor councilor
representative ambassador envoy judge justice prosecutor attorney lawyer king queen prince princess emperor
monarch pope cardinal bishop imam rabbi ceo founder official officer diplomat negotiator commissioner adviser advisor
analyst researcher expert professor scientist economist fellow candidate nominee delegate deputy speaker
secretary-general mp mep dictator strongman ruler sheikh emir sultan colonel major captain lieutenant admiral
marshal sergeant commodore general brigadier inspector superintendent commissioner constable activist campaigner executive manager chairperson lead""".split())

# courtesy words before a name that say nothing about the role
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame madam comrade lord lady".split())

# nouns for people who speak for a body: "officials from X said" makes X the source
PERSON_NOUNS = frozenset("""official officials spokesman spokeswoman spokesperson spokespeople representative
representatives minister ministers officer officers diplomat diplomats source sources lawmaker lawmakers leader
leaders authorities authority negotiators negotiator envoy envoys analyst analysts expert experts government
military intelligence agency""".split())

# last word of a news outlet's name, and nouns that present an outlet: such a name carries the story, it does not act
OUTLET_HEADS = frozenset("""news times post journal herald gazette tribune daily telegraph guardian observer
chronicle review weekly magazine tv television radio broadcasting broadcaster network press wire today
channel newspaper""".split())
MEDIA_NOUNS = frozenset("""portal newspaper paper daily outlet website site magazine broadcaster channel agency
wire tabloid journal network radio television tv station newsletter blog podcast""".split())
# well-known wire services and broadcasters: a general list, quoted as carriers in any story
NEWS_OUTLETS = frozenset("""reuters ap afp bloomberg upi dpa ansa efe kyodo yonhap xinhua tass ria interfax
bbc cnn nbc abc cbs fox npr pbs msnbc al jazeera aljazeera euronews""".split())
# a news agency run by a state speaks for it: "state news agency X" is an actor, not a mere carrier
STATE_MEDIA_CUES = frozenset("state state-run state-owned official government-run government".split())

# nouns after a name that make it a place: "the X region", "X province"
PLACE_NOUNS = frozenset("""region province oblast county district city town village area border river valley
island islands peninsula state territory municipality prefecture governorate canton zone front sea coast
mountains desert basin""".split())
# prepositions whose object is a place where something happens, not a party to it
LOCATIVE_PREPS = frozenset("in at into inside outside near across throughout within around onto toward towards".split())
# verbs whose object is a place one goes to
MOTION_VERBS = frozenset("visit travel fly arrive reach enter leave tour return head".split())
# objects of a broadcast verb that make the subject a presenter: "X starts us off", "X joins us"
PRESENTER_OBJECTS = frozenset("us you".split())
BYLINE_WORDS = frozenset("""reporter reporters correspondent correspondents reporting editor writer writes byline
contributed contributing""".split())

# --- reactions and open questions (appended by the reactions/questions helper) ---
# a speaker's own verb is the strongest evidence of stance: lemma -> stance
STANCE_VERBS = {
    **dict.fromkeys("""thank praise hail welcome honour honor congratulate applaud commend celebrate endorse back
                       salute laud support pledge donate contribute""".split(), "support"),
    **dict.fromkeys("""condemn denounce criticize criticise accuse blame slam decry deplore censure protest
                       lambast castigate rebuke threaten oppose""".split(), "condemn"),
    **dict.fromkeys("deny reject refute dismiss dispute contest contradict rebut".split(), "deny"),
    **dict.fromkeys("warn fear worry caution".split(), "concern"),
}
# words in the quote or the reported clause (lemmas, lower case): weaker evidence than the verb
STANCE_LEMMAS = {
    **dict.fromkeys("""grateful gratitude hero heroism heroic bravery brave victory victorious victoriously
                       friendship solidarity honour honor proud pride successful success historic congratulation
                       welcome praise thank win pledge contribute donate""".split(), "support"),
    **dict.fromkeys("""criminal crime illegal unlawful inhumane immoral outrage outrageous unacceptable violation
                       violate provocation provocative reckless atrocity aggression shameful irresponsible
                       barbaric condemnation countermeasure countermeasures retaliation retaliatory reprisal
                       reprisals""".split(), "condemn"),
    **dict.fromkeys("""false untrue baseless fabricated fake groundless unfounded fabrication fiction nonsense
                       inaccurate misleading exaggerated overstated distorted""".split(), "deny"),
    **dict.fromkeys("""concern concerned worried alarming alarmed alarm dangerous danger troubling fear
                       worrying risk implausible doubt doubtful questionable irregularity
                       flawed marred""".split(), "concern"),
}
# fixed phrases (lower case, matched on words)
STANCE_PHRASES = {
    "not true": "deny", "no truth": "deny", "never happened": "deny", "not the case": "deny",
    "nothing wrong": "deny", "no wrongdoing": "deny", "not what happened": "deny", "did not happen": "deny",
    "didn't happen": "deny",
    "against humanity": "condemn", "bear responsibility": "condemn", "bears responsibility": "condemn",
    "war crime": "condemn", "criminal act": "condemn", "an attack on": "condemn",
    "deeply concerned": "concern", "gravely concerned": "concern", "serious reservations": "concern",
    "reservations about": "concern", "strong reservations": "concern", "deep reservations": "concern",
    "expressed reservations": "concern", "not enough": "concern",
    "not sufficient": "concern", "falls short": "concern", "fall short": "concern", "too little": "concern",
    "falls far short": "concern", "fall far short": "concern", "fell short": "concern", "fell far short": "concern",
    "legal action": "condemn", "legal challenge": "condemn", "file a lawsuit": "condemn",
    "filed a lawsuit": "condemn", "filed suit": "condemn", "judicial review": "condemn",
    "step forward": "support", "right direction": "support", "step backwards": "condemn",
    "backward step": "condemn", "wrong direction": "condemn",
    "turning point": "support", "game changer": "support", "game-changer": "support",
    # rebutting a claim: "there is no evidence that they hold the files", "no proof of any leak"
    "no evidence that": "deny", "no evidence to support": "deny", "no proof that": "deny",
    "too little too late": "condemn",
}
# laying responsibility on someone (regular expressions over the lower-case words): "bore direct responsibility",
# "bears full responsibility", "is solely responsible for", "holds the ministry responsible"
BLAME_PATTERNS = (
    r"\b(?:bear|bears|bore|borne|bearing|carry|carries|carried) (?:\w+ ){0,2}responsibility\b",
    r"\b(?:fully|directly|solely|entirely|squarely|wholly|largely) responsible for\b",
    r"\b(?:hold|holds|held|holding) (?:\w+ ){1,4}responsible\b",
    # "is entirely to blame", not "who is to blame is unclear" or "is not to blame"
    r"(?<!who )(?<!what )\b(?:is|are|was|were|be) (?:entirely |solely |partly |largely |wholly |squarely )?to blame\b",
    # "comes weeks too late", not "it was too late to evacuate"
    r"\btoo (?:late|slow)\b(?! to\b)",
)
# defending one's own act as lawful or proper: "acted fully within her authority", "acted in accordance with the law"
DEFENCE_PATTERNS = (
    r"\bacted (?:\w+ ){0,2}(?:within|in line with|in accordance with) (?:\w+ ){0,2}"
    r"(?:authority|powers?|mandate|law|rules|rights)\b",
    r"\bacted (?:lawfully|legally|properly|responsibly|appropriately|correctly|in good faith)\b",
    # "the decision was fully in line with the rules"; "is not consistent with" does not match
    r"\b(?:is|was|are|were|remains?|be) (?:fully |entirely |completely |strictly )?(?:in line with|in accordance with|"
    r"consistent with|compliant with|in compliance with|in keeping with) (?:\w+ ){0,3}(?:rules|law|laws|obligations|"
    r"regulations|agreements?|standards)\b",
)
# acts one rejects by opposing them (condemn), unlike criticism or protests one rejects by denying their merit
DECISION_NOUNS = frozenset("""ruling decision verdict judgment judgement plan proposal offer deal agreement accord bill
law motion resolution request demand ultimatum appointment nomination policy measure pact
measures sanctions tariff tariffs treaty reform reforms""".split())
# opposition one dismisses to stand by what is opposed: "dismissed the protests by farmers" backs the deal
OPPOSITION_NOUNS = frozenset("protest protests objection objections complaint complaints opposition boycott".split())
# support verbs whose negation is opposition: "will not support ratification"
BACKING_VERBS = frozenset("support back endorse".split())
# things one can deny or dispute: "denied the claim", "rejected this assertion"
CLAIM_NOUNS = frozenset("""claim claims assertion assertions report reports allegation allegations accusation
accusations statement statements account accounts figure figures version charge charges suggestion suggestions
characterization characterisation story rumour rumours rumor rumors narrative finding findings assessment
estimate estimates criticism criticisms analysis conclusion conclusions count tally number numbers reading
interpretation view scale extent severity magnitude seriousness toll""".split())
# saying a claimed figure is too big: "the figures are inflated", "the toll was exaggerated" (of a claim only)
EXAGGERATION_LEMMAS = frozenset("inflate exaggerate overstate overblow overblown inflated exaggerated".split())
# acts done on purpose against something: "deliberately rammed the ship" accuses its doer
INTENT_ADVERBS = frozenset("deliberately intentionally purposely purposefully wilfully willfully knowingly".split())
# verbs of wasting or mishandling a chance: "has had years and wasted them"
MISHANDLING_VERBS = frozenset("waste squander mishandle botch bungle neglect".split())
# nouns of information that, when not disclosed, leave a question: "did not give the number of victims"
INFO_NOUNS = frozenset("""number numbers figure figures details detail identity identities names name cause causes amount
size extent toll location locations timing date dates cost costs terms reason reasons source sources nature scale
breakdown total value whereabouts timeline timetable outcome results result motive""".split())
# verbs that make a claim someone may deny
CLAIM_VERBS = frozenset("""claim say announce report assert allege insist state declare maintain confirm
accuse suggest contend argue""".split())
# nouns for a statement issued by a body: "the statement said" speaks for whoever issued it
STATEMENT_NOUNS = frozenset("""statement communique communiqué declaration announcement message letter release
readout notice bulletin""".split())
# verbs of telling that, negated, leave something unknown: "did not specify how many"
DISCLOSURE_VERBS = frozenset("""specify say disclose reveal give provide detail confirm elaborate release
publish mention indicate identify explain comment report state""".split())
# adjectives that say something is not known: "the toll is unclear"
UNKNOWN_ADJECTIVES = frozenset("unclear unknown uncertain unconfirmed unverified undisclosed unspecified".split())
# nouns of things that happen and can be expected: "an upcoming summit", "a potential ceasefire"
EVENT_NOUNS = frozenset("""summit talks visit meeting meetings negotiation negotiations ceasefire truce deal agreement
accord treaty vote election elections referendum deployment deployments strike strikes attack attacks offensive
sanctions tariff tariffs ruling appeal hearing trial investigation inquiry probe review decision withdrawal reform
reforms legislation bill conference lockdown measures retaliation escalation invasion trip tour session
consultations exchange release settlement merger acquisition launch rollout rally rallies protest protests march
demonstration demonstrations walkout boycott recount runoff ratification""".split())
# verbs by which a party puts an event ahead: "plans a rally", "called for protests"
ANNOUNCE_EVENT_VERBS = frozenset("plan call schedule threaten propose organise organize".split())
# what one denies when denying responsibility: "denied any role", "rejected the accusation"
RESPONSIBILITY_NOUNS = frozenset("role involvement responsibility part link links wrongdoing blame".split())
ACCUSATION_NOUNS = frozenset("accusation accusations allegation allegations charge charges".split())
# verbs that lay responsibility on someone: "blamed the attack on X", "accused X of Y"
BLAME_VERBS = frozenset("blame accuse hold attribute".split())
# adjectives that, negated, say something is not known: "it was not immediately clear when ..."
KNOWN_ADJECTIVES = frozenset("clear certain known sure".split())
# adjectives that put such an event ahead: "upcoming summit" (planned) or "potential deal" (possible)
PLANNED_ADJECTIVES = frozenset("upcoming planned scheduled forthcoming proposed expected next anticipated".split())
POSSIBLE_ADJECTIVES = frozenset("potential possible prospective likely eventual future further".split())
# "X is likely/expected/set to VERB": the head word before the infinitive
LIKELY_HEADS = frozenset("likely unlikely expected set due poised scheduled planning plan plans slated bound".split())
# modal verbs of possibility (not "will": stated plans are facts of the article, not open questions)
POSSIBILITY_MODALS = frozenset("could might may".split())
# verbs that after "could"/"might" describe a past ability or perception, not a possible next step
NON_FUTURE_VERBS = frozenset("""see hear feel remember recall understand imagine tell say find constitute mean include
contain involve be have""".split())
# words that mark a figure as an increment, not a total: "3,000 additional troops" is not a rival total
INCREMENT_WORDS = frozenset("""additional more extra another further new reinforcements reinforcement probable suspected
possible each per""".split())

# unnamed groups of people who take a side in a story when they speak ("farmers said", "parents' groups
# welcomed"), as lemmas; commentators such as analysts or experts are not sides
STAKEHOLDER_GROUPS = frozenset("""group union parent resident farmer activist campaigner protester protestor family
survivor worker doctor nurse teacher student fisherman patient victim villager shopkeeper trader driver miner
veteran employee retiree pensioner tenant landowner consumer refugee""".split())

# --- evaluation, contest, aid (appended by the reactions helper) ---
# verbs of saying that REPORTING_VERBS lacks; "declined to comment" is a (neutral) reaction
MORE_REPORTING_VERBS = frozenset("comment contend concede observe remark explain point defend vow".split())
# a verb that, over an infinitive of saying, still makes its subject a speaker: "declined to comment"
SPEECH_CONTROL_VERBS = frozenset("decline refuse go rush hasten move".split())
# words that judge something good or bad when said of it ("a good day", "deeply wrong", "called it a mistake"),
# as lemmas; they count in the predicate of what was said, not as plain modifiers
POSITIVE_EVALUATIONS = frozenset("""good great excellent wonderful fantastic fair right sensible wise
correct just landmark milestone breakthrough win victory relief delighted pleased glad happy thrilled
encouraged encouraging confident welcome beneficial relieved triumph success satisfied satisfaction constructive
productive appreciation approval""".split())
# moral or legal judgments of something done: saying them of a decision or an act condemns it
NEGATIVE_JUDGMENTS = frozenset("""wrong unjust unfair unjustified unjustifiable unlawful illegal mistake error
misguided flawed shameful disgraceful scandalous outrageous appalling deplorable absurd ridiculous irresponsible
reckless betrayal travesty scandal insult affront blunder injustice baseless arbitrary disproportionate
excessive heavy-handed unwarranted wrongheaded indefensible disappointed disappointing disappointment regrettable
dismayed dismay angry anger angered furious fury frustration frustrated cowardly cowardice senseless
cruel cruelty despicable heinous vile callous cynical abhorrent contemptible monstrous failure preventable
avoidable negligent negligence incompetent incompetence inexcusable unforgivable belated""".split())
# words of a shortfall: condemnation when said of what someone does ("the response was slow and underfunded"),
# concern when said of what there is ("supplies are insufficient")
SHORTFALL_WORDS = frozenset("inadequate insufficient underfunded overdue fragmented chaotic".split())
# doings of those in charge that shortfall words judge: "the relief effort", "the government's handling"
RESPONSE_NOUNS = frozenset("""response effort efforts operation operations handling preparation preparations
management coordination reaction rollout relief evacuation""".split())
# misfortune words: condemnation when said of a decision ("this ruling is a disaster"), concern when said of
# what happened ("the flooding is a disaster")
MISFORTUNE_WORDS = frozenset("""disaster catastrophe catastrophic disastrous tragedy tragic devastating terrible
awful dreadful blow setback nightmare sad shocking""".split())
# adjectives that only evaluate in one part of speech: "fine" is also a penalty, "right" a right, "just" an adverb
ADJECTIVE_ONLY_EVALUATIONS = frozenset("fine right just fair correct good great".split())
# contesting a decision: "said it would appeal", "will challenge the ruling in court"
CONTEST_VERBS = frozenset("appeal challenge sue contest fight retaliate".split())
# going to law against a decision: "filed a lawsuit", "will seek a judicial review", "lodged an appeal"
LEGAL_ACTION_VERBS = frozenset("file seek launch bring take lodge mount begin start initiate".split())
LEGAL_ACTION_NOUNS = frozenset("lawsuit suit injunction complaint appeal".split())
# nouns that are legal action only with a legal modifier: "legal action", "judicial review", "court challenge"
LEGAL_WHEN_QUALIFIED = frozenset("action review challenge case proceedings".split())
LEGAL_QUALIFIERS = frozenset("legal judicial court".split())
# what one asks someone to do to a decision that undoes it: "urged the council to scrap the plan"
REVERSAL_VERBS = frozenset("""reverse overturn scrap withdraw drop abandon rethink reconsider repeal revoke lift
cancel halt suspend annul quash rescind undo""".split())
# what one asks someone to do that puts a decision in place: "called on the agency to approve the drug"
ENACT_VERBS = frozenset("""approve adopt ratify pass sign enact impose ban block accept uphold endorse back support
implement introduce enforce stop prohibit restrict tighten""".split())
# acts that are decided and can be judged: misfortune words said of them condemn them
DECIDED_ACT_NOUNS = frozenset("""move veto ban fine penalty action step cut cuts hike increase closure rule budget
programme program scheme project merger takeover acquisition order directive quota levy duty tax fee cap subsidy
regulation embargo curfew lockdown mandate restriction restrictions rationing cutback cutbacks""".split())
# words calling a decided measure needed: saying them of one's own or another's measure backs it ("the curfew
# is hard but necessary", "an unavoidable step"); said of a happening ("the flooding was inevitable") they do not
NECESSITY_WORDS = frozenset("necessary unavoidable inevitable essential vital justified warranted needed".split())
# verbs of asking someone to act: "urged the regulator to ...", "called on the agency to ..."
URGE_VERBS = frozenset("urge call press ask push petition lobby implore encourage demand".split())
# standing by a decision: "defended the ruling", "stood by its decision"
DEFEND_VERBS = frozenset("defend uphold".split())
# helping after a disaster is taking the side of those hit: "sent rescue teams", "offered assistance"
AID_VERBS = frozenset("""send dispatch deliver donate pledge offer provide fly airlift ship give deploy announce
allocate earmark release mobilise mobilize commit approve""".split())
AID_NOUNS = frozenset("""aid assistance help relief rescuer rescue supply supplies medic doctor nurse food water
tent blanket medicine medication donation fund funding firefighter volunteer shelter humanitarian
condolence""".split())
# words of sympathy or solidarity in what was said: "expressed condolences", "we stand with them"
SYMPATHY_WORDS = frozenset("condolence condolences sympathy sympathies solidarity".split())
SYMPATHY_PHRASES = ("stand with", "stands with", "standing with", "stood with", "thoughts are with",
                    "prayers are with", "hearts go out", "heart goes out", "in solidarity")
# harm that counts as concern only when foreseen ("the tariff could hurt exporters"); as a fact it is not
# ("the damage could reach $1 billion", "homes damaged by the storm")
HARM_VERBS = frozenset("hurt harm damage endanger threaten jeopardise jeopardize undermine".split())
FORESEEING_MODALS = frozenset("could would will may might".split())
# generic nouns for a body a spokesperson may speak for without naming it: "a company spokeswoman said"
GENERIC_BODY_NOUNS = frozenset("""company firm group carrier airline bank maker manufacturer operator insurer lender
retailer producer developer exporter importer chain club team union association charity organisation
organization""".split())
# things that hold information rather than speak: "according to screenshots seen by X" names no speaker,
# though their author may ("according to a report by X", "figures released by the office")
DOCUMENT_NOUNS = frozenset("""document documents screenshot screenshots data figure figures record records estimate
estimates report reports image images photo photos photograph photographs video videos footage post posts email
emails file files filing filings statistic statistics minute minutes transcript transcripts log logs message messages
chart charts map maps survey surveys poll polls study studies analysis analyses calculation calculations tally count
copy copies draft drafts memo memos note notes leak leaks""".split())
# verbs by which a body authors what a document holds: "figures released by the office" credits the office;
# "documents seen by the paper" does not
AUTHORING_VERBS = frozenset("""release publish issue compile produce prepare provide post share conduct commission
carry write draft""".split())
# verbs one is accused of or denies doing, introduced by these: "denied harbouring", "accused X of hiding"
ACCUSING_VERBS = frozenset("deny accuse allege blame suspect charge".split())
# nouns whose "of"-phrase names what one is accused of: "the charge of profiteering"
CHARGE_NOUNS = ACCUSATION_NOUNS | frozenset("claim claims suggestion suggestions".split())
# a spokesperson's own words are their body's: "spokeswoman X of Y" speaks for Y
SPOKESPERSON_WORDS = frozenset("spokesman spokeswoman spokesperson spokespeople".split())
# roles of one who runs a body and speaks for it when the body is named with them: "Acme chief executive X",
# "its secretary-general, X" ('general' of secretary-general is matched apart); political titles such as
# president or minister are not here: a head of state is a party of their own
BODY_LEADER_WORDS = frozenset("""executive ceo chairman chairwoman chairperson secretary-general director-general
managing""".split())
# capitalised words inside a title that are neither the role nor the body: "Chief Executive Officer"
TITLE_MODIFIERS = frozenset("chief deputy acting senior executive officer managing press trade".split())
# nouns whose absence rebuts a claim: "has sent us no evidence", "the claims have no basis"
REBUTTAL_NOUNS = frozenset("evidence proof basis".split())
# roles of people who comment on an event rather than take part in it: "X, a senior fellow at ...", "an analyst"
COMMENTATOR_ROLES = frozenset("""analyst analysts researcher researchers professor professors fellow fellows scholar
scholars academic academics lecturer lecturers commentator commentators strategist strategists historian
historians""".split())
# heads of the places such commentators work at: "a researcher at the National Institute for ..."
ACADEMIC_HEADS = frozenset("university institute school college academy centre center tank".split())
# favours named in irony: calling a decision "a gift to the oil companies" or "a handout for the rich" condemns it
IRONIC_FAVOUR_NOUNS = frozenset("gift giveaway handout windfall bonanza boon cheque check present favour favor".split())
# taking rights away: "finds a way to take it away", "stripped workers of their rights"
RIGHTS_NOUNS = frozenset("right rights freedom freedoms liberty liberties".split())
REMOVAL_PATTERN = r"\b(?:take|takes|took|taken|taking|strip|strips|stripped|stripping) (?:\w+ ){0,3}(?:away|of)\b"
# people who live through an event rather than take a side in it: their plain accounts are no reactions
# ("Residents described a frantic escape", "Traders said the closure had stranded hundreds")
BYSTANDER_NOUNS = frozenset("""resident villager volunteer witness eyewitness trader shopkeeper passenger commuter
neighbour neighbor onlooker local evacuee survivor tourist visitor motorist driver customer shopper reader viewer
listener caller""".split())
# a verb of saying with one of these states a habit, not something said: "insurers often report losses"
HABITUAL_ADVERBS = frozenset("often usually typically generally sometimes rarely frequently routinely commonly".split())
# local businesses and households of a country, which do not speak for its state: "Danish shops say" is not
# Denmark (while "Danish officials" and "Estrian steelmakers" stand for their country's side)
LOCAL_PLACE_NOUNS = frozenset("""shop store restaurant cafe bar pub hotel bakery business household homeowner
family""".split())
# running a small business of one's own: "X, who runs two bakeries", "who owns a farm": a private person
PROPRIETOR_VERBS = frozenset("run own manage operate keep".split())
# what makes an appeal a plea for help, not a legal one: "an emergency appeal", "a fundraising appeal"
PLEA_MODIFIERS = frozenset("emergency urgent fundraising funding donation humanitarian flash public aid relief".split())
# a promised answer to another's act, said with force, is a countermeasure: "we will respond in kind",
# "will react firmly", "will retaliate without delay"; not "will respond in due course"
RESPONSE_VERBS = frozenset("respond react reply answer retaliate hit strike".split())
RESPONSE_MANNER = frozenset("""proportion kind firmly decisively resolutely forcefully strongly robustly
accordingly appropriately swiftly delay measure measures""".split())

# head words of a body, not a newsroom: a document published by "X Association" or "Ministry of Y" is that
# body's own release, so what it says there is its own reaction, not an outlet carrying the story
PUBLISHER_BODY_HEADS = frozenset("""association federation union ministry department council confederation
committee chamber institute foundation coalition alliance""".split())


def body_outlet(outlet: str | None) -> bool:
    """Whether the page's outlet is a body publishing its own release ('Ministry of Rail'), not a newsroom."""
    return any(w in PUBLISHER_BODY_HEADS for w in re.findall(r"[a-z]+", (outlet or "").lower()))
