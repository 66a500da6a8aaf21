import type { Content, Level, Role } from '../content/types.js';
import type { Block, Choice, Reply } from '../reply.js';
import { SECTION_TITLES, type SectionId } from '../sections.js';
import { normalizeText } from '../text/normalize.js';
import { canonicalWords, STOP_STEMS } from '../understand/canonical.js';
import type { PlaceMention } from '../understand/locations.js';
import { moneyRange } from './money.js';
import { LEVEL_TITLES } from './salary-answer.js';
import { sectionLines } from './section-lines.js';

/** Lines shown per role: a comparison is a glance, the buttons lead to the rest. */
const LINES_PER_ROLE = 3;

/**
 * Two or more roles side by side on one topic. For each role, the lines that
 * set it apart from the others come first; a role with nothing on the topic
 * says so, and the gap is never filled from elsewhere.
 */
export function compareReply(
  content: Content,
  roles: readonly Role[],
  section: SectionId,
  level: Level | null,
  place: PlaceMention | null,
): Reply {
  const titles = roles.map((r) => r.title).join(' vs ');
  const blocks = section === 'salary' ? payBlocks(roles, level, place) : sectionBlocks(roles, section);
  const choices: Choice[] = roles.map((r) => ({
    label: `${r.title} · ${SECTION_TITLES[section]}`,
    action: { type: 'section', role: r.id, section },
    group: 'role',
  }));
  const salaried = roles.filter((r) => r.salary);
  return {
    intent: 'compare',
    title: `${titles} · ${SECTION_TITLES[section]}`,
    blocks,
    choices,
    private: section === 'salary',
    shareable: true,
    role: roles[0]!.id,
    roles: roles.map((r) => r.id),
    section,
    ...(section === 'salary' && salaried.length
      ? {
          footer: `Figures: ${[...new Set(salaried.map((r) => `${r.salary!.source}, ${r.salary!.year}`))].join('; ')}.`,
        }
      : {}),
  };
}

function sectionBlocks(roles: readonly Role[], section: SectionId): Block[] {
  const lines = roles.map((r) => linesOf(r, section));
  const words = lines.map((ls) => new Set(ls.flatMap((l) => l.words)));
  const blocks: Block[] = [];
  roles.forEach((role, i) => {
    blocks.push({ type: 'heading', text: role.title });
    if (lines[i]!.length === 0) {
      blocks.push({
        type: 'paragraph',
        text:
          `The ${role.title} profile has nothing on ${SECTION_TITLES[section].toLowerCase()}: ` +
          'its source material does not cover it.',
      });
      return;
    }
    const others = new Set(words.flatMap((w, j) => (j === i ? [] : [...w])));
    // A line's share of words the other roles never use: the differences first.
    const ranked = lines[i]!.map(({ line, words: ws }, at) => {
      const own = ws.filter((w) => !others.has(w)).length;
      return { line, at, score: ws.length ? own / ws.length + own * 0.01 : 0 };
    })
      .sort((a, b) => b.score - a.score || a.at - b.at)
      .slice(0, LINES_PER_ROLE);
    blocks.push({ type: 'list', items: ranked.map((r) => r.line), ordered: false });
  });
  return blocks;
}

function payBlocks(roles: readonly Role[], level: Level | null, place: PlaceMention | null): Block[] {
  const blocks: Block[] = [];
  const withFigures = roles.filter((r) => r.salary?.average ?? r.salary?.overall);
  if (withFigures.length >= 2) {
    const avg = (r: Role) => (r.salary!.average ?? r.salary!.overall)!;
    const top = [...withFigures].sort((a, b) => avg(b).max - avg(a).max)[0]!;
    blocks.push({
      type: 'paragraph',
      text: `${top.title} has the highest average range in the data (${moneyRange(avg(top), top.salary!.currency)}).`,
    });
  } else if (withFigures.length < roles.length) {
    const missing = roles.filter((r) => !withFigures.includes(r)).map((r) => r.title);
    blocks.push({
      type: 'paragraph',
      text: `I can't say which pays more: there are no pay figures for ${missing.join(' or ')}, and I don't estimate.`,
    });
  }
  for (const role of roles) {
    blocks.push({ type: 'heading', text: role.title });
    const s = role.salary;
    if (!s) {
      blocks.push({
        type: 'paragraph',
        text: `No salary figures: the material behind the ${role.title} profile has no pay data.`,
      });
      continue;
    }
    const c = s.currency;
    const items: string[] = [];
    const lr = level ? s.levels[level] : undefined;
    if (level)
      items.push(
        lr
          ? `${LEVEL_TITLES[level]}: ${moneyRange(lr, c)} a year`
          : `No ${LEVEL_TITLES[level].toLowerCase()} figure in the data`,
      );
    const loc = place?.id ? s.locations[place.id] : undefined;
    if (place)
      items.push(loc ? `${loc.name}: ${moneyRange(loc, c)} a year` : `No figures for ${place.name} in the data`);
    if (s.average) items.push(`Average: ${moneyRange(s.average, c)} a year (${s.region})`);
    const tcAverage = s.totalCompensation?.average;
    if (tcAverage !== undefined)
      items.push(`Average total compensation: ${moneyRange({ min: tcAverage, max: tcAverage }, c)}`);
    blocks.push({ type: 'list', items, ordered: false });
  }
  return blocks;
}

const cache = new WeakMap<Role, Map<SectionId, Array<{ line: string; words: string[] }>>>();

/** A section's statements with their content words, worked out once per loaded role. */
function linesOf(role: Role, section: SectionId): Array<{ line: string; words: string[] }> {
  let bySection = cache.get(role);
  if (!bySection) cache.set(role, (bySection = new Map<SectionId, Array<{ line: string; words: string[] }>>()));
  let lines = bySection.get(section);
  if (!lines)
    bySection.set(
      section,
      (lines = sectionLines(role.sections.get(section) ?? []).map((line) => ({ line, words: contentWords(line) }))),
    );
  return lines;
}

function contentWords(line: string): string[] {
  return canonicalWords(normalizeText(line, Infinity)).filter((w) => w.length > 2 && !STOP_STEMS.has(w));
}
