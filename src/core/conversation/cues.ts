/**
 * Phrases that shape a turn of conversation, matched against normalised text
 * (lower case, punctuation gone, "what's" -> "whats", "I've" -> "ive").
 */

/** Putting roles side by side. Two roles named in one message compare without any cue. */
export const COMPARE_CUE = new RegExp(
  String.raw`\b(vs|versus|compare|compared|comparing|comparison|contrast|difference|differences|differ|` +
    String.raw`differs|different|distinguish|similar|similarities|same as|` +
    String.raw`which (one|of them|of the two|of those|of these)|which is (better|higher|bigger|more)|` +
    String.raw`(pays?|paid|earns?|makes?|gets?) (more|less|better|the most|the least)|` +
    String.raw`(better|worse|higher|lower) (paid|pay|salary)|stack up|side by side|` +
    String.raw`(more|less|higher|lower|better|worse|bigger|smaller) than|as much as)\b`,
);

/** "Which role suits me?" and its many phrasings. */
export const FIT_CUE = new RegExp(
  String.raw`\b(suits? me|fits? me|fit for me|fitting for me|right for me|good for me|best for me|` +
    String.raw`for someone like me|for a person like me|match(es)? me|matches my|suits my|fits my|` +
    String.raw`should i (aim|go|look|do|pursue|consider|try|choose|pick|become|be|target|apply|get into|` +
    String.raw`go into)|` +
    String.raw`(what|which) (kind of |sort of |type of )?(role|career|job|path|position|profession|one|` +
    String.raw`of (your|these|the) roles)s? ((should|would|could|might|can) i|suits?|fits?|would suit|` +
    String.raw`would fit|is right|is best|matches|do you recommend|do you suggest|for me)|` +
    String.raw`(roles?|careers?|jobs?) (should|could|would) i|where (do|would|could) i fit|` +
    String.raw`what can i become|what could i become|recommend (a |me )|best fit|good fit|good match|` +
    String.raw`best match|aim for|suited (to|for))\b`,
);

/** The person talking about themselves: what fit scoring reads. */
export const SELF_CUE = new RegExp(
  String.raw`\b(i know|im good|i am good|im great|i love|i like|i enjoy|ive been|i have been|i have|` +
    String.raw`i work|i worked|i studied|i study|my background|my skills|my experience|` +
    String.raw`experience (with|in)|i use|im into|i am into|i can|im a|i am a|im an|i am an|im interested|` +
    String.raw`i am interested|i ve)\b`,
);

/** A reference to the last list offered: "the second one", "the latter". */
export const ORDINAL_CUE = new RegExp(
  String.raw`\b(?:the (first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|former|latter|` +
    String.raw`top)(?: one| role| option| choice| match| profile)?|(first|second|third|last) one|` +
    String.raw`(?:number|option|no|#) ?([1-5]))\b`,
);

export const ORDINALS: Record<string, number> = {
  first: 0,
  '1st': 0,
  top: 0,
  former: 0,
  '1': 0,
  second: 1,
  '2nd': 1,
  '2': 1,
  third: 2,
  '3rd': 2,
  '3': 2,
  fourth: 3,
  '4th': 3,
  '4': 3,
  fifth: 4,
  '5th': 4,
  '5': 4,
};

/** "the other one": of two offered, the one not being talked about. */
export const OTHER_CUE = /\bthe other( one| role| option)?\b/;

/** "and with X?", "vs X?": a comparison continued against a new role. */
export const COMPARE_AGAIN_CUE = new RegExp(
  String.raw`^(?:(?:and|or|ok|okay|so|now|then|also)\s+)*(?:what about |how about )?(?:with|against|vs|v|` +
    String.raw`versus|compared (?:to|with)|next to)\b`,
);

/** Asking for more of the same: "tell me more", "go on". */
export const MORE_CUE = new RegExp(
  String.raw`\b(tell me more|more (info|information|details?|about (it|that|them|this))|go on|keep going|` +
    String.raw`continue|elaborate|more please|anything else|what else)\b`,
);

/** Words that acknowledge rather than ask: never a reason to forget the conversation. */
export const CHATTER = new Set(
  (
    'ok okay cool nice great awesome hmm interesting wow alright sure right got it i see thanks thank you ' +
    'thx ty perfect good lol haha yes yeah yep no nope fine understood'
  ).split(' '),
);

/** Words pointing back at what was said: the follow-up continues the context. */
export const PRONOUN_CUE = new RegExp(
  String.raw`\b(they|them|their|theirs|it|its|this role|that role|this job|that job|this one|that one|` +
    String.raw`that|those|these|he|she|his|her|one|ones|both|each|either|same)\b`,
);

/** Several roles at once: "their", "both", "each of them". */
export const PLURAL_CUE =
  /\b(both|each|either|neither|the two|two roles|all of them|these roles|those roles|which one|which of)\b/;

/** How follow-ups open: "and ...", "what about ...", "ok and how about ...". */
export const FOLLOW_UP_CUE = new RegExp(
  String.raw`^(and|also|plus|ok|okay|so|then|now|but|same|cool|great|nice|thanks|thank you|thx|ty|right|` +
    String.raw`hmm|ah|oh)\b|\b(what about|how about|what of|and for|and in|and at|same for|same question|` +
    String.raw`as well|too)\b`,
);

/** Splits a message into the parts that may each name one role. */
export const ROLE_SEPARATOR =
  /\b(?:vs|v|versus|and|with|from|compared to|compared with|against|or|than|to|between|over|also|plus|then)\b/;
