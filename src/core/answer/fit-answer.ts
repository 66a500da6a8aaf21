import type { Content, Role } from '../content/types.js';
import { correctWords } from '../conversation/correct-words.js';
import type { Reply } from '../reply.js';
import type { SectionId } from '../sections.js';
import { tokenize } from '../text/normalize.js';
import { canonicalize } from '../understand/canonical.js';
import type { QuestionReader } from '../understand/question-reader.js';
import { roleChoices } from './choices.js';

/** One role that fits what the person said, with the words of theirs its profile uses. */
export interface FitMatch {
  role: Role;
  score: number;
  words: string[];
}

/** What a profile says about the work itself counts fully; the rest of the profile counts half. */
const SECTION_WEIGHT: Partial<Record<SectionId, number>> = {
  skills: 1,
  responsibilities: 1,
  education: 1,
  overview: 0.75,
};
const OTHER_SECTION_WEIGHT = 0.5;
/** A role is listed when it scores at least this share of the best role's score. */
const SHOWN_SHARE = 0.35;
const MAX_SHOWN = 3;

/** Words of the question itself ("which role suits me"), never evidence of a fit. */
const ASKING_WORDS = new Set(
  `suit suits suited fit fits fitting match matches role roles career careers job jobs path paths aim become pursue
  look looking choose pick recommend consider enjoy enjoyed love loved interested interest background
  experience experienced
  skill skills good great strong work worked working field area best should would could right fine`.split(/\s+/),
);

/**
 * Ranks roles by the person's own words found in each profile, rarer words
 * counting more (an IDF weight over the roles), so "SPARQL" says more than
 * "data"; words the profile repeats count a little more (a damped TF). A
 * word every profile uses tells the roles apart no better than silence and
 * is not counted.
 */
export function fitRoles(reader: QuestionReader, text: string): FitMatch[] {
  const words = tokenize(text).filter((w) => !ASKING_WORDS.has(w));
  const fixed = correctWords(reader, words);
  const n = reader.index.roles.length;
  const scores = new Map<string, { score: number; words: string[] }>();
  const seen = new Set<string>();
  for (const t of canonicalize(fixed)) {
    if (seen.has(t.word)) continue;
    seen.add(t.word);
    const roles = reader.index.contentByWord.get(t.word);
    if (!roles || (n >= 3 && roles.size >= n)) continue;
    const idf = Math.log((n + 1) / roles.size);
    const surface = words.slice(t.from, t.to).join(' ');
    for (const [roleId, sections] of roles) {
      let weight = 0;
      let uses = 0;
      for (const [section, count] of sections) {
        weight = Math.max(weight, SECTION_WEIGHT[section] ?? OTHER_SECTION_WEIGHT);
        uses += count;
      }
      const entry = scores.get(roleId) ?? { score: 0, words: [] };
      // A profile that keeps coming back to the word is about it a little more (damped: log).
      entry.score += idf * weight * (1 + 0.25 * Math.log(uses));
      entry.words.push(surface);
      scores.set(roleId, entry);
    }
  }
  const ranked = [...scores]
    .map(([id, v]) => ({ role: reader.index.roleById(id), ...v }))
    .sort((a, b) => b.score - a.score || b.words.length - a.words.length);
  const best = ranked[0]?.score ?? 0;
  return ranked.filter((m) => m.score >= best * SHOWN_SHARE).slice(0, MAX_SHOWN);
}

/** The fitting roles, best first, each with the words that put it there; or a question back when none fit. */
export function fitReply(content: Content, matches: readonly FitMatch[]): Reply {
  if (matches.length === 0) {
    return {
      intent: 'fit',
      title: 'Which role suits you?',
      blocks: [
        {
          type: 'paragraph',
          text:
            "Nothing you said matches any profile's skills, responsibilities or education, " +
            "so I can't point you to a role yet.",
        },
        {
          type: 'paragraph',
          text:
            'What do you know or enjoy? Tools, languages, subjects or kinds of work, ' +
            'e.g. "I know Python and SQL and like building data pipelines".',
        },
      ],
      choices: [{ label: 'List roles', action: { type: 'list' }, group: 'role' }],
      private: false,
    };
  }
  return {
    intent: 'fit',
    title: 'Roles that fit what you said',
    blocks: [
      {
        type: 'list',
        ordered: true,
        items: matches.map((m) => `${m.role.title}: its profile mentions ${m.words.join(', ')}`),
      },
      {
        type: 'paragraph',
        text:
          'Ranked by how many of your words each profile uses, rarer words counting more. ' +
          'Pick one to read its profile.',
      },
    ],
    choices: roleChoices(
      matches.map((m) => m.role),
      'role',
    ),
    private: false,
    role: matches[0]!.role.id,
    roles: matches.map((m) => m.role.id),
  };
}
