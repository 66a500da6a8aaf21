import type { Block } from '../reply.js';
import type { SectionId } from '../sections.js';

export const LEVELS = ['entry', 'mid', 'senior'] as const;
export type Level = (typeof LEVELS)[number];

export interface Range {
  min: number;
  max: number;
  /** The top is a floor, not a cap: "to over $300,000". */
  openMax?: boolean;
}

export interface Salary {
  currency: string;
  region: string;
  year: number;
  source: string;
  levels: Partial<Record<Level, Range & { years?: string }>>;
  locations: Record<string, Range & { name: string }>;
  average?: Range;
  overall?: Range;
  totalCompensation?: {
    average?: number;
    averageBase?: number;
    topCompanies?: Range;
    includes: string[];
  };
  factors: string[];
  notes: string[];
}

export interface Role {
  id: string;
  title: string;
  aliases: string[];
  related: string[];
  /**
   * Prose sections, in file order. Pay is best given as structured `salary`
   * front matter (our content does); a `## Salary` prose section, which the
   * contract allows, is quoted when there are no structured figures.
   */
  sections: Map<SectionId, Block[]>;
  salary?: Salary;
  file: string;
}

export interface Tip {
  id: string;
  roles: string[];
  skill: string;
  section?: SectionId;
  text: string;
  file: string;
}

export interface Content {
  dir: string;
  roles: Role[];
  roleById: ReadonlyMap<string, Role>;
  tips: Tip[];
}

/** One thing wrong with the content, precise enough to fix without searching. */
export interface ContentProblem {
  file: string;
  line: number;
  field?: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  return `${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** Sections a role can answer, salary included when it has figures. */
export function sectionsOf(role: Role): SectionId[] {
  const ids: SectionId[] = [...role.sections.keys()];
  if (role.salary && !ids.includes('salary')) ids.push('salary');
  return ids;
}
