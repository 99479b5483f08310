"""The phrases that signal each flaw and each element, in a small notation compiled to spaCy Matchers.

A pattern is a string of space-separated token tests, matched against the canonical
norms and lemmas set by ``bot.apology.text``:

    word        the token's norm is ``word`` ("'m" is written ``am``, "n't" is written ``not``)
    a|b|c       the norm is one of these
    ~a|b        the lemma is one of these (``~make`` matches make, made, makes, making)
    !a|b        any one token whose norm is none of these
    _           any one token
    NAME        a capitalised word inside a sentence (a grandchild's name)
    @class      any word of a class in ``lexicon.yml`` (``~@provoking``: any lemma of the class)
    suffix ?    the test is optional;  suffix {0,3}  the test repeats 0 to 3 times

Patterns are the broad net. ``bot.apology.detectors`` keeps only the matches whose
context really carries the flaw (an apology word nearby, no negation just before, ...).
Each dictionary key is a Matcher label; labels after the colon name the filter applied.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.matcher import Matcher

from bot.content import load_content
from bot.language import english

APOLOGY = "~sorry|apologise|apology|regret"

FLAW_PATTERNS: dict[str, list[str]] = {
    # Sorry for the other person's perception or reaction: always a deflection.
    "deflection": [
        f"{APOLOGY} that? you ~feel|think|believe|view|perceive|see"
        " that|this|it|things|my|the|like|as|so|i|we|a|an|what|everything|me|any|every",
        f"{APOLOGY} that? you ~find it|that|this|my|me|what|our _{{0,2}}"
        " @reactions|hurtful|offensive|upsetting|difficult|insulting|harsh|unkind|painful|rude|cold",
        f"{APOLOGY} that? my @virtues @affecting|made|makes|left|caused you|your",
        f"{APOLOGY} that? the truth ~hurt|sting|upset",
        f"{APOLOGY} that? you ~be|feel not|never happy|pleased|satisfied|comfortable|okay|ok|fine with",
        f"{APOLOGY} that? you ~take|hear|read|interpret it|that|this|my|what|things|offence|offense|umbrage",
        f"{APOLOGY} that? you ~misunderstand|misread|misinterpret|choose|decide|remember",
        f"{APOLOGY} for|about how you ~feel",
        f"{APOLOGY} for|about your feelings",
        f"{APOLOGY} that? you did not like|enjoy|appreciate|agree|approve|understand|get",
        f"{APOLOGY} that? it|that|this ~land|come|go across|out|over"
        " badly|wrong|poorly|that|the|like|harshly",
        f"{APOLOGY} that? it|that|this ~land|come badly|wrong|poorly|harshly",
        f"{APOLOGY} that? my _ ~land|come|go across|out|badly|wrong",
        f"{APOLOGY} that? that|this|it is|was how it|you|things ~come|take|see|feel|sound|look",
        f"{APOLOGY} _{{0,6}} hard|difficult for you to accept|handle",
        f"{APOLOGY} that? you are|were|got|have|feel|felt|get|be been? so? very? really?"
        " offended|upset|bothered|annoyed|sensitive",
    ],
    # Sorry for the other person's feelings with no act of the writer's attached.
    "deflection:state": [
        f"{APOLOGY} that? you ~feel|be|get|seem|end|come|leave been? up|away? feeling?"
        " so|very|really|quite|a|bit|little|somewhat|rather|pretty|too|at|all{0,3}"
        " @reactions|let|left",
        f"{APOLOGY} that? you are|were|got|have|feel|felt|get|be been? so? very? really? hurt|sad|angry|mad"
        "|disappointed|excluded|left|uncomfortable|unloved|neglected|unhappy|alone|lonely|abandoned",
    ],
    "blame_shift": [
        "you ~make me",
        "you ~make it|things|everything|life|that so|very|really|completely|totally{0,2} impossible|hard"
        "|difficult|unbearable|intolerable|miserable|awkward|tense",
        "you always|constantly|kept|keep|would|were|was|just|continually|repeatedly|on{0,2} ~@provoking"
        " me|my|at|on|it|away|and",
        "your _{0,2} @behaviours ~@causing me|my|it|things|everything|us|the|a|this",
        "your _{0,2} @behaviours ~be the|to reason|cause|trigger|problem|blame|start",
        "you never ~give me a|any|the|much reason|chance|choice|option|opportunity|break|credit|space|room",
        "you did|do not ~give me a|any|the|much reason|chance|choice|option|opportunity|break|credit|space"
        "|room",
        "you ~be being? so|really|very|just|completely|totally|such|a{0,2} @misbehaving",
        "you ~have it coming",
        "you ~throw|fire|cast the first",
        "you ~have a|your hand|part|role in",
        "you ~share|bear some|part|the|your|half|equal of? the? blame|responsibility",
        "you ~be partly|equally|also|just|as|half|much|every{0,3} responsible|accountable|guilty|culpable",
        "after|considering|given everything|all you ~do|say|put",
        "because|since|as you kept|keep|refused|started|provoked|pushed|drove|made|insisted|ignored|lied"
        "|disrespected|insulted|attacked|yelled|screamed|shouted|threatened|never",
        "because|since you would|could|did|wo not",
        "you know what you did",
        "your _{1,2} that? ~make me",
        "if you had|would not|never",
        "if you had|would just|only|listened|been|stayed|done|let|left|told|called|shown|respected|treated"
        "|given|tried|behaved|acted|kept|stopped|come|answered|cared|respected",
        "if you were|was not",
        "if you would have",
        "you know how you ~get|be|can",
        "you ~push|provoke|force|goad|bait|corner|start|@provoking me|my|at",
        "you ~drive me crazy|mad|insane|away|up|nuts|round|over|out",
        "you ~drive me to it|this|that|drink|despair|breaking",
        "you ~start it|this|the|that|everything",
        "you ~give|leave me no|little|nothing choice|option|alternative|way?",
        "you did|do not ~give|leave me a|any|much choice|option",
        "you are|were the one who|that",
        "you are|were to blame",
        "you ~hurt|do|say|treat|insult|ignore|disrespect|wound|abandon me|it|that|things too|also",
        "you ~hurt|do|say|treat|insult|ignore|disrespect|wound|abandon me|it|that|things as well",
        "you _{0,6} either",
        "you ~be no angel|saint",
        "you ~be not|never exactly|entirely|completely|always perfect|innocent|blameless|there|easy",
        "you ~be always|often|constantly|being|so|such|a|an|very|really|completely|totally|just|quite"
        "|incredibly{0,3} difficult|disrespectful|rude|impossible|ungrateful|demanding|hostile|stubborn"
        "|selfish|cold|aggressive|manipulative|nasty|spoiled|spoilt|defiant|unreasonable|lazy|mean|awful"
        "|horrible|cruel|unbearable|provocative|vicious|dramatic",
        "you ~be out of control|line",
        "you always ~twist|exaggerate|start|push|provoke|bring|blow|turn|criticise|criticize|nag|attack"
        "|blame|ruin",
        "you never ~respect|listen|accept|support|care|call|visit|apologise|try|thank|make",
        "you did|do not ~respect|listen|accept|support|call|visit|apologise|thank",
        "you were|was not ~respect|listen|accept|support|try",
        "it takes two",
        "both|all sides",
        "we both|all ~make|say|do|be|have mistakes|things|to|wrong|at|our",
        "both of us ~be|make|say|do",
        "not the only one",
        "compared|compare to what you",
        "after|considering what you did|said|put",
        "what you did|said to me",
        "what did you expect",
        "you ~bring it|this on yourself",
        "you ~ask for it",
        "you ~play a|your part",
        "your attitude|behaviour|behavior|tone|temper|lies|lying|mouth|drinking ~make|push|drive",
        "because of your attitude|behaviour|behavior|tone|temper|lies|lying|mouth|drinking|husband|wife",
    ],
    "minimizing": [
        "only|just|merely|simply a|an|one|some @trivialising{0,2} @trifles",
        "nothing|no more than a|an|one|some? @trivialising{0,2} @trifles",
        "nothing but a|an|one|some? @trivialising{0,2} @trifles",
        "it|that|this ~be one @trivialising{0,2} @trifles",
        "it|that|this ~be a single @trivialising{0,2} @trifles",
        "you will|would get|be over it|this|that",
        "you will live|survive",
        "nobody|noone ~die|die",
        "no one ~die|die",
        "nobody|noone ~get hurt|injured|killed",
        "no one ~get hurt|injured|killed",
        "not the end of the world",
        "worse things ~happen",
        "these things ~happen",
        "it happens in all|every|most|the",
        "everyone|everybody ~do it|that|this",
        "~make too much|more of",
        "~read too much|more into",
        "barely|hardly ~touch|tap|push|shove|nudge|raise|hit|scratch|graze|swear",
        "it|that|this? is|was|were? not that|so|as serious|big|important|terrible|awful|dramatic|major"
        "|significant|deep",
        "only|just|merely a|one joke|jokes|bit|laugh|comment|remark|phase|argument|disagreement|spat|row"
        "|tiff",
        "only|just|merely a few|couple words|drinks|comments|remarks|times|days|minutes|hours|seconds",
        "only|just|merely a? misunderstanding",
        "only|just|merely joking|kidding|teasing|messing|banter|words|fooling|playing|having",
        "only|just|merely ~say it|that once",
        "~be only|just|merely up? for? a|one day|week|night|time|moment",
        "only|just|merely once|twice",
        "that one time",
        "it|that was one time",
        "a|the|our|this|that|one small|little|silly|minor|tiny|simple|stupid|petty"
        " misunderstanding|thing|argument|disagreement|spat|squabble|issue|comment|slip|incident|tiff|row"
        "|misstep|matter",
        "~be a misunderstanding",
        "my small|little|tiny|minor part|role|share",
        "no|not a? big|huge deal",
        "no biggie",
        "not ~think|believe|see it|this|that is|was|were a? big|huge deal",
        "what is the big deal",
        "~make a big|such|huge deal|fuss",
        "not ~make a big|such|huge deal|fuss",
        "~make a fuss",
        "mountain out of",
        "it|that|this? is|was|were? not that|so|as bad",
        "it|that|this? is|was|were? not all that bad",
        "~overreact|overreacting|overreaction",
        "over -? react|reacting|reacted|reaction",
        "too|so|overly|very|hyper sensitive",
        "oversensitive|hypersensitive",
        "thin -? skinned",
        "~be being? dramatic|melodramatic|hysterical",
        "drama queen",
        "out of proportion",
        "too personally|seriously",
        "no real? harm done",
        "any real harm",
        "did|does not do you|them any real? harm",
        "harmless",
        "it|that is|was not like",
        "you ~turn out fine|okay|ok|alright|all|great|well",
        "it|that ~be so? a long time|while ago",
        "it|that ~be years|ages|decades ago",
        "water under the bridge",
        "ancient history",
        "it|that ~be all? in the past",
        "it|that ~be nothing",
        "nothing happened",
        "could have been worse",
        "every|all|most families ~have|fight|argue",
    ],
    # Softening words; kept only when they shrink a description of the writer's act.
    "minimizing:softener": [
        "a @softeners",
        "slightly|somewhat|kinda|sorta|mildly|marginally",
        "kind|sort of",
    ],
    "minimizing:ends_clause": [
        "~@stinging you|me|it|that|things|them|a? a @softeners bit?",
    ],
    "justification": [
        "i was|were so|really|very|just|too|completely|totally|incredibly|extremely|only{0,2} @states",
        "because|since i needed|could|thought|felt|believed|assumed|figured",
        "@others ~need|require me|my",
        "i ~need|have to protect|save|prioritise|prioritize|guard my|myself",
        "i ~do what i ~think|believe|feel _{0,2} best|right|necessary|needed|had",
        "i ~have my|good|valid|legitimate|a reasons|reason",
        "it ~come from a place of",
        "out of worry|concern|fear|care|protectiveness",
        "put yourself in my shoes|position|place",
        "you have no idea what i|it",
        "you have no idea how hard|difficult|tough",
        "it|things ~be complicated",
        "there ~be a lot|so|too much going on",
        "with everything|all that? going on",
        "given|under|considering the|my circumstances|situation",
        "i was|were trying to protect|help|keep|save|shield|spare|look",
        "i had no|little time|energy|money|way|support|help|one",
        "i did not ~have the|enough|any? time|money|energy|support",
        "there was|were no time|money",
        "i could not afford|cope|manage",
        "i could not help it",
        "what choice did i",
        "what was|were i supposed|meant to",
        "i had my own problems|stuff|issues|struggles|demons|life|things|troubles|battles|pain|worries",
        "i ~be only|just|simply trying|try to",
        "i only|just|simply ~want|try to|what",
        "i ~be only|just|simply being|doing|telling",
        "i ~have no|little choice|option|alternative",
        "i ~have a? work|family? deadline|deadlines|job|meeting|shift|commitments|commitment|plans|trip|event"
        "|emergency|crisis",
        "i ~have work|plans|commitments",
        "i ~have no other choice|option",
        "i did not ~have a|any|much choice",
        "i never ~have a|any|much choice",
        "what else could|was i",
        "because of work|stress|money|deadlines|traffic",
        "because of the|my stress|job|work|schedule|health|boss",
        "i was|were so|really|very|just|too|completely|totally|incredibly|extremely|only{0,2} busy|stressed"
        "|tired|exhausted|overwhelmed|drunk|young|scared|afraid|frightened|lonely|depressed|struggling|grieving"
        "|sick|ill|worried|anxious|dealing|raising|juggling|protecting|desperate|broke|inexperienced|naive"
        "|burnt|burned|overworked|terrified|panicking|panicked|upset|hurt|angry",
        "i was|were going through",
        "work|life|things|it ~have|be been? so|really|just|absolutely?"
        " insane|crazy|hectic|busy|mad|overwhelming|chaotic|nuts|manic",
        "i was|were at the end of my",
        "i was|were at my wits",
        "i was|were at breaking point",
        "i was|were not myself",
        "i was|were not in a good|great|healthy place|way|state",
        "i was|were under pressure|a|so|stress|strain|enormous|huge|lots",
        "i was|were in a bad|dark|terrible|difficult|tough|hard place|way|state|spot",
        "i ~have a lot|ton on|going|to",
        "i ~have so|too much on|going",
        "i ~do|try my|the best",
        "i was|am doing|trying my|the best",
        "doing|did the best i|we could",
        "the best i could",
        "how|way i was|were raised|brought",
        "i did not know any better",
        "i never knew any better",
        "i did not know how to",
        "i never knew how to",
        "things|times were different",
        "a different time|era|generation",
        "different times",
        "that is|was how things|we|everyone|people",
        "anyone|anybody|everyone|everybody would|could have",
        "anyone|anybody|everyone|everybody in my position|shoes",
        "any|every|most|all parent|parents|mother|mothers|father|fathers|mum|mom|dad|mums|moms"
        " ~have|would|do|be|make",
        "i meant well",
        "meant no harm",
        "my intentions were|was good",
        "good intentions",
        "i did not ~mean to",
        "i never ~mean to",
        "it|that ~be not my intention",
        "i did not ~want to worry|upset|hurt|burden|bother|trouble|stress|scare|wreck|ruin|spoil",
        "i never ~want to worry|upset|hurt|burden|bother|trouble|stress|scare|wreck|ruin|spoil",
        "for your own good|protection|benefit|safety",
        "i|we had to !learn|admit|face|accept|hear|grow|live|watch|tell|ask|say|own|apologise|be",
        "hard|difficult|tough|rough|stressful|busy|crazy|chaotic time|year|period|month|season|years|patch"
        " for me|us|all|everyone|everybody",
        "nobody|noone|everyone|everybody is|was perfect",
        "no one is|was perfect",
        "i am|was only human",
        "you have|need|must|got to understand",
        "out of love",
    ],
    # Reasons the writer may go on to disown ("I thought it was best. It wasn't.").
    "justification:unless_owned": [
        "i ~think|believe|feel it|that|this ~be best|right|for|the|necessary|wise|what",
        "i ~think|believe i ~be doing|being|acting|protecting|helping",
        "@others|life|things|stuff|it ~get in the way",
    ],
    "justification:not_followed_by_on": [
        "i was|were working",
    ],
    # "your fault" is a blame shift unless it is denied or is what the writer once told them.
    "blame_shift:fault": [
        "your fault",
        "your own fault",
    ],
    "blame_shift:ends_clause": [
        "you _{1,6} first",
        "you ~deserve it|that",
    ],
    "justification:ends_clause": [
        "nobody|noone is|was",
        "no one is|was",
    ],
    "passive:agentless": [
        "@harm_subjects ~be|get been|gotten? so|badly|really|deeply|all|just{0,2} @harm_participles",
        "the|any|all|of hurt|harm|damage|pain|distress|upset|wrongs|suffering|grief caused|done|inflicted",
        "@occasions all? just? ~@unravelling",
        "@occasions all? just? ~fall|come|break apart|through|undone|down",
        "@occasions all? just? ~fall to pieces",
        "@occasions all? just? ~go|get wrong|south|sideways|downhill|awry|badly|horribly|terribly|sour|ugly",
        "@occasions all? just? ~go pear",
        "@occasions all? just? ~take a turn",
        "@occasions all? just? ~blow|boil up|over",
        "@occasions all? just? ~turn sour|ugly|nasty",
        "we just? ~drift|grow apart",
        "how|way everything|it|things|all ~end|unfold|play|go|turn|pan",
    ],
    "passive": [
        "mistakes|things|words|feelings|stuff|lines|promises was|were|got|get made|said|done|hurt|exchanged"
        "|thrown|broken|crossed|lost",
        "mistakes|things|words|feelings|stuff|lines|promises have|has|had been|gotten made|said|done|hurt"
        "|exchanged|broken|crossed",
        "it|things|everything|situation|argument|fight|conversation|discussion|night|visit|row got|went|gone"
        " so|too{0,2} out|far|wrong|heated|badly|sideways|ugly|messy|bad|worse|tense|toxic of? hand|control?",
        "it|things|everything|situation|argument|fight|conversation|discussion|night|visit|row has|have|had"
        " been|gotten|gone so|too{0,2} out|far|wrong|heated|badly|sideways|ugly|messy of? hand|control?",
        "it|things|everything|situation|argument|fight|conversation|row ~escalate",
        "things|it|stuff|everything went the way",
        "it|things ~have|be ~come to this|that",
        "it|things came to this|that",
        "things|stuff|it|shit just? happened",
        "what happened happened",
        f"{APOLOGY} for|about|over what|everything|all that? happened",
        f"{APOLOGY} that? what|everything|all that? happened",
        "things just? drifted|fell|broke",
        "things|it|everything ~turn out",
        "calls|visits|contact|letters|messages just? stopped|dried|ended",
    ],
    # Requests for forgiveness or reconnection: a soft hope ("I hope ...") is not a demand.
    "demand:softenable": [
        "about? time we|you all? ~move|put|get|forget|let|drop|stop|start|make|bury",
        "let us not? please|just{0,2} drag|dwell|rehash|dig|bring|draw|bury|wipe|clear|close|end|turn|stop"
        "|pretend|agree",
        "so|then we can all|both? be together|a|family|close|friends|normal|okay|ok|whole",
        "so|then we can all|both? ~have|spend|celebrate|enjoy|move|put|forget|start|get|go|see|meet",
        "you need|have|must|should|ought|got to? forgive",
        "i need|want|expect you to forgive",
        "i would like you to forgive",
        "can|will|could|would you please|ever{0,2} forgive me",
        "tell|say me? you forgive",
        "can|could|shall|should we please|just|now{0,2} move|put|get|forget|start|drop|leave|go"
        " on|past|forward|over|this|it|fresh|behind|about?",
        "let us please|just{0,2} move|forget|put|start|drop|leave|go",
        "we need|have|must|should|got to? move|put|get|forget|drop|let|start|go on|past|forward|over|this|it?"
        " behind|go|fresh|over?",
        "so we can move|put|get|start|forget|go",
        "time to move|let|put|forget|come|drop|get",
        "let it go",
        "get over it",
        "be over it",
        "drop it",
        "forget about it",
        "put this|it behind",
        "give me another|one|a more|second? chance",
        "do not|never shut|cut|push|keep me out|off|away",
        "i need|want you to !know|understand|hear|feel|have|be|take|live|see|forgive",
        "you need|have|must|should to?"
        " ~let|bring|come|call|answer|reply|give|talk|stop|unblock|visit|respond",
    ],
    # Asks that stay demands however softly put: access, expectations, debts, conditions.
    "demand": [
        "whether you like it|that or not",
        "like it or not",
        "with or without your",
        "you can not stop|keep|prevent me from seeing|visiting|coming|being|contacting|meeting",
        "i will|am be|come|coming|going|turn|show up? anyway|regardless",
        "i will|am be|come|coming|going|turn|show !here|for|with|there{0,4} anyway|regardless",
        "i ~be still? waiting for|on your|an|a apology|apologies|answer|reply|response|call",
        "i ~be still? waiting for|on you to apologise|apologize|say|admit|own|make|reply|respond|call"
        "|answer|come|forgive|reach",
        "now|so we ~be even|square|quits",
        "we ~be even|square|quits now",
        "call it even",
        "so|then i can see|visit|meet|have|hold NAME|the|my|your|our? grandchildren|grandkids|grandson"
        "|granddaughter|grandbaby|grandbabies|kids|children|baby",
        "i ~want|need my|our family|son|daughter|child|children|kids|grandchildren|grandkids|mum|mom|dad"
        "|mother|father|relationship back",
        "the kids|children|grandchildren|grandkids ~need|deserve their|a|to grandparents|grandma"
        "|grandmother|grandfather|grandpa|nana|granny|nan|granddad|grandad",
        "let|allow me to? see|meet|visit|have|hold the|my|your|our? grandchildren|grandkids|grandson"
        "|granddaughter|grandbaby|grandbabies|kids|children|baby|them",
        "i want|need|expect|deserve|demand to see|meet|visit|have the|my|your|our? grandchildren|grandkids"
        "|grandson|granddaughter|grandbaby|grandbabies|kids|children|baby|them",
        "i want|need|expect|deserve|demand to see|meet|visit NAME",
        "i expect",
        "i deserve to|an|better|respect|answers|forgiveness|a|some",
        "you owe it|me|us|your|them|the|this !nothing|no",
        "your turn",
        "you apologise|apologize|apologised|say first|too",
        "apologise|apologize to me",
        "if you really|truly ~love|care",
        "the least you could|can do",
        "when|can|could|may can|could|may? i see|visit|meet|have the|my|our grandchildren|grandkids|grandson"
        "|granddaughter|grandbaby|grandbabies|kids|children|baby",
        "i need|want|expect|deserve|demand an|a answer|reply|response|apology|explanation",
        "i need to hear from you",
        "i will|shall|am going? to? be|come|turn|show at|to|round|over|up"
        " your door|house|home|place|work|doorstep",
        "what more|else do|can you want",
        "you can not keep|go on? punishing|ignoring|shutting|avoiding|blocking|hiding",
        "i ~have a|every right to",
        "my|our rights as",
        "grandparents|grandparent rights",
    ],
    # Contact asks only count as demands when they are orders (clause-initial imperatives).
    "demand:imperative": [
        "do not make me wait|beg|chase|come|fight|go",
        "call|ring|text|phone|answer|reply|respond|write|message me|back|to|my|this",
        "please call|ring|text|phone|answer|reply|respond|write|come|visit|stop|bring|unblock|get",
        "please let me back|in|see|visit|meet|come|explain",
        "come home|back|to",
        "stop ignoring|avoiding|blocking",
    ],
}

ELEMENT_PATTERNS: dict[str, list[str]] = {
    "acknowledges_impact": [
        "~hurt you|your",
        "it|that|they|this|which|words ~hurt",
        "how much|deeply|badly|hard it|that|i",
        "~cause you|your",
        "pain|painful|harm|damage|impact|suffering|lonely|alone|humiliating|frightening|scary|heartbreaking",
        "must have ~feel|hurt|be",
        "~make you feel",
        "~leave you",
        "~cost you",
        "~embarrass|humiliate|frighten|scare|wound|shame|belittle you",
        "you ~deserve",
        "you ~need me",
        "~matter to you",
        "to carry",
        "your job",
        "your privacy",
        "you were a child|little|scared|alone|small|young",
        "you ~spend|wait",
        "in front of",
        "~feel like you",
        "waiting",
    ],
    "takes_responsibility": [
        "i ~be wrong",
        "my fault",
        "on me",
        "i take|accept|own full? responsibility|it|that|the",
        "i ~be responsible",
        "no|an excuse",
        "i ~choose",
        "i had a choice",
        "choice|decision i made",
        "my choice|decision|responsibility",
        "i should|shouldn't have",
        "i should not have",
        "i ~fail",
        "i ~let you down",
        "i ~mess|screw up",
        "i ~make a? mistake|mistakes",
        "i started it",
        "it|that was cruel|unkind|unfair|wrong|selfish|a",
        "i ~be cruel|unkind|unfair|selfish|rude|harsh",
        "i knew",
        "i said it to",
        "i ~be ashamed",
    ],
    "offers_repair": [
        "i will|shall|am going? to? ~make|start|change|listen|respect|work|stop|keep|return|pay|be|wait"
        "|learn|take|support|apologise|do|try|give|accept|understand|honour|honor|read|get|show|leave|follow",
        "i will not|never ~do|use|say|let|make|treat|bring|put|miss|ignore|push|contact|pressure|ask|happen",
        "never ~happen again",
        "therapy|counselling|counseling|therapist|counsellor|counselor|rehab|treatment",
        "make amends",
        "~make it|this|that|things right|up",
        "make up for",
        "how|what can i",
        "whatever you need",
        "your|whatever|own pace",
        "if you ever",
        "i would like to|love to? listen|make|hear|understand|talk|know|change",
        "i would welcome",
        "from now on",
        "going forward",
        "i promise",
        "i have ~take|delete|remove|return|pay|start|begin|stop|join",
    ],
}


def compile_pattern(pattern: str) -> list[dict]:
    """Turn one pattern in the notation above into a spaCy Matcher token pattern."""
    return [_compile_test(test) for test in pattern.split()]


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """The word classes of ``lexicon.yml``, by name."""
    classes = load_content(Path(__file__).with_name("lexicon.yml"))
    return {name: tuple(words) for name, words in classes.items()}


def _words(alternatives: str) -> list[str]:
    """ "a|@softeners" -> ["a", "little", "bit", ...]: expand every @class into its words."""
    words: list[str] = []
    for word in alternatives.split("|"):
        words.extend(lexicon()[word[1:]] if word.startswith("@") else [word])
    return words


def _compile_test(test: str) -> dict:
    operator = None
    if test.endswith("?") and len(test) > 1:
        test, operator = test[:-1], "?"
    elif "{" in test:
        test, _, quantity = test.partition("{")
        operator = "{" + quantity
    if test == "_":
        spec: dict = {}
    elif test == "NAME":
        spec = {"IS_TITLE": True, "IS_SENT_START": False}
    elif test.startswith("!"):
        spec = {"NORM": {"NOT_IN": _words(test[1:])}}
    elif test.startswith("~"):
        spec = {"LEMMA": {"IN": _words(test[1:])}}
    else:
        spec = {"NORM": {"IN": _words(test)}}
    if operator:
        spec["OP"] = operator
    return spec


def _build(table: dict[str, list[str]]) -> Matcher:
    matcher = Matcher(english().vocab)
    for label, patterns in table.items():
        matcher.add(label, [compile_pattern(pattern) for pattern in patterns])
    return matcher


@lru_cache(maxsize=1)
def flaw_matcher() -> Matcher:
    """One Matcher holding every flaw pattern, labelled ``code`` or ``code:filter``."""
    return _build(FLAW_PATTERNS)


@lru_cache(maxsize=1)
def element_matcher() -> Matcher:
    """One Matcher holding the patterns of the effective-apology elements, labelled by element."""
    return _build(ELEMENT_PATTERNS)
