import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Paper } from '../../src/core/paper';
import { wardDendrogram, cutDendrogram } from '../../src/core/topics/ward';
import { kMeans } from '../../src/core/topics/kmeans';
import { clusterSignals, candidateCounts } from '../../src/core/topics/cluster';
import { classTfidf, phraseLabels, displayTerm } from '../../src/core/topics/labels';
import { countTerms, tfidfVectors } from '../../src/core/topics/tfidf';
import { extractTerms, singular } from '../../src/core/topics/text';
import { computeTopics } from '../../src/core/topics/organize';
import { organizeLibrary } from '../../src/core/topics/assign';

/** Points around three far-apart centres in 2-D, interleaved so no clustering can lean on input order. */
function threeBlobs(): { points: number[][]; truth: number[] } {
  const centres = [[0, 0], [10, 0], [0, 10]];
  const offsets = [[0.3, 0.1], [-0.2, 0.4], [0.1, -0.3], [-0.4, -0.1], [0.2, 0.2]];
  const points: number[][] = [];
  const truth: number[] = [];
  offsets.forEach(([dx, dy]) => centres.forEach(([x, y], c) => { points.push([x + dx, y + dy]); truth.push(c); }));
  return { points, truth };
}

function squaredMatrix(points: number[][]): Float64Array {
  const n = points.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = (points[i][0] - points[j][0]) ** 2 + (points[i][1] - points[j][1]) ** 2;
  return m;
}

/** Same partition up to renaming of the cluster ids. */
function samePartition(a: readonly number[], b: readonly number[]): boolean {
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  return a.every((x, i) => (ab.get(x) ?? ab.set(x, b[i]).get(x)) === b[i] && (ba.get(b[i]) ?? ba.set(b[i], x).get(b[i])) === x);
}

test('Ward recovers three separated groups', () => {
  const { points, truth } = threeBlobs();
  const labels = cutDendrogram(wardDendrogram(squaredMatrix(points), points.length), 3);
  assert.ok(samePartition(labels, truth), `got ${labels.join(',')}`);
  assert.equal(new Set(cutDendrogram(wardDendrogram(squaredMatrix(points), points.length), 1)).size, 1);
});

test('k-means recovers three separated groups, the same way for the same seed', () => {
  const { points, truth } = threeBlobs();
  const data = Float32Array.from(points.flat());
  const first = kMeans({ data, rows: points.length, dim: 2 }, 3, { seed: 7 });
  const again = kMeans({ data, rows: points.length, dim: 2 }, 3, { seed: 7 });
  assert.ok(samePartition(first.labels, truth), `got ${first.labels.join(',')}`);
  assert.deepEqual(first.labels, again.labels);
});

const VOCABULARY = {
  speech: ['speech', 'acoustic', 'audio', 'voice', 'vocoder', 'waveform', 'recognition', 'prosody'],
  mesh: ['mesh', 'triangle', 'vertices', 'faces', 'articulated', 'assets', 'geometry', 'topology'],
  protein: ['protein', 'amino', 'fitness', 'mutations', 'enzyme', 'residues', 'folding', 'variants'],
  video: ['video', 'camera', 'frames', 'motion', 'temporal', 'clips', 'editing', 'scenes'],
};

function paper(id: string, title: string, abstract: string, extra: Partial<Paper> = {}): Paper {
  return { id, citekey: id, title, authors: ['A. Author'], abstract, tags: [], status: 'unread', ...extra };
}

/** Eight papers per group, each using a different mix of its group's words plus words every paper shares. */
function groupedPapers(): { papers: Paper[]; truth: string[] } {
  const papers: Paper[] = [];
  const truth: string[] = [];
  for (let i = 0; i < 8; i++) {
    for (const [group, words] of Object.entries(VOCABULARY)) {
      const pick = (j: number) => words[(i * 3 + j * 5) % words.length];
      papers.push(paper(`${group}-${i}`, `${pick(0)} ${pick(1)} with transformers`, `We study ${pick(2)}, ${pick(3)} and ${pick(4)}. Our transformer model improves results on ${pick(5)}.`));
      truth.push(group);
    }
  }
  return { papers, truth };
}

test('the number of topics is chosen automatically: four word-separated groups give four topics', () => {
  const { papers, truth } = groupedPapers();
  const model = computeTopics(papers);
  assert.equal(model.clustering.k, 4, JSON.stringify(model.clustering.candidates));
  const ids = new Map(truth.map((group, i) => [group, model.assignment[i]]));
  truth.forEach((group, i) => assert.equal(model.assignment[i], ids.get(group), papers[i].id));
  assert.equal(new Set(ids.values()).size, 4);
});

test('a fixed topic count is respected', () => {
  const { papers } = groupedPapers();
  assert.equal(computeTopics(papers, { count: 5 }).topics.length, 5);
  assert.equal(computeTopics(papers, { count: 1 }).topics.length, 1);
});

test('topics are deterministic: the same library gives the same topics and labels', () => {
  const { papers } = groupedPapers();
  assert.deepEqual(computeTopics(papers), computeTopics(papers));
});

test('labels name what is distinctive about a topic, not what all topics share', () => {
  const { papers } = groupedPapers();
  const model = computeTopics(papers);
  const bySpeech = model.topics.find((topic) => topic.paperIds.includes('speech-0'))!;
  const byProtein = model.topics.find((topic) => topic.paperIds.includes('protein-0'))!;
  assert.match(bySpeech.label, new RegExp(VOCABULARY.speech.join('|'), 'i'));
  assert.match(byProtein.label, new RegExp(VOCABULARY.protein.join('|'), 'i'));
  for (const topic of model.topics) assert.doesNotMatch(topic.label, /transformer/i, topic.label);
  assert.equal(new Set(model.topics.map((topic) => topic.label.toLowerCase())).size, model.topics.length);
  for (const topic of model.topics) {
    const parts = topic.label.split(' · ');
    assert.ok(parts.length >= 2 && parts.length <= 4, topic.label);
  }
});

test('class-based TF-IDF ranks a word frequent in one class and rare elsewhere first', () => {
  const docs = ['alpha, beta, gamma', 'alpha, beta, delta', 'alpha, omega, gamma', 'alpha, omega, delta'];
  const counts = countTerms(docs, { minDocuments: 1, maxDocumentShare: 1 });
  const keywords = classTfidf(counts, [0, 0, 1, 1], 2);
  assert.equal(keywords[0][0].key, 'beta');
  assert.equal(keywords[1][0].key, 'omega');
  assert.ok(keywords[0].findIndex((keyword) => keyword.key === 'alpha') !== 0);
});

test('labels stay distinct when two topics have the same keywords', () => {
  const same = [{ key: 'video', text: 'video', score: 1 }, { key: 'camera', text: 'camera', score: 0.9 }, { key: 'motion', text: 'motion', score: 0.5 }];
  const labels = phraseLabels([same, same, same], ['Video · camera · motion']);
  assert.equal(new Set(labels.map((label) => label.toLowerCase())).size, 3);
  assert.ok(!labels.includes('Video · camera · motion'));
  assert.equal(labels[0].split(' · ')[0], 'Video');
});

test('terms: phrases do not cross punctuation; plural and hyphen variants share a key; display keeps acronyms', () => {
  const keys = extractTerms('Speculative decoding, draft models. KV caches').map((term) => term.key);
  assert.ok(keys.includes('speculative decoding'));
  assert.ok(keys.includes('draft model'));
  assert.ok(!keys.includes('decoding draft'));
  assert.equal(singular('meshes'), 'mesh');
  assert.equal(singular('queries'), 'query');
  assert.equal(singular('process'), 'process');
  const counts = countTerms(['Auto-regressive KV cache', 'autoregressive KV caches', 'KV cache in Mamba'], { minDocuments: 1, maxDocumentShare: 1 });
  assert.ok(counts.terms.includes('autoregressive'));
  assert.equal(displayTerm('kv cache', counts.surfaces), 'KV cache');
  assert.equal(displayTerm('mamba', counts.surfaces), 'Mamba');
  const titled = countTerms(['Computer-Aided Design', 'Computer-Aided Design', 'computer-aided design (CAD) with ICL', 'ICL and ICL', 'icl'], { minDocuments: 1, maxDocumentShare: 1 });
  assert.equal(displayTerm('computeraided', titled.surfaces), 'computer-aided');
  assert.equal(displayTerm('icl', titled.surfaces), 'ICL');
});

test('TF-IDF vectors are unit length', () => {
  const vectors = tfidfVectors(countTerms(['attention bridge cache model', 'model decoder encoder', 'cache decoder'], { minDocuments: 1, maxDocumentShare: 1 }));
  for (const vector of vectors) assert.ok(Math.abs(Math.hypot(...vector.values) - 1) < 1e-9);
});

test('candidate topic counts grow with the library and stay browsable', () => {
  assert.deepEqual(candidateCounts(119), [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.ok(Math.max(...candidateCounts(10000)) <= 40);
});

test('tiny and empty libraries do not fail', () => {
  assert.deepEqual(computeTopics([]).topics, []);
  const one = computeTopics([paper('p', 'Speculative decoding for transformers', 'Draft models propose tokens.')]);
  assert.equal(one.topics.length, 1);
  assert.ok(one.topics[0].label.length > 0);
  assert.equal(clusterSignals({ lexical: [], lexicalWeight: 1 }).k, 0);
});

test('a large library goes through k-means with a bounded topic size', () => {
  const { papers } = groupedPapers();
  const many: Paper[] = [];
  for (let r = 0; r < 10; r++) for (const p of papers) many.push({ ...p, id: `${p.id}-${r}`, citekey: `${p.citekey}${r}` });
  const model = computeTopics(many, { wardLimit: 100 });
  assert.equal(model.clustering.method, 'kmeans');
  assert.ok(model.topics.length >= 3);
  assert.ok(Math.max(...model.topics.map((topic) => topic.paperIds.length)) <= many.length / 3);
});

test('re-organizing keeps renamed topics and moved papers', () => {
  const { papers } = groupedPapers();
  const first = organizeLibrary(papers);
  const speechLabel = first.papers.find((p) => p.id === 'speech-0')!.topic!;
  const proteinLabel = first.papers.find((p) => p.id === 'protein-0')!.topic!;
  // The user renames the speech topic and moves one mesh paper into the protein topic.
  const edited = first.papers.map((p) => {
    if (p.topic === speechLabel) return { ...p, topic: 'Spoken language', topicNamedByUser: true };
    if (p.id === 'mesh-3') return { ...p, topic: proteinLabel, topicLocked: true };
    return p;
  });
  const second = organizeLibrary(edited);
  const topicOf = (id: string) => second.papers.find((p) => p.id === id)!.topic;
  for (let i = 0; i < 8; i++) assert.equal(topicOf(`speech-${i}`), 'Spoken language');
  assert.equal(topicOf('mesh-3'), topicOf('protein-0'));
  assert.equal(second.papers.find((p) => p.id === 'mesh-3')!.topicLocked, true);
  // Running again changes nothing.
  assert.deepEqual(organizeLibrary(second.papers).papers, second.papers);
});

test('a moved paper follows its topic when an automatic label changes', () => {
  const { papers } = groupedPapers();
  const first = organizeLibrary(papers);
  const proteinLabel = first.papers.find((p) => p.id === 'protein-0')!.topic!;
  const edited = first.papers.map((p) => (p.id === 'mesh-3' ? { ...p, topic: proteinLabel, topicLocked: true } : p));
  // Adding papers changes the vocabulary, so labels may change; the moved paper must still sit with the protein papers.
  const more = [...edited, paper('protein-x', 'Protein design with language models', 'Amino acids and protein sequences.')];
  const second = organizeLibrary(more);
  const topicOf = (id: string) => second.papers.find((p) => p.id === id)!.topic;
  assert.equal(topicOf('mesh-3'), topicOf('protein-0'));
});

test('rename and move: manual edits mark the papers and merge with an existing topic', async () => {
  const { renameTopic, movePapersToTopic, topicCounts, checkTopicLabel } = await import('../../src/core/topics/manual');
  const papers = [paper('a', 'A', '', { topic: 'Video · camera' }), paper('b', 'B', '', { topic: 'video ·  camera' }), paper('c', 'C', '', { topic: 'Mesh' }), paper('d', 'D', '')];
  const renamed = renameTopic(papers, 'Video · Camera', 'Video generation');
  assert.deepEqual(renamed.map((p) => p.topic), ['Video generation', 'Video generation', 'Mesh', undefined]);
  assert.ok(renamed[0].topicNamedByUser && renamed[1].topicNamedByUser && !renamed[2].topicNamedByUser);
  assert.equal(renameTopic(papers, undefined, 'Misc')[3].topic, 'Misc');
  const moved = movePapersToTopic(renamed, new Set(['c']), 'video generation');
  assert.equal(moved[2].topic, 'Video generation');
  assert.equal(moved[2].topicLocked, true);
  assert.equal(moved[2].topicNamedByUser, true);
  assert.equal(movePapersToTopic(papers, new Set(['d']), 'Mesh')[3].topicNamedByUser, undefined);
  assert.deepEqual(topicCounts(moved), [{ label: 'Video generation', count: 3 }]);
  assert.ok(checkTopicLabel('  '));
  assert.ok(checkTopicLabel('unsorted'));
  assert.equal(checkTopicLabel('Speech'), undefined);
});
