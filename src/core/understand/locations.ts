import type { Role } from '../content/types.js';

/**
 * How people write the cities the salary data covers. Ids not listed here
 * still match by the display name in the content (`San Francisco, CA`).
 */
const KNOWN_ALIASES: Record<string, string[]> = {
  'san-francisco': [
    'san francisco',
    'sf',
    'san fran',
    'sanfrancisco',
    'bay area',
    'sfo',
    'frisco',
    'san francisco bay area',
  ],
  'new-york': ['new york', 'new york city', 'nyc', 'ny', 'manhattan', 'brooklyn', 'newyork'],
  seattle: ['seattle', 'seatle', 'seattle area'],
  chicago: ['chicago', 'chi town', 'chitown', 'chicagoland'],
  austin: ['austin', 'atx'],
};

/** Places people ask about that the data may not cover: named so the answer can say so. */
const OTHER_PLACES = [
  'boston',
  'los angeles',
  'la',
  'denver',
  'atlanta',
  'dallas',
  'houston',
  'miami',
  'washington dc',
  'dc',
  'philadelphia',
  'san diego',
  'san jose',
  'portland',
  'phoenix',
  'raleigh',
  'pittsburgh',
  'detroit',
  'minneapolis',
  'salt lake city',
  'london',
  'berlin',
  'paris',
  'toronto',
  'vancouver',
  'dublin',
  'amsterdam',
  'bangalore',
  'bengaluru',
  'hyderabad',
  'singapore',
  'sydney',
  'tokyo',
  'zurich',
  'munich',
  'europe',
  'uk',
  'india',
  'canada',
  'germany',
];

export interface PlaceMention {
  /** The location id when the data can have it; null for a place we know has no figures. */
  id: string | null;
  name: string;
  from: number;
  to: number;
}

export class LocationFinder {
  private readonly phrases: Array<{ words: string[]; id: string | null; name: string }> = [];

  constructor(roles: readonly Role[]) {
    const names = new Map<string, string>();
    for (const role of roles) {
      for (const [id, loc] of Object.entries(role.salary?.locations ?? {})) names.set(id, loc.name);
    }
    const ids = new Set([...Object.keys(KNOWN_ALIASES), ...names.keys()]);
    for (const id of ids) {
      const name = names.get(id) ?? titleCase(id.replace(/-/g, ' '));
      const variants = new Set([
        ...(KNOWN_ALIASES[id] ?? []),
        id.replace(/-/g, ' '),
        plain(name),
        plain(name.split(',')[0]!),
      ]);
      for (const v of variants) if (v) this.phrases.push({ words: v.split(' '), id, name });
    }
    for (const place of OTHER_PLACES) this.phrases.push({ words: place.split(' '), id: null, name: titleCase(place) });
    this.phrases.sort((a, b) => b.words.length - a.words.length);
  }

  /** Words every alias uses: the typo corrector's vocabulary. */
  words(): string[] {
    return this.phrases.flatMap((p) => p.words).filter((w) => w.length >= 4);
  }

  /** The first place named in the words, longest alias first. */
  find(words: readonly string[], skip: ReadonlySet<number>): PlaceMention | null {
    for (let i = 0; i < words.length; i += 1) {
      if (skip.has(i)) continue;
      const hit = this.phrases.find((p) => p.words.every((w, k) => words[i + k] === w && !skip.has(i + k)));
      if (hit) return { id: hit.id, name: hit.name, from: i, to: i + hit.words.length };
    }
    return null;
  }
}

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function titleCase(text: string): string {
  return text.length <= 3 ? text.toUpperCase() : text.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
