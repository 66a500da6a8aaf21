import { LEVELS, type Content, type Level, type Role } from '../content/types.js';
import type { Block, Choice, Field, Reply } from '../reply.js';
import type { PlaceMention } from '../understand/locations.js';
import { navigationChoices, roleChoices } from './choices.js';
import { money, moneyRange } from './money.js';

export const LEVEL_TITLES: Record<Level, string> = { entry: 'Entry level', mid: 'Mid level', senior: 'Senior level' };

/**
 * Pay figures for a role: the level and city asked for first, then the ranges
 * around them and the source. Every amount is quoted from the content; where
 * the content has none, the answer says so and shows no amount at all.
 */
export function salaryReply(content: Content, role: Role, level: Level | null, place: PlaceMention | null): Reply {
  const s = role.salary;
  const base = {
    intent: 'salary' as const,
    title: `${role.title} · Salary`,
    private: true,
    shareable: true,
    role: role.id,
    section: 'salary' as const,
  };
  const prose = role.sections.get('salary');
  if (!s && prose) return { ...base, blocks: prose, choices: navigationChoices(content, role, 'salary') };
  if (!s) {
    return {
      ...base,
      blocks: [
        {
          type: 'paragraph',
          text:
            `I have no salary figures for ${role.title}: ` +
            "the material behind its profile does not include pay data, and I don't estimate.",
        },
      ],
      choices: navigationChoices(content, role, 'salary'),
    };
  }
  const c = s.currency;
  const blocks: Block[] = [];
  const asked: string[] = [];
  if (level) {
    const r = s.levels[level];
    asked.push(
      r
        ? `${LEVEL_TITLES[level]}${r.years ? ` (${r.years} years)` : ''}: ${moneyRange(r, c)} a year.`
        : `There is no ${LEVEL_TITLES[level].toLowerCase()} figure in the data.`,
    );
  }
  if (place) {
    const loc = place.id ? s.locations[place.id] : undefined;
    asked.push(
      loc
        ? `${loc.name}: ${moneyRange(loc, c)} a year (city average).`
        : `There are no figures for ${place.name} in the data; the cities covered are below.`,
    );
  }
  const tc = s.totalCompensation;
  const footer = `Figures: ${s.source}. ${s.region}, ${s.year}, ${c} per year.`;
  if (asked.length) {
    // Something specific was asked: the figures for it and the total-pay note,
    // with the whole table one button away.
    blocks.push({ type: 'paragraph', text: asked.join(' ') });
    if (tc?.average !== undefined) {
      const parts = tc.includes.length ? ` (${tc.includes.join(', ')})` : '';
      blocks.push({
        type: 'paragraph',
        text: `These are base salaries; average total compensation${parts} is ${money(tc.average, c)}.`,
      });
    }
    if (place && !(place.id && s.locations[place.id])) {
      blocks.push({
        type: 'paragraph',
        text: `Cities with figures: ${Object.values(s.locations)
          .map((l) => l.name)
          .join(', ')}.`,
      });
    }
    const full: Choice = {
      label: 'Full pay breakdown',
      action: { type: 'section', role: role.id, section: 'salary' },
      group: 'section',
    };
    return { ...base, blocks, choices: [full, ...navigationChoices(content, role, 'salary')], footer };
  }
  if (s.average)
    blocks.push({ type: 'paragraph', text: `On average ${moneyRange(s.average, c)} a year in the ${s.region}.` });

  const levelFields: Field[] = LEVELS.flatMap((l) => {
    const r = s.levels[l];
    return r ? [{ label: `${LEVEL_TITLES[l]}${r.years ? ` (${r.years} yrs)` : ''}`, value: moneyRange(r, c) }] : [];
  });
  if (levelFields.length)
    blocks.push({ type: 'heading', text: 'By experience' }, { type: 'fields', fields: levelFields });
  const cities = Object.values(s.locations).map((l) => ({ label: l.name, value: moneyRange(l, c) }));
  if (cities.length) blocks.push({ type: 'heading', text: 'By city' }, { type: 'fields', fields: cities });

  const tcItems = [
    tc?.average !== undefined
      ? `Average total compensation: ${money(tc.average, c)}` +
        (tc.averageBase !== undefined ? ` (of which ${money(tc.averageBase, c)} base salary)` : '')
      : null,
    tc?.topCompanies ? `Top tech companies: packages of ${moneyRange(tc.topCompanies, c)}` : null,
    tc?.includes.length ? `Usually made up of: ${tc.includes.join(', ')}` : null,
    s.overall ? `Overall spread: ${moneyRange(s.overall, c)} a year, depending on the factors below` : null,
  ].filter((x): x is string => x !== null);
  if (tcItems.length)
    blocks.push({ type: 'heading', text: 'Total compensation' }, { type: 'list', items: tcItems, ordered: false });
  if (s.factors.length)
    blocks.push({ type: 'heading', text: 'What moves pay' }, { type: 'list', items: s.factors, ordered: false });
  if (s.notes.length)
    blocks.push({ type: 'heading', text: 'Also worth knowing' }, { type: 'list', items: s.notes, ordered: false });

  return {
    ...base,
    blocks,
    choices: navigationChoices(content, role, 'salary'),
    footer,
  };
}

/** A pay question that names no role: ask which, showing which roles have figures. */
export function salaryWhichRoleReply(content: Content): Reply {
  const withData = content.roles.filter((r) => r.salary);
  return {
    intent: 'salary',
    title: 'Salary: which role?',
    blocks: [
      {
        type: 'paragraph',
        text: 'Which role do you mean? Ask like "how much does a senior ML systems engineer make in Seattle?"',
      },
      withData.length
        ? { type: 'paragraph', text: `I have pay figures for: ${withData.map((r) => r.title).join(', ')}.` }
        : { type: 'paragraph', text: 'None of the profiles has pay figures yet.' },
    ],
    choices: roleChoices(withData, 'suggestion', 'salary'),
    private: true,
  };
}
