// Loads the SciTLDR-A dev split from ../shared and embeds its sentences (cached), for the summary eval and training.
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { splitSentences } from '../../src/core/summary/sentences';
import { EmbeddingCache } from '../../src/model/embeddingCache';
import { locateUseLiteFiles } from '../../src/model/useLite/modelFiles';
import { UseLiteModel } from '../../src/model/useLite/useLiteModel';

export const SCITLDR_DEV = path.resolve(__dirname, '../../../shared/data/scitldr/dev.jsonl');

export interface ScitldrPaper {
  id: string;
  abstract: string;
  references: string[];
  /** The abstract split by Paper Shelf's own splitter (the held-out check only has abstracts). */
  sentences: string[];
}

export function scitldrAvailable(): boolean {
  return existsSync(SCITLDR_DEV);
}

export async function loadScitldrDev(): Promise<ScitldrPaper[]> {
  const text = await fs.readFile(SCITLDR_DEV, 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { id: string; abstract: string; references: string[] })
    .map((row) => ({ id: row.id, abstract: row.abstract, references: row.references, sentences: splitSentences(row.abstract) }));
}

/**
 * Embeds texts in process (no worker: a script has nothing else to do), cached under node_modules/.cache so
 * re-runs are instant. Same vectors as the extension's worker gives.
 */
export async function cachedEmbed(texts: string[], log = (message: string) => console.error(message)): Promise<Float32Array[]> {
  const cache = await EmbeddingCache.open(path.resolve(__dirname, '../../node_modules/.cache/paper-shelf/scitldr-embeddings.json'), 100_000);
  const missing = [...new Set(texts.filter((text) => !cache.get('use-lite-v1', text)))];
  if (missing.length) {
    log(`Embedding ${missing.length} sentences (cached afterwards)…`);
    const model = await UseLiteModel.load(locateUseLiteFiles());
    const started = Date.now();
    for (let start = 0; start < missing.length; start += 256) {
      const chunk = missing.slice(start, start + 256);
      const vectors = await model.embed(chunk);
      chunk.forEach((sentence, index) => cache.set(model.id, sentence, vectors[index]));
      await cache.save();
      log(`  ${Math.min(start + 256, missing.length)}/${missing.length} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  return texts.map((text) => cache.get('use-lite-v1', text)!);
}

export async function embedSentences(papers: ScitldrPaper[], log?: (message: string) => void): Promise<Float32Array[][]> {
  const flat = await cachedEmbed(papers.flatMap((paper) => paper.sentences), log);
  let offset = 0;
  return papers.map((paper) => flat.slice(offset, (offset += paper.sentences.length)));
}
