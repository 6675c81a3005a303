import type { Paper } from '../../src/core/paper';

import { seededRandom } from '../../src/core/seededRandom';

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter(Boolean);
}

/**
 * `count` papers made from deterministic variations of `seed` papers: titles mix words of two papers, abstracts
 * mix sentences of three, authors come from two papers, years shift. Keeps the vocabulary and text lengths of a
 * real library while every paper is distinct.
 */
export function syntheticLibrary(seed: readonly Paper[], count: number, seedNumber = 42): Paper[] {
  const random = seededRandom(seedNumber);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const papers: Paper[] = [];
  for (let i = 0; i < count; i++) {
    const base = seed[i % seed.length];
    const other = pick(seed);
    const third = pick(seed);
    const titleWords = base.title.split(' ');
    const otherWords = other.title.split(' ');
    const cut = 1 + Math.floor(random() * Math.max(1, titleWords.length - 1));
    const title = i < seed.length ? base.title : [...titleWords.slice(0, cut), ...otherWords.slice(Math.floor(otherWords.length / 2))].join(' ');
    const abstractSentences = [...sentences(base.abstract), ...sentences(other.abstract).slice(0, 2), ...sentences(third.abstract).slice(-1)];
    for (let s = abstractSentences.length - 1; s > 0; s--) {
      if (random() < 0.3) {
        const j = Math.floor(random() * (s + 1));
        [abstractSentences[s], abstractSentences[j]] = [abstractSentences[j], abstractSentences[s]];
      }
    }
    const authors = [...base.authors.slice(0, 1 + Math.floor(random() * Math.max(1, base.authors.length))), ...other.authors.slice(0, 2)];
    papers.push({
      ...base,
      id: i < seed.length ? base.id : `synthetic:${i}`,
      citekey: i < seed.length ? base.citekey : `${base.citekey}${i}`,
      arxivId: i < seed.length ? base.arxivId : undefined,
      title,
      authors: [...new Set(authors)],
      year: base.year ? base.year - Math.floor(random() * 4) : undefined,
      abstract: i < seed.length ? base.abstract : abstractSentences.join(' '),
      tags: [...base.tags],
    });
  }
  return papers;
}
