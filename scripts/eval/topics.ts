// Topic quality on the sample library: NMI of the clustering against hand labels (test/fixtures/topic-labels.json)
// for words only, embeddings only and the shipped mix, plus topic sizes and label checks.
//   npx tsx scripts/eval/topics.ts [--json]
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Paper } from '../../src/core/paper';
import { readLibraryFile } from '../../src/core/libraryStore';
import { computeTopics, DEFAULT_LEXICAL_WEIGHT, TopicModel } from '../../src/core/topics/organize';
import { EmbeddingCache } from '../../src/model/embeddingCache';
import { locateUseLiteFiles } from '../../src/model/useLite/modelFiles';
import { UseLiteModel } from '../../src/model/useLite/useLiteModel';
import { paperEmbeddingText } from '../../src/core/topics/embeddingText';
import { RELATED_LEXICAL_WEIGHT, RelatedIndex } from '../../src/core/related';

const ROOT = path.resolve(__dirname, '../..');
export const SAMPLE_LIBRARY = path.join(ROOT, 'data/sample-library.json');
const LABELS = path.join(ROOT, 'test/fixtures/topic-labels.json');

/** Embeds texts in process with the shipped model, cached under node_modules/.cache so re-runs are instant. */
export async function embedTexts(texts: string[], log = (message: string) => console.error(message)): Promise<Float32Array[]> {
  const cache = await EmbeddingCache.open(path.join(ROOT, 'node_modules/.cache/paper-shelf/eval-embeddings.json'), 50_000);
  const missing = [...new Set(texts.filter((text) => !cache.get('use-lite-v1', text)))];
  if (missing.length) {
    log(`Embedding ${missing.length} texts (cached afterwards)…`);
    const model = await UseLiteModel.load(locateUseLiteFiles());
    const vectors = await model.embed(missing);
    missing.forEach((text, i) => cache.set(model.id, text, vectors[i]));
    await cache.save();
  }
  return texts.map((text) => cache.get('use-lite-v1', text)!);
}

export async function paperEmbeddings(papers: readonly Paper[]): Promise<Map<string, Float32Array>> {
  const vectors = await embedTexts(papers.map(paperEmbeddingText));
  return new Map(papers.map((paper, i) => [paper.id, vectors[i]]));
}

/** Normalized mutual information, arithmetic-mean normalization (scikit-learn's default). */
export function nmi(a: readonly string[], b: readonly string[]): number {
  const n = a.length;
  const count = (values: readonly string[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const joint = count(a.map((value, i) => `${value}\u0000${b[i]}`));
  const entropy = (map: Map<string, number>) => -[...map.values()].reduce((sum, c) => sum + (c / n) * Math.log(c / n), 0);
  let mutual = 0;
  for (const [key, c] of joint) {
    const [x, y] = key.split('\u0000');
    mutual += (c / n) * Math.log((c * n) / (ca.get(x)! * cb.get(y)!));
  }
  const denominator = (entropy(ca) + entropy(cb)) / 2;
  return denominator > 0 ? mutual / denominator : 1;
}

interface Labelled {
  id: string;
  topic: string;
}

function score(model: TopicModel, gold: readonly Labelled[]): number {
  const topicOf = new Map<string, number>();
  model.topics.forEach((topic, c) => topic.paperIds.forEach((id) => topicOf.set(id, c)));
  return nmi(gold.map((entry) => entry.topic), gold.map((entry) => String(topicOf.get(entry.id))));
}

export interface TopicsEval {
  labelledPapers: number;
  rows: { signal: string; lexicalWeight: number; k: number; nmi: number; nmiFixedK: number; largest: number; sizes: number[]; distinctLabels: boolean }[];
  sweep: { lexicalWeight: number; nmi: number; nmiFixedK: number }[];
  shippedLabels: string[];
  /** Related papers: mean share of a labelled paper's 5 related papers that carry the same hand label. */
  related: { signal: string; lexicalWeight: number; precisionAt5: number }[];
}

function relatedPrecision(papers: readonly Paper[], embeddings: ReadonlyMap<string, Float32Array>, gold: readonly Labelled[], lexicalWeight: number): number {
  const topicOf = new Map(gold.map((entry) => [entry.id, entry.topic]));
  const index = new RelatedIndex(papers, embeddings, lexicalWeight);
  let total = 0;
  for (const entry of gold) {
    const related = index.related(entry.id, 5).filter((hit) => topicOf.has(hit.id));
    total += related.filter((hit) => topicOf.get(hit.id) === entry.topic).length / Math.max(1, related.length);
  }
  return total / gold.length;
}

const FIXED_COUNTS = [8, 10, 12, 14];

export async function evalTopics(): Promise<TopicsEval> {
  const { papers } = await readLibraryFile(SAMPLE_LIBRARY);
  const gold = (JSON.parse(await fs.readFile(LABELS, 'utf8')) as { labels: Labelled[] }).labels;
  const embeddings = await paperEmbeddings(papers);
  const run = (lexicalWeight: number) => {
    const model = computeTopics(papers, { embeddings, lexicalWeight });
    // The mean over several fixed topic counts shows the signal's quality apart from the choice of k.
    const fixed = FIXED_COUNTS.map((count) => score(computeTopics(papers, { embeddings, lexicalWeight, count }), gold));
    return { model, nmi: score(model, gold), nmiFixedK: fixed.reduce((a, b) => a + b, 0) / fixed.length };
  };
  const rows = ([['words only (TF-IDF + LSA)', 1], ['embeddings only (USE-Lite)', 0], ['mix (shipped)', DEFAULT_LEXICAL_WEIGHT]] as const).map(([signal, weight]) => {
    const { model, nmi: value, nmiFixedK } = run(weight);
    const sizes = model.topics.map((topic) => topic.paperIds.length).sort((a, b) => b - a);
    return { signal, lexicalWeight: weight, k: model.topics.length, nmi: value, nmiFixedK, largest: sizes[0], sizes, distinctLabels: new Set(model.topics.map((topic) => topic.label.toLowerCase())).size === model.topics.length };
  });
  const sweep = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0].map((lexicalWeight) => {
    const { nmi: value, nmiFixedK } = run(lexicalWeight);
    return { lexicalWeight, nmi: value, nmiFixedK };
  });
  const shipped = computeTopics(papers, { embeddings });
  const related = ([['words only', 1], ['embeddings only', 0], ['mix (shipped)', RELATED_LEXICAL_WEIGHT]] as const).map(([signal, lexicalWeight]) => ({ signal, lexicalWeight, precisionAt5: relatedPrecision(papers, embeddings, gold, lexicalWeight) }));
  return { labelledPapers: gold.length, rows, sweep, shippedLabels: shipped.topics.map((topic) => `${topic.paperIds.length} ${topic.label}`), related };
}

export function printTopicsEval(result: TopicsEval, out = (line: string) => console.log(line)): void {
  out(`Topics — NMI against ${result.labelledPapers} hand-labelled sample papers (auto k; mean over k=${FIXED_COUNTS.join('/')})`);
  out('| signal | lexical weight | topics | NMI (auto k) | NMI (fixed k) | largest | sizes | labels distinct |');
  out('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of result.rows) out(`| ${row.signal} | ${row.lexicalWeight} | ${row.k} | ${row.nmi.toFixed(3)} | ${row.nmiFixedK.toFixed(3)} | ${row.largest} | ${row.sizes.join(' ')} | ${row.distinctLabels ? 'yes' : 'NO'} |`);
  out(`mix sweep (lexical weight: NMI auto / fixed k): ${result.sweep.map((row) => `${row.lexicalWeight}: ${row.nmi.toFixed(3)}/${row.nmiFixedK.toFixed(3)}`).join(', ')}`);
  out(`Related papers — share of the 5 nearest with the same hand label: ${result.related.map((row) => `${row.signal} ${row.precisionAt5.toFixed(3)}`).join(', ')}`);
}

if (require.main === module) {
  evalTopics()
    .then((result) => (process.argv.includes('--json') ? console.log(JSON.stringify(result)) : printTopicsEval(result)))
    .catch((error) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(1);
    });
}
