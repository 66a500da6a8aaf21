import { parseBody } from './parse-body.js';
import { roleFrontMatterSchema } from './schema.js';
import type { ContentProblem, Role, Salary } from './types.js';
import { parseYaml, validate } from './yaml-source.js';
import type { z } from 'zod';

export type Parsed<T> =
  { ok: true; value: T; lineOf: (path: readonly PropertyKey[]) => number } | { ok: false; problems: ContentProblem[] };

/** Parses one `content/roles/<id>.md`: front matter, then sections. */
export function parseRole(file: string, expectedId: string, text: string): Parsed<Role> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    return {
      ok: false,
      problems: [{ file, line: 1, message: 'missing front matter: the file must start with a "---" line' }],
    };
  }
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) {
    return { ok: false, problems: [{ file, line: 1, message: 'front matter is not closed by a "---" line' }] };
  }
  const source = parseYaml(file, lines.slice(1, end).join('\n'), 2);
  const front = validate(file, source, roleFrontMatterSchema);
  const body = parseBody(file, lines.slice(end + 1).join('\n'), end + 2);
  const problems = [...(front.ok ? [] : front.problems), ...body.problems];
  if (front.ok && front.value.id !== expectedId) {
    problems.push({
      file,
      line: source.lineOf(['id']),
      field: 'id',
      message: `id "${front.value.id}" differs from the file name "${expectedId}"`,
    });
  }
  if (problems.length || !front.ok) return { ok: false, problems };
  if (body.sections.size === 0) {
    return {
      ok: false,
      problems: [{ file, line: end + 2, message: 'no "## Section" headings: a role needs at least one section' }],
    };
  }
  const fm = front.value;
  return {
    ok: true,
    lineOf: (path) => source.lineOf(path),
    value: {
      id: fm.id,
      title: fm.title,
      aliases: fm.aliases,
      related: fm.related,
      sections: body.sections,
      ...(fm.salary ? { salary: toSalary(fm.salary) } : {}),
      file,
    },
  };
}

function toSalary(s: z.infer<typeof roleFrontMatterSchema.shape.salary> & object): Salary {
  const tc = s.total_compensation;
  return {
    currency: s.currency,
    region: s.region,
    year: s.year,
    source: s.source,
    levels: s.levels,
    locations: s.locations,
    ...(s.average ? { average: s.average } : {}),
    ...(s.overall ? { overall: s.overall } : {}),
    ...(tc
      ? {
          totalCompensation: {
            ...(tc.average !== undefined ? { average: tc.average } : {}),
            ...(tc.average_base !== undefined ? { averageBase: tc.average_base } : {}),
            ...(tc.top_companies ? { topCompanies: tc.top_companies } : {}),
            includes: tc.includes,
          },
        }
      : {}),
    factors: s.factors,
    notes: s.notes,
  };
}
