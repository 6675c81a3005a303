import { Paper } from '../paper';
import { ClusterOptions, Clustering, clusterSignals } from './cluster';
import { classTfidf, phraseLabels } from './labels';
import { countTerms, paperDocument, tfidfVectors } from './tfidf';

/**
 * Share of the lexical (TF-IDF) signal in the mix with embeddings, chosen by scripts/eval/topics.ts (NMI against
 * 113 hand-labelled sample papers): words alone 0.66, USE-Lite embeddings alone 0.55, mixes of 0.6–0.7 about 0.73
 * (best mean over auto and fixed k at 0.6). Without embeddings the lexical signal is used alone.
 */
export const DEFAULT_LEXICAL_WEIGHT = 0.6;

/** LSA dimensions for the lexical signal (0 = raw TF-IDF): 20 gave balanced topics and NMI at least as good. */
export const DEFAULT_LEXICAL_RANK = 20;

export interface Topic {
  label: string;
  /** The most distinctive keywords/phrases, best first. */
  keywords: string[];
  paperIds: string[];
}

export interface TopicModelOptions extends ClusterOptions {
  /** Embedding per paper id; papers without one make the run lexical-only. */
  embeddings?: ReadonlyMap<string, Float32Array>;
  lexicalWeight?: number;
  lexicalRank?: number;
  /** Labels automatic topics must not take (the user's own topic names). */
  reservedLabels?: Iterable<string>;
}

export interface TopicModel {
  topics: Topic[];
  /** Topic index per paper, aligned with the input. */
  assignment: number[];
  clustering: Clustering;
}

/** Clusters papers and labels the clusters. Pure and deterministic: same papers and options, same topics. */
export function computeTopics(papers: readonly Paper[], options: TopicModelOptions = {}): TopicModel {
  const termCounts = countTerms(papers.map(paperDocument));
  const lexical = tfidfVectors(termCounts);
  const embeddings = options.embeddings ? papers.map((paper) => options.embeddings!.get(paper.id)) : undefined;
  const clustering = clusterSignals({ lexical, embeddings, lexicalWeight: options.lexicalWeight ?? DEFAULT_LEXICAL_WEIGHT, lexicalRank: options.lexicalRank ?? DEFAULT_LEXICAL_RANK, seed: options.seed }, options);
  const keywords = classTfidf(termCounts, clustering.labels, clustering.k);
  const labels = phraseLabels(keywords, options.reservedLabels);
  const topics = labels.map((label, c) => ({ label, keywords: keywords[c].map((keyword) => keyword.text), paperIds: [] as string[] }));
  clustering.labels.forEach((label, i) => topics[label].paperIds.push(papers[i].id));
  return { topics, assignment: clustering.labels, clustering };
}

/**
 * Keywords for topics as the library has them now (after manual edits), for `paper-shelf topics` and topic briefs.
 * Papers without a topic are left out.
 */
export function describeTopics(papers: readonly Paper[]): Topic[] {
  const labels: string[] = [];
  const index = new Map<string, number>();
  const sorted = papers.filter((paper) => paper.topic);
  const assignment = sorted.map((paper) => index.get(paper.topic!) ?? (labels.push(paper.topic!), index.set(paper.topic!, labels.length - 1).get(paper.topic!)!));
  const keywords = classTfidf(countTerms(sorted.map(paperDocument)), assignment, labels.length);
  const topics = labels.map((label, c) => ({ label, keywords: keywords[c].map((keyword) => keyword.text), paperIds: [] as string[] }));
  assignment.forEach((c, i) => topics[c].paperIds.push(sorted[i].id));
  return topics.sort((a, b) => b.paperIds.length - a.paperIds.length || a.label.localeCompare(b.label));
}
