import type { Paper } from '../paper';
import { words } from './sentences';
import type { SummaryScorerFile } from './scorer';
import { summarizeAbstracts, type CancelSignal, type EmbedTexts } from './summarizeAbstracts';
import { candidateSentences, chooseSummary } from './summarizer';

/** Papers whose sentences are all embedded to pick their TL;DR; past this, the lexical scorer picks (keeps it fast). */
const SEMANTIC_PAPER_LIMIT = 30;
const KEY_POINTS = 6;

export interface TopicBriefOptions {
  scorer: SummaryScorerFile;
  embed?: EmbedTexts;
  modelId?: string;
  signal?: CancelSignal;
  onProgress?: (done: number, total: number) => void;
  onFallback?: (reason: string) => void;
  /** Keywords from the topic model, when it has them; otherwise they are derived from the papers. */
  keywords?: string[];
}

/**
 * A Markdown brief of one topic: label, keywords, a few key sentences across its papers (each paper's TL;DR, most
 * central first, no near-duplicates), each followed by its `[@citekey]`, then the list of papers.
 */
export async function buildTopicBrief(label: string, members: readonly Paper[], library: readonly Paper[], options: TopicBriefOptions): Promise<string> {
  const keywords = options.keywords?.length ? options.keywords : topicKeywords(members, library);
  const lines = [`# ${label}`, ''];
  if (keywords.length) lines.push(`**Keywords:** ${keywords.join(' · ')}`, '');
  lines.push(`**Papers:** ${members.length}`, '');
  const withAbstract = members.filter((paper) => paper.abstract.trim() || paper.summary?.trim());
  if (withAbstract.length) {
    const tldrs = await paperTldrs(withAbstract, options);
    const order = await rankKeyPoints(tldrs.map((tldr) => tldr.text), options);
    lines.push('## Key points', '');
    for (const index of order.slice(0, KEY_POINTS)) lines.push(`- ${tldrs[index].text} [@${tldrs[index].paper.citekey}]`);
    lines.push('');
  } else lines.push('_None of these papers has an abstract to draw key points from._', '');
  lines.push('## Papers', '');
  for (const paper of [...members].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.title.localeCompare(b.title))) {
    lines.push(`- ${paper.title}${paper.year ? ` (${paper.year})` : ''} [@${paper.citekey}]`);
  }
  return `${lines.join('\n')}\n`;
}

async function paperTldrs(papers: readonly Paper[], options: TopicBriefOptions): Promise<{ paper: Paper; text: string }[]> {
  const stored = papers.filter((paper) => paper.summary?.trim());
  const pending = papers.filter((paper) => !paper.summary?.trim());
  const chosen = new Map<string, string>(stored.map((paper) => [paper.id, paper.summary!.trim()]));
  if (pending.length <= SEMANTIC_PAPER_LIMIT) {
    const outcome = await summarizeAbstracts(pending.map((paper) => ({ id: paper.id, abstract: paper.abstract })), options);
    if (outcome.fallbackReason) options.onFallback?.(outcome.fallbackReason);
    for (const result of outcome.results) if (result.choice) chosen.set(result.id, result.choice.summary);
  } else {
    for (const paper of pending) {
      const choice = chooseSummary(candidateSentences(paper.abstract), options.scorer);
      if (choice) chosen.set(paper.id, choice.summary);
    }
  }
  return papers.filter((paper) => chosen.has(paper.id)).map((paper) => ({ paper, text: chosen.get(paper.id)! }));
}

/** Most central first (closest to the topic's mean), skipping near-duplicates (maximal marginal relevance). */
async function rankKeyPoints(texts: string[], options: TopicBriefOptions): Promise<number[]> {
  let vectors: Float32Array[] | undefined;
  if (options.embed && texts.length > 1) {
    try {
      vectors = await options.embed(texts, { signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onFallback?.(error instanceof Error ? error.message : String(error));
    }
  }
  const similarity = vectors ? (a: number, b: number) => dot(vectors![a], vectors![b]) : lexicalSimilarity(texts);
  const centrality = texts.map((_, i) => texts.reduce((sum, __, j) => (i === j ? sum : sum + similarity(i, j)), 0) / Math.max(texts.length - 1, 1));
  const order: number[] = [];
  const left = new Set(texts.map((_, i) => i));
  while (left.size) {
    let best = -1;
    let bestScore = -Infinity;
    for (const i of left) {
      const redundancy = order.length ? Math.max(...order.map((j) => similarity(i, j))) : 0;
      const score = 0.7 * centrality[i] - 0.3 * redundancy;
      if (score > bestScore) [best, bestScore] = [i, score];
    }
    order.push(best);
    left.delete(best);
  }
  return order;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

const STOP = new Set(
  'a an the of and or to in on for with by from as at is are was were be been being that this these those it its we our which can such than into their there also using based via towards toward through new how what when why large language model models learning deep neural network networks approach method methods paper study data'.split(' '),
);

function terms(text: string): string[] {
  const tokens = words(text).filter((word) => word.length > 2 && !/^\d+$/.test(word));
  const result: string[] = [];
  tokens.forEach((token, i) => {
    if (!STOP.has(token)) result.push(token);
    const next = tokens[i + 1];
    if (next && !STOP.has(token) && !STOP.has(next)) result.push(`${token} ${next}`);
  });
  return result;
}

function lexicalSimilarity(texts: string[]): (a: number, b: number) => number {
  const bags = texts.map((text) => new Set(terms(text)));
  return (a, b) => {
    let shared = 0;
    for (const term of bags[a]) if (bags[b].has(term)) shared++;
    return bags[a].size && bags[b].size ? shared / Math.sqrt(bags[a].size * bags[b].size) : 0;
  };
}

/** 2–4 terms frequent in the topic's titles and abstracts and rare elsewhere in the library (document-level TF-IDF). */
export function topicKeywords(members: readonly Paper[], library: readonly Paper[]): string[] {
  const documentFrequency = (papers: readonly Paper[]) => {
    const counts = new Map<string, number>();
    for (const paper of papers) for (const term of new Set(terms(`${paper.title}. ${paper.title}. ${paper.abstract}`))) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  };
  const inTopic = documentFrequency(members);
  const everywhere = documentFrequency(library.length ? library : members);
  const total = Math.max(library.length, members.length);
  const minimum = members.length >= 4 ? 2 : 1;
  const scored = [...inTopic]
    .filter(([, count]) => count >= minimum)
    .map(([term, count]) => ({ term, score: (count / members.length) * Math.log(1 + total / (everywhere.get(term) ?? count)) * (term.includes(' ') ? 1.3 : 1) }))
    .sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  const chosen: string[] = [];
  for (const { term } of scored) {
    if (chosen.some((kept) => kept.includes(term) || term.includes(kept))) continue;
    chosen.push(term);
    if (chosen.length === 4) break;
  }
  return chosen;
}
