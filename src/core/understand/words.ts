/**
 * Word lists the question reader uses. Kept apart from the logic so that
 * tuning vocabulary never touches matching code.
 */

/** Words that carry no meaning for matching a role or a topic. */
export const STOPWORDS = new Set(
  `a an the and or but of in on at to for from by with about as into like than then so
  is are was were be been being am do does did doing done have has had having
  i me my mine we us our you your yours he him his she her it its they them their
  this that these those there here what whats which who whom whose where when why how
  can could should would will shall may might must need needs needed want wants wanna
  get gets got getting go going tell show give let lets please pls plz thanks thank
  some any all each every much many more most very really just also only even still
  one ones someone somebody person people typically usually generally actually
  s t d ll re ve m im id ive youre theyre isnt dont doesnt cant wont
  if not no yes ok okay hey hi hello yo sup there info information kind sort type
  know like good best better great main key typical average
  u ur r ya yall pls plz thx ty btw hmm um uh`
    .split(/\s+/)
    .filter(Boolean),
);

/** Generic job nouns: present in many titles, so they count for little on their own. */
export const GENERIC_ROLE_WORDS = new Set(
  `engineer developer specialist expert scientist analyst consultant architect manager
  lead professional practitioner researcher programmer technician administrator designer
  officer head staff worker job role career position`
    .split(/\s+/)
    .filter(Boolean),
);

/** Generic words that name a kind of job (not "role" or "career"): two different ones mean two jobs. */
export const JOB_NOUNS = new Set(
  `engineer developer specialist expert scientist analyst consultant architect manager
  professional practitioner researcher programmer technician administrator designer officer
  sme tester teacher`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Multi-word terms and their short forms, so "machine learning systems engineer"
 * and "ml systems engineer" are the same words to the matcher. Applied to
 * titles, aliases, content and questions alike.
 */
export const CANONICAL_PHRASES: ReadonlyArray<readonly [string[], string]> = [
  [['machine', 'learning'], 'ml'],
  [['large', 'language', 'model'], 'llm'],
  [['large', 'language', 'models'], 'llm'],
  [['llms'], 'llm'],
  [['natural', 'language', 'processing'], 'nlp'],
  [['subject', 'matter', 'expert'], 'sme'],
  [['subject', 'matter', 'experts'], 'sme'],
  [['artificial', 'intelligence'], 'ai'],
  [['knowledge', 'graph'], 'kg'],
  [['knowledge', 'graphs'], 'kg'],
  [['laboratory'], 'lab'],
  [['laboratories'], 'lab'],
  [['labs'], 'lab'],
  [['eng'], 'engineer'],
  [['engineering'], 'engineer'],
  [['engr'], 'engineer'],
  [['dev'], 'developer'],
  [['devs'], 'developer'],
  // People say "companies" where a profile says "businesses" or "enterprises": one word for fit and content matching.
  ...[
    'company',
    'companies',
    'businesses',
    'enterprise',
    'enterprises',
    'firm',
    'firms',
    'organisation',
    'organisations',
    'organization',
    'organizations',
  ].map((w): [string[], string] => [[w], 'business']),
];

/** Greetings and thanks: answered with help rather than "unknown". */
export const GREETING = new RegExp(
  String.raw`^(hi|hey|hello|hallo|hiya|howdy|yo|sup|good (morning|afternoon|evening)|greetings|thanks|` +
    String.raw`thank you|thx|ty)( (there|bot|all|everyone|folks|team|career bot|careerbot))*$`,
);

/** Asking how to use the bot. Only when nothing else is asked (see HELP_FILLER). */
export const HELP_CUE = new RegExp(
  String.raw`\b(help|commands?|usage|menu|instructions?|manual|guide|` +
    String.raw`how (do|can|should) (i|we) (use|ask|talk)|how to use|what can (you|i) (do|ask)|` +
    String.raw`what do you (do|know)|how does (this|it) work|what are you)\b|^\?+$`,
);
export const HELP_FILLER = new Set(
  `help commands command usage menu instructions instruction manual guide use ask talk work
  bot you this it what how can do does are is the a me please available list show there which
  i we your with options option here me to about support supported have has offer`.split(/\s+/),
);

/** "show me all roles", "what careers are covered", "list". */
export const LIST_CUE = /\b(list|roles?|careers?|jobs?|professions?|profiles?|positions?|titles?|occupations?)\b/;
export const LIST_FILLER = new Set(
  `list all show see roles role careers career jobs job professions profession profiles profile
  positions position titles title occupations occupation covered cover available supported support
  offer offered have has know do does which what there options option every everything you the me
  are is of do can could please give tell other others else more different kinds types
  database db catalog catalogue bot here ask about u ur in on for your got`.split(/\s+/),
);

export const TIP_CUE =
  /\b(tips?|hints?|tip of the week|skill tip|weekly tip|daily tip|advice|something to (try|practice))\b/;

/** Pay questions. "how much" alone is weaker: "how much experience" is not pay. */
export const SALARY_CUE = new RegExp(
  String.raw`\b(salary|salaries|salry|pay|pays|paid|paying|payscale|earn|earns|earned|earning|earnings|` +
    String.raw`compensation|comp|tc|total comp|wage|wages|income|money|remuneration|package|bonus|bonuses|` +
    String.raw`stipend|rate|rates|ctc|how much)\b|\b(make|makes|making)\b(?=\s*$|` +
    String.raw`\s+(in|at|per|a year|annually|yearly|money|on average|after|starting|out of|right out|` +
    String.raw`a month|an hour|there))`,
);

/** Pay words that outweigh any topic word ("salary trends" is a pay question). */
export const STRONG_SALARY_CUE = new RegExp(
  String.raw`\b(salary|salaries|salry|pay|pays|paid|earn|earns|earning|earnings|compensation|comp|tc|` +
    String.raw`wage|wages|income|remuneration|payscale|ctc)\b|\b(make|makes|making)\b(?=\s*$|` +
    String.raw`\s+(in|at|per|a year|annually|yearly|money|on average|after|starting|out of|right out|` +
    String.raw`a month|an hour|there))`,
);

export const LEVEL_CUES: ReadonlyArray<readonly ['entry' | 'mid' | 'senior', RegExp]> = [
  [
    'entry',
    new RegExp(
      String.raw`\b(entry|entry level|junior|juniors|jr|graduate|graduates|grad|grads|new grads?|beginner|` +
        String.raw`beginners|fresher|freshers|starting|starter|early career|first job|intern|interns|` +
        String.raw`associate)\b`,
    ),
  ],
  ['mid', /\b(mid|mid level|midlevel|middle|intermediate|mid career|mid senior)\b/],
  ['senior', /\b(senior|seniors|sr|snr|staff|principal|lead|experienced|veteran|veterans|seasoned|expert level)\b/],
];

/**
 * Section cues, strongest first within a section. The weight breaks ties
 * between sections: a specific phrase ("soft skills") beats a general word
 * ("skills") that it contains.
 */
export const SECTION_CUES: ReadonlyArray<readonly [string, number, RegExp]> = [
  [
    'soft-skills',
    3,
    new RegExp(
      String.raw`\b(soft skills?|people skills?|interpersonal|communication|communicate|teamwork|team work|` +
        String.raw`team player|non technical skills?|personal qualities|personality|traits?|` +
        String.raw`behaviou?ral skills?|empathy|attitude|mindset)\b`,
    ),
  ],
  // "tips for doing X well" asks how to do the job well, not for the weekly tip.
  [
    'best-practices',
    3,
    new RegExp(
      String.raw`\b(do|does|doing|done|work|works|working|perform|performing) (it |this |the job |` +
        String.raw`the role )?well\b|\b(be|being|become|becoming) (a |an )?(good|great|better|successful|` +
        String.raw`excellent)\b|\b(excel|succeed|thrive)\b`,
    ),
  ],
  [
    'best-practices',
    3,
    new RegExp(
      String.raw`\b(best practices?|good practices?|guidelines?|practices?|dos and donts|do s and don ts|` +
        String.raw`rules of thumb|standards|conventions|how to do it well|recommendations?|recommended|` +
        String.raw`how should|the right way|best way|properly)\b`,
    ),
  ],
  [
    'career-path',
    3,
    new RegExp(
      String.raw`\b(career paths?|career progression|career ladder|career development|career growth|` +
        String.raw`progression|progress|promotions?|promoted|advance|advancement|grow|growing|next steps?|path|` +
        String.raw`paths|trajectory|level up|move up|become (an? )?(senior|lead|principal|staff)|` +
        String.raw`specialis[ae]tions?|specializ[ae]tions?|specialise|specialize|become senior|where can i go|` +
        String.raw`long term|roadmap|comes? after|after senior|next role|next level|climb|ladder|get ahead)\b`,
    ),
  ],
  [
    'responsibilities',
    3,
    new RegExp(
      String.raw`\b(responsibilit(y|ies)|duties|duty|tasks?|day to day|day in the life|daily|job description|` +
        String.raw`in charge of|role involve|involves?|work on|working on|what (do|does|did)( \w+){0,3} do|` +
        String.raw`do all day|do every day|job entails?|entails?|accountable for|responsible for|` +
        String.raw`what (do|does|did)( \w+){0,3} (build|builds|create|handle|work on|deliver|own|look after))\b`,
    ),
  ],
  [
    'education',
    3,
    new RegExp(
      String.raw`\b(degrees?|education|educational|qualifications?|qualified|qualify|study|studies|studying|` +
        String.raw`major|university|college|phd|ph d|masters?|master s|bachelors?|bachelor s|certifications?|` +
        String.raw`certificates?|certified|diploma|school|schooling|experience (required|needed|do i need)|` +
        String.raw`years of experience|courses?|bootcamp|self taught)\b`,
    ),
  ],
  // Weaker than a skill word: "skills needed to become X" asks for skills.
  [
    'education',
    1.5,
    new RegExp(
      String.raw`\b(background|requirements?|required|prerequisites?|become an?|how to become|get into|` +
        String.raw`break into|getting into|start out|starting out)\b`,
    ),
  ],
  [
    'demand',
    3,
    new RegExp(
      String.raw`\b(demand|in demand|job market|market|outlook|hiring|hire|hires|who hires|employers?|` +
        String.raw`companies|openings?|vacancies|job growth|growth|prospects?|opportunit(y|ies)|job security|` +
        String.raw`worth it|future proof|jobs available|popular|sought after)\b`,
    ),
  ],
  [
    'trends',
    3,
    new RegExp(
      String.raw`\b(trends?|trending|latest|emerging|upcoming|future|whats next|what s next|developments|` +
        String.raw`evolving|changing|changes|innovations?|state of the art|new tech|hot topics?|direction|` +
        String.raw`heading|headed|going forward|where is( \w+){0,4} going)\b`,
    ),
  ],
  [
    'challenges',
    3,
    new RegExp(
      String.raw`\b(challenges?|challenging|difficult|difficulty|difficulties|hard|hardest|tough|toughest|` +
        String.raw`problems?|issues|pitfalls?|obstacles?|downsides?|cons|drawbacks?|struggles?|struggle|risks?|` +
        String.raw`pain points?|pros and cons|disadvantages?|limitations?|headaches?|hurdles?|frustrations?|` +
        String.raw`frustrating|worst part|hardest part|stress|stressful|blockers?)\b`,
    ),
  ],
  [
    'work-environment',
    3,
    new RegExp(
      String.raw`\b(work environment|working environment|environment|workplace|office|remote|remotely|wfh|` +
        String.raw`work from home|hybrid|teams?|colleagues|coworkers|collaborate|collaborates|collaboration|` +
        String.raw`work with|works with|working with|who do they work|culture|settings?|` +
        String.raw`where do( \w+){0,3} work|industries|sectors?|work life|life as|work life balance)\b`,
    ),
  ],
  [
    'skills',
    2,
    new RegExp(
      String.raw`\b(skills?|skillset|skill set|tools?|tooling|tech stack|stack|technolog(y|ies)|libraries|` +
        String.raw`library|frameworks?|programming|languages?|learn|learning|know how|proficien(t|cy)|` +
        String.raw`competenc(y|ies)|expertise|abilities|toolkit|software|platforms?|need to know|have to know|` +
        String.raw`should know|must know|code|coding|math|maths|mathematics|statistics)\b`,
    ),
  ],
  // What the work brings: the profiles give benefits their place in the overview.
  ['overview', 3, /\b(advantages?|benefits?|pros|strengths?|upsides?)\b/],
  [
    'overview',
    1,
    new RegExp(
      String.raw`\b(overview|what is|what s|whats|who is|who are|about|describe|description|introduction|` +
        String.raw`intro|summary|summarise|summarize|explain|meaning|definition|define|tell me about)\b`,
    ),
  ],
];

/** Words that ask "which role does X?" rather than naming one. */
export const ROLE_SEEKING_CUE = new RegExp(
  String.raw`\b(which|what) (role|roles|job|jobs|career|careers|position|positions|title|engineer|` +
    String.raw`engineers|profession|kind of (engineer|job|role))\b|\b(careers?|jobs?|roles?|work|working|` +
    String.raw`works|someone|person|people|specialist|expert|engineer) (in|with|on|who|that|doing|using|` +
    String.raw`uses|building)\b|\bwho (uses?|does|works?|builds?|designs?|handles?)\b|\binterested in\b`,
);

/**
 * Topic words typos are corrected towards ("responsibilites", "salery"). The
 * corrected word then meets the cue patterns above.
 */
export const TOPIC_WORDS = `overview describe description introduction summary explain definition
responsibility responsibilities duties tasks daily involve entails
skills skillset tools tooling technology technologies libraries library frameworks framework programming
languages learn proficiency competencies expertise
degree degrees education educational qualifications qualification study university college masters bachelors
bachelor certification certifications certificate diploma background requirements required prerequisites
courses bootcamp
soft interpersonal communication personality traits
career path paths progression progress promotion promotions advance advancement trajectory specialisation specialization
demand market outlook hiring employers companies openings vacancies growth prospects opportunities opportunity
security popular
trends trending latest emerging upcoming future developments evolving changing innovations
best practices practice guidelines standards recommendations
challenges challenge challenging difficult difficulty difficulties hardest problems issues pitfalls obstacles
downsides drawbacks struggles risks advantages disadvantages limitations
environment workplace office remote hybrid teams colleagues coworkers collaborate collaboration culture
settings industries sectors
salary salaries earn earnings making compensation wage wages income remuneration bonus stipend
entry junior juniors graduate graduates grad grads beginner beginners fresher freshers starter intern interns associate
intermediate midlevel middle senior seniors principal staff lead experienced veteran veterans seasoned
tips advice
list roles careers professions profession jobs help commands instructions usage`
  .split(/\s+/)
  .filter((w) => w.length >= 4);

/** The topic words as a set: never read as a slip in a job title. */
export const TOPIC_WORD_SET: ReadonlySet<string> = new Set(TOPIC_WORDS);
