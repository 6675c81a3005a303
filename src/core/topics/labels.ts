import type { TermCounts } from './tfidf';

export interface TopicKeyword {
  key: string;
  /** How it is shown: "speculative decoding", "KV cache", "Mamba". */
  text: string;
  score: number;
}

/**
 * Class-based TF-IDF (BERTopic): all papers of a topic form one document; a term scores by its frequency in
 * that topic times log(1 + average topic length / its frequency over all topics). Words common to every topic
 * fall away, words peculiar to one rise. On top, the term's ordinary document IDF: without it small topics were
 * named by common words ("tokens", "step", "generative"); with it by what sets them apart ("speculative
 * decoding", "KV cache"). A term must occur in at least two of the topic's papers (when it has two) so one
 * paper's pet word does not name the whole topic.
 */
export function classTfidf(termCounts: TermCounts, labels: readonly number[], k: number, perTopic = 8): TopicKeyword[][] {
  const classCounts = Array.from({ length: k }, () => new Map<number, number>());
  const classDocs = Array.from({ length: k }, () => new Map<number, number>());
  const sizes = new Array<number>(k).fill(0);
  labels.forEach((label, doc) => {
    sizes[label]++;
    for (const [term, count] of termCounts.counts[doc]) {
      classCounts[label].set(term, (classCounts[label].get(term) ?? 0) + count);
      classDocs[label].set(term, (classDocs[label].get(term) ?? 0) + 1);
    }
  });
  const totalPerTerm = new Map<number, number>();
  const classTotals = classCounts.map((bag) => {
    let total = 0;
    for (const [term, count] of bag) {
      total += count;
      totalPerTerm.set(term, (totalPerTerm.get(term) ?? 0) + count);
    }
    return total;
  });
  const average = classTotals.reduce((a, b) => a + b, 0) / Math.max(1, k);
  return classCounts.map((bag, c) => {
    const minDocs = Math.min(2, sizes[c]);
    const scored: TopicKeyword[] = [];
    for (const [term, count] of bag) {
      if (classDocs[c].get(term)! < minDocs) continue;
      const key = termCounts.terms[term];
      const classTfidfScore = (count / Math.max(1, classTotals[c])) * Math.log(1 + average / totalPerTerm.get(term)!);
      const score = classTfidfScore * Math.log((1 + labels.length) / (1 + termCounts.documentFrequency[term]));
      scored.push({ key, text: key, score });
    }
    scored.sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
    const top = dropRedundant(scored.slice(0, perTopic * 4)).slice(0, perTopic);
    return top.map((keyword) => ({ ...keyword, text: displayTerm(keyword.key, termCounts.surfaces) }));
  });
}

/** "models"/"model" are one key; a bigram makes its own words redundant and vice versa keeps the higher one. */
function dropRedundant(keywords: TopicKeyword[]): TopicKeyword[] {
  let kept: TopicKeyword[] = [];
  for (const keyword of keywords) {
    const words = keyword.key.split(' ');
    const overlapping = kept.filter((other) => other.key.split(' ').some((word) => words.includes(word)));
    if (overlapping.length === 0) kept.push(keyword);
    else if (words.length > 1 && overlapping.every((other) => !other.key.includes(' ') && keyword.score >= 0.5 * other.score)) {
      // "speculative", "decoding" → "speculative decoding": the phrase says more, in the first one's place.
      const at = kept.indexOf(overlapping[0]);
      kept = kept.filter((other) => !overlapping.includes(other));
      kept.splice(at, 0, keyword);
    }
  }
  return kept;
}

/**
 * Shows a key the way authors write it: lowercase when they ever write it so (titles are Title Case), else an
 * acronym or a proper name as written ("KV", "MoE", "Mamba").
 */
export function displayTerm(key: string, surfaces: TermCounts['surfaces']): string {
  const words = key.split(' ');
  if (words.length > 1) {
    const forms = surfaces.get(key);
    const lower = forms && [...forms.keys()].find((form) => form === form.toLowerCase());
    if (lower) return lower;
    return words.map((word) => displayTerm(word, surfaces)).join(' ');
  }
  const forms = [...(surfaces.get(key)?.entries() ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (forms.length === 0) return key;
  const lower = forms.find(([form]) => form === form.toLowerCase());
  // Acronyms and names like "KV", "MoE", "3D" (a capital inside a word part), not Title Case ("Computer-Aided").
  const marked = forms.find(([form]) => form.split('-').some((part) => /\p{Lu}/u.test(part.slice(1))));
  // An acronym written in capitals most of the time stays so ("ICL"), even if it once appears in lowercase.
  if (marked && (!lower || marked[1] >= 2 * lower[1])) return marked[0];
  if (lower) return lower[0];
  return forms[0][0];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Turns each topic's keywords into a label of two or three of them, "Speculative decoding · draft model", all
 * labels distinct: a topic whose label repeats an earlier one takes further keywords, then a number.
 */
export function phraseLabels(keywords: readonly TopicKeyword[][], reserved: Iterable<string> = []): string[] {
  const used = new Set([...reserved].map((label) => label.toLowerCase()));
  const order = keywords.map((_, i) => i);
  return order.map((topic) => {
    const words = keywords[topic];
    if (words.length === 0) return unique(`Topic ${topic + 1}`, used);
    const strong = words.filter((word, i) => i < 2 || word.score >= 0.75 * words[0].score).slice(0, 3);
    let parts = strong.map((word) => word.text);
    let label = capitalize(parts.join(' · '));
    for (let extra = strong.length; used.has(label.toLowerCase()) && extra < words.length; extra++) {
      parts = [...parts, words[extra].text];
      label = capitalize(parts.join(' · '));
    }
    return unique(label, used);
  });
}

function unique(label: string, used: Set<string>): string {
  let candidate = label;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${label} (${i})`;
  used.add(candidate.toLowerCase());
  return candidate;
}
