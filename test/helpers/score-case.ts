import { readFileSync } from 'node:fs';

/** One labelled case of the evaluation kit's JSONL format (a single question or a conversation's turn). */
export interface LabelledCase {
  q: string;
  conversation?: string;
  roles?: string[];
  text_excludes?: string;
  text_includes?: string;
  [field: string]: unknown;
}

const FIELDS = ['intent', 'role', 'section', 'level', 'location'] as const;

export function readCases(file: string): LabelledCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledCase);
}

/**
 * What an answer got wrong, by the kit's scorer's rules: a list is "any of",
 * null must be null, an absent field is not checked; `roles` as a set, or by
 * its first role for fit; text that must or must not appear.
 */
export function caseMisses(c: LabelledCase, got: Record<string, unknown>, text: string): string[] {
  const out: string[] = FIELDS.filter((f) => f in c)
    .filter((f) => {
      const want = c[f];
      return Array.isArray(want) ? !want.includes(got[f] ?? null) : want !== (got[f] ?? null);
    })
    .map((f) => `${f}: want ${JSON.stringify(c[f])} got ${JSON.stringify(got[f])}`);
  if (c.roles) {
    const have = Array.isArray(got.roles) ? (got.roles as string[]) : [];
    const ok =
      c.intent === 'fit'
        ? have[0] === c.roles[0]
        : have.length === c.roles.length && c.roles.every((r) => have.includes(r));
    if (!ok) out.push(`roles: want ${JSON.stringify(c.roles)} got ${JSON.stringify(have)}`);
  }
  if (c.text_excludes && text.includes(c.text_excludes)) out.push(`text has ${c.text_excludes}`);
  if (c.text_includes && !text.includes(c.text_includes)) out.push(`text lacks ${c.text_includes}`);
  return out;
}
