// A generated catalog of roles whose titles share words the way real job
// titles do ("Water Operations Developer", "Water Signal Developer"), half of
// them with a short unique alias ("water developer"), and questions that name
// one role with a typo of a chosen kind plus a topic. Used by the scale test
// (test/core/catalog-scale.test.ts) and the scale bench (bench/scale.bench.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIELDS = `water biomedical energy retail climate genomics payments identity fraud logistics
marine mining forestry aviation railway automotive textile pharmacy hospital clinical
insurance banking trading lending mortgage credit customs shipping warehouse freight
satellite weather ocean wildlife farming irrigation fisheries nutrition dental veterinary
theatre museum library archive broadcast publishing advertising fashion furniture ceramics
semiconductor battery hydrogen nuclear solar wind geothermal carbon recycling plastics
chemical polymer concrete bridge tunnel highway transit parking elections census taxation
education tutoring hiring payroll benefits pension housing tourism hotel restaurant`.split(/\s+/);

const FOCUS = `operations signal research process platform quality safety reliability analytics
forecasting planning scheduling pricing billing compliance security privacy integration
migration automation testing monitoring imaging sensing mapping routing sourcing inventory
maintenance inspection modelling simulation optimisation visualisation reporting auditing
experimentation measurement calibration controls robotics firmware interface content search
ranking recommendation personalisation localisation accessibility infrastructure storage
streaming networking telemetry diagnostics prediction detection classification labelling
annotation translation documentation training procurement contracts licensing governance`.split(/\s+/);

const QUALIFIERS = ['systems', 'data', 'software', 'product', 'field', 'cloud'];

const NOUNS = [
  'developer',
  'engineer',
  'analyst',
  'specialist',
  'scientist',
  'architect',
  'manager',
  'designer',
  'technician',
  'consultant',
];

const TOPICS = [
  'skills',
  'responsibilities',
  'career path',
  'education',
  'challenges',
  'salary',
  'best practices',
  'soft skills',
];

const FILLER = `design build operate maintain improve measure review document deploy monitor scale
optimise debug automate integrate plan estimate mentor collaborate teams stakeholders
customers services pipelines datasets dashboards tooling standards processes incidents
releases budgets roadmaps experiments metrics schemas vendors audits checklists`.split(/\s+/);

/** A small seeded PRNG (mulberry32): the same catalog for the same seed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TYPO_KINDS = ['dropped', 'doubled', 'swapped', 'wrong', 'space', 'plural'];

/** One slip of the given kind in a title's words (an array), as a person makes it. */
export function applyTypo(words, kind, rand) {
  const out = [...words];
  // The longest word: where a slip is most likely and least guessable.
  const at = out.reduce((best, w, i) => (w.length > out[best].length ? i : best), 0);
  const w = out[at];
  const k = 1 + Math.floor(rand() * (w.length - 2));
  switch (kind) {
    case 'dropped':
      out[at] = w.slice(0, k) + w.slice(k + 1);
      break;
    case 'doubled':
      out[at] = w.slice(0, k) + w[k] + w.slice(k);
      break;
    case 'swapped':
      out[at] = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
      break;
    case 'wrong': {
      const letters = 'abcdefghijklmnopqrstuvwxyz'.replace(w[k], '');
      out[at] = w.slice(0, k) + letters[Math.floor(rand() * letters.length)] + w.slice(k + 1);
      break;
    }
    case 'space': {
      const j = Math.floor(rand() * (out.length - 1));
      out.splice(j, 2, out[j] + out[j + 1]);
      break;
    }
    case 'plural':
      out[out.length - 1] += 's';
      break;
    default:
      throw new Error(`unknown typo kind ${kind}`);
  }
  return out;
}

const cap = (w) => w[0].toUpperCase() + w.slice(1);

/**
 * `count` roles and `perRole` questions each (mostly titles with a typo, a
 * share by alias), deterministic for a seed.
 */
export function generateCatalog({ count, seed = 7, perRole = 2 }) {
  const rand = prng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const titles = new Set();
  const roles = [];
  while (roles.length < count) {
    const words = [pick(FIELDS), pick(FOCUS)];
    if (rand() < 0.2) words.push(pick(QUALIFIERS));
    words.push(pick(NOUNS));
    const key = words.join(' ');
    if (new Set(words).size < words.length || titles.has(key)) continue;
    titles.add(key);
    roles.push({ id: words.join('-'), words, title: words.map(cap).join(' '), aliases: [], related: [] });
  }
  // Aliases for half the roles: a short form that no other role uses as a name.
  const taken = new Set(titles);
  for (const role of roles) {
    if (rand() < 0.5) continue;
    const noun = role.words[role.words.length - 1];
    const alias = `${rand() < 0.5 ? role.words[0] : role.words[1]} ${noun}`;
    if (taken.has(alias)) continue;
    taken.add(alias);
    role.aliases.push(alias);
  }
  roles.forEach((role, i) => {
    role.related = [roles[(i + 1) % roles.length].id, roles[(i + 7) % roles.length].id];
  });

  const questions = [];
  for (const role of roles) {
    for (let n = 0; n < perRole; n += 1) {
      const topic = pick(TOPICS);
      if (role.aliases.length && rand() < 0.15) {
        questions.push({ q: `${role.aliases[0]} ${topic}`, role: role.id, kind: 'alias' });
        continue;
      }
      const kind = TYPO_KINDS[Math.floor(rand() * TYPO_KINDS.length)];
      const phrase = applyTypo(role.words, kind, rand).join(' ');
      questions.push({
        q: rand() < 0.5 ? `${phrase} ${topic}` : `what about ${topic} for a ${phrase}`,
        role: role.id,
        kind,
      });
    }
  }
  return { roles, questions };
}

function roleFile(role, rand) {
  const sentence = (k) => Array.from({ length: k }, () => FILLER[Math.floor(rand() * FILLER.length)]).join(' ');
  const sections = [
    'Overview',
    'Responsibilities',
    'Skills',
    'Education',
    'Soft Skills',
    'Career Path',
    'Challenges',
    'Best Practices',
  ];
  const body = sections
    .map((s) => `## ${s}\n\n${cap(sentence(14))}.\n\n- ${sentence(8)}\n- ${sentence(8)}\n- ${sentence(8)}\n`)
    .join('\n');
  const list = (xs) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  return (
    `---\nid: ${role.id}\ntitle: ${role.title}\n` +
    `aliases: ${list(role.aliases)}\nrelated: ${list(role.related)}` +
    `\n---\n\n${body}`
  );
}

/** Writes the catalog as a content folder (`roles/<id>.md`) under `dir`. */
export function writeCatalog(dir, catalog, seed = 11) {
  const rand = prng(seed);
  mkdirSync(path.join(dir, 'roles'), { recursive: true });
  for (const role of catalog.roles) writeFileSync(path.join(dir, 'roles', `${role.id}.md`), roleFile(role, rand));
}

/** Found / wrong-role shares of answers, and the misses for a report. */
export function scoreAnswers(questions, roleOf) {
  let found = 0;
  let wrong = 0;
  const misses = [];
  for (const q of questions) {
    const got = roleOf(q.q);
    if (got === q.role) found += 1;
    else {
      if (got) wrong += 1;
      misses.push({ ...q, got });
    }
  }
  return { n: questions.length, found: found / questions.length, wrong: wrong / questions.length, misses };
}
