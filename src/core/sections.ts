/** Section ids, in the order answers offer them (contract: shared/contract.md). */
export const SECTION_IDS = [
  'overview',
  'responsibilities',
  'skills',
  'education',
  'soft-skills',
  'career-path',
  'demand',
  'salary',
  'trends',
  'best-practices',
  'challenges',
  'work-environment',
] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export const SECTION_TITLES: Record<SectionId, string> = {
  overview: 'Overview',
  responsibilities: 'Responsibilities',
  skills: 'Skills',
  education: 'Education',
  'soft-skills': 'Soft Skills',
  'career-path': 'Career Path',
  demand: 'Demand',
  salary: 'Salary',
  trends: 'Trends',
  'best-practices': 'Best Practices',
  challenges: 'Challenges',
  'work-environment': 'Work Environment',
};

export function isSectionId(value: string): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value);
}

/** `## Soft Skills` -> `soft-skills`: the contract's heading-to-id rule. */
export function slugify(heading: string): string {
  return heading
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
