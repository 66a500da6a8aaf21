import Fuse from 'fuse.js';

/**
 * Corrects misspelt words against a vocabulary (role titles, topic words,
 * cities). A bigram index narrows the vocabulary to a few candidates, so the
 * cost does not grow with the number of roles; Fuse.js ranks those; an edit
 * distance bound decides, so "qwerty" never becomes "query".
 */
export class TypoCorrector {
  private readonly bigrams = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();
  private readonly nearCache = new Map<string, NearWord[]>();

  constructor(private readonly vocabulary: ReadonlySet<string>) {
    for (const word of vocabulary) {
      if (word.length < 3) continue;
      for (const g of new Set(bigramsOf(word))) {
        const list = this.bigrams.get(g);
        if (list) list.push(word);
        else this.bigrams.set(g, [word]);
      }
    }
  }

  /** The vocabulary word meant, or null when nothing is close enough. */
  correct(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const result = this.find(word);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /**
   * Every vocabulary word one plausible slip away (same bounds as `correct`),
   * nearest first: the phrase matcher weighs them against whole titles
   * instead of trusting the single nearest word.
   */
  near(word: string): NearWord[] {
    if (word.length < 4 || /\d/.test(word)) return [];
    let hit = this.nearCache.get(word);
    if (!hit) {
      hit = this.candidates(word)
        .map((item) => ({ word: item, distance: editDistance(word, item) }))
        .filter((r) => plausible(word, r.word, r.distance))
        .sort((a, b) => a.distance - b.distance);
      if (this.nearCache.size > 50_000) this.nearCache.clear();
      this.nearCache.set(word, hit);
    }
    return hit;
  }

  private candidates(word: string): string[] {
    const grams = bigramsOf(word);
    const shared = new Map<string, number>();
    for (const g of new Set(grams)) {
      for (const candidate of this.bigrams.get(g) ?? []) {
        if (Math.abs(candidate.length - word.length) <= 2) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
    }
    const need = Math.max(1, Math.floor(grams.length / 3));
    return [...shared]
      .filter(([, n]) => n >= need)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 24)
      .map(([w]) => w);
  }

  private find(word: string): string | null {
    const near = this.near(word);
    const nearest = near.filter((n) => n.distance === near[0]?.distance).map((n) => n.word);
    if (nearest.length <= 1) return nearest[0] ?? null;
    // Equally near words: Fuse.js's score (bitap: errors relative to
    // position and length) prefers the one whose letters line up best.
    const fuse = new Fuse(nearest, { includeScore: true, ignoreLocation: true, threshold: 1, isCaseSensitive: true });
    return fuse.search(word, { limit: 1 })[0]?.item ?? nearest[0]!;
  }
}

export interface NearWord {
  word: string;
  distance: number;
}

function plausible(word: string, item: string, distance: number): boolean {
  // Short words allow one slip, or two when the first three letters agree
  // ("graf" for "graph"): a shared stem makes the second slip believable.
  const close = distance <= maxEdits(word.length) || (distance === 2 && item.startsWith(word.slice(0, 3)));
  // A wrong first letter is a rarer typo: accept it only for a single slip in a longer word.
  return close && (item[0] === word[0] || (distance === 1 && word.length >= 5));
}

function maxEdits(length: number): number {
  if (length <= 6) return 1;
  if (length <= 10) return 2;
  return 3;
}

function bigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let i = 0; i < padded.length - 1; i += 1) out.push(padded.slice(i, i + 2));
  return out;
}

/** Optimal-string-alignment distance: a swap of two letters counts as one slip. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the swap rule looks two rows back.
  const w = b.length + 1;
  let back = new Array<number>(w).fill(0);
  let prev = Array.from({ length: w }, (_, j) => j);
  let row = new Array<number>(w).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, back[j - 2]! + 1);
      row[j] = v;
    }
    [back, prev, row] = [prev, row, back];
  }
  return prev[b.length]!;
}
