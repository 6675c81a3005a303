import { splitSentences } from './sentences';
import { scoreSentences, type SummaryScorerFile } from './scorer';

/** Sentences past this are not considered: an abstract puts its point early, and a 100 KB "abstract" stays cheap. */
export const MAX_CANDIDATE_SENTENCES = 40;
/** A chosen sentence longer than this is cut at a word boundary (only pathological input gets there). */
export const MAX_SUMMARY_CHARS = 600;

export interface SummaryChoice {
  /** The TL;DR as shown: the chosen sentence, tidied. */
  summary: string;
  /** The abstract sentence it came from, verbatim. */
  sentence: string;
  index: number;
}

/** The sentences a summary is chosen from (and which the caller should embed, in this order). */
export function candidateSentences(abstract: string): string[] {
  return splitSentences(abstract).slice(0, MAX_CANDIDATE_SENTENCES);
}

/**
 * Picks the abstract sentence that best carries the paper's contribution. `embeddings` are those of
 * `candidateSentences(abstract)` from the scorer's model; without them (model unavailable) a lexical scorer is used.
 * Returns undefined for an empty abstract.
 */
export function chooseSummary(
  sentences: string[],
  scorer: SummaryScorerFile,
  embeddings?: Float32Array[],
  modelId?: string,
): SummaryChoice | undefined {
  if (!sentences.length) return undefined;
  const useSemantic = embeddings !== undefined && embeddings.length === sentences.length && modelId === scorer.modelId;
  const scores = useSemantic ? scoreSentences(scorer.semantic, sentences, embeddings) : scoreSentences(scorer.lexical, sentences, undefined);
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return { summary: tidySummary(sentences[best]), sentence: sentences[best], index: best };
}

const LEADING_CONNECTIVE =
  /^(?:(?:in|within) this (?:paper|work|study|article|note|report)|here|to this end|to that end|in particular|specifically|concretely|moreover|furthermore|finally|in addition|additionally|therefore|thus|hence|consequently|however|overall|in summary|in conclusion|to (?:address|tackle|solve|overcome|alleviate|mitigate|fill|bridge|remedy|resolve) (?:this|these|that|those|the|such) (?:\w+ ){0,2}(?:issues?|problems?|challenges?|limitations?|gaps?|shortcomings?|questions?|difficult(?:y|ies)|drawbacks?))(?:\s*,\s*|\s+(?=we\b))/i;

/** Drops a leading connective ("In this paper, we propose …" → "We propose …") and caps pathological length. */
export function tidySummary(sentence: string): string {
  let text = sentence.trim();
  const connective = LEADING_CONNECTIVE.exec(text);
  if (connective && text.length - connective[0].length > 20) {
    const rest = text.slice(connective[0].length);
    text = rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  if (text.length > MAX_SUMMARY_CHARS) {
    const cut = text.lastIndexOf(' ', MAX_SUMMARY_CHARS);
    text = `${text.slice(0, cut > MAX_SUMMARY_CHARS / 2 ? cut : MAX_SUMMARY_CHARS).replace(/[\s,;:]+$/, '')}…`;
  }
  return text;
}
