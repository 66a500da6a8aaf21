export interface CatalogRole {
  id: string;
  words: string[];
  title: string;
  aliases: string[];
  related: string[];
}
export interface CatalogQuestion {
  q: string;
  role: string;
  kind: string;
}
export interface Catalog {
  roles: CatalogRole[];
  questions: CatalogQuestion[];
}
export const TYPO_KINDS: string[];
export function applyTypo(words: string[], kind: string, rand: () => number): string[];
export function generateCatalog(options: { count: number; seed?: number; perRole?: number }): Catalog;
export function writeCatalog(dir: string, catalog: Catalog, seed?: number): void;
export function scoreAnswers(
  questions: CatalogQuestion[],
  roleOf: (q: string) => string | null,
): { n: number; found: number; wrong: number; misses: Array<CatalogQuestion & { got: string | null }> };
