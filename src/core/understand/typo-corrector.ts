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

  private find(word: string): string | null {
    const grams = bigramsOf(word);
    const shared = new Map<string, number>();
    for (const g of new Set(grams)) {
      for (const candidate of this.bigrams.get(g) ?? []) {
        if (Math.abs(candidate.length - word.length) <= 2) shared.set(candidate, (shared.get(candidate) ?? 0) + 1);
      }
    }
    const need = Math.max(1, Math.floor(grams.length / 3));
    const candidates = [...shared].filter(([, n]) => n >= need).sort((a, b) => b[1] - a[1]).slice(0, 24).map(([w]) => w);
    if (candidates.length === 0) return null;
    // Fuse.js scores the candidates (bitap: errors relative to length); the
    // edit-distance bound then decides, nearest first, Fuse's score breaking ties.
    const fuse = new Fuse(candidates, { includeScore: true, ignoreLocation: true, threshold: 0.6, isCaseSensitive: true });
    const limit = maxEdits(word.length);
    const ranked = fuse
      .search(word, { limit: 8 })
      .map((r) => ({ item: r.item, score: r.score ?? 1, distance: editDistance(word, r.item) }))
      // Short words allow one slip, or two when the first three letters agree
      // ("graf" for "graph"): a shared stem makes the second slip believable.
      .filter((r) => r.distance <= limit || (r.distance === 2 && word.length >= 4 && r.item.startsWith(word.slice(0, 3))))
      // A wrong first letter is a rarer typo: accept it only for a single slip in a longer word.
      .filter((r) => r.item[0] === word[0] || (r.distance === 1 && word.length >= 5))
      .sort((a, b) => a.distance - b.distance || a.score - b.score);
    if (ranked[0]) return ranked[0].item;
    return null;
  }
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
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) d[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
