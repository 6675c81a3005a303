// Summary quality on SciTLDR-A dev (../shared/data/scitldr): ROUGE-1/2/L F1 the paper's way (Porter-stemmed,
// best reference per paper by ROUGE-1, averaged), Lead-1 vs Paper Shelf's TL;DR.
//   node --import tsx scripts/eval/summaries.ts
import { DEFAULT_SUMMARY_SCORER } from '../../src/core/summary/defaultScorer';
import { summarizeAbstracts } from '../../src/core/summary/summarizeAbstracts';
import { USE_LITE_MODEL_ID } from '../../src/model/useLite/constants';
import { meanScores, rougeBestReference, type RougeScores } from './rouge';
import { cachedEmbed, loadScitldrDev, scitldrAvailable, SCITLDR_DEV } from './scitldr';

export interface SummariesEval {
  papers: number;
  rows: { system: string; scores: RougeScores; note?: string }[];
}

export async function evalSummaries(): Promise<SummariesEval | undefined> {
  if (!scitldrAvailable()) return undefined;
  const papers = await loadScitldrDev();
  const items = papers.map((paper) => ({ id: paper.id, abstract: paper.abstract }));
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const score = (results: { id: string; choice?: { summary: string } }[]) =>
    meanScores(results.map((result) => rougeBestReference(result.choice?.summary ?? '', byId.get(result.id)!.references)));
  const semantic = await summarizeAbstracts(items, { scorer: DEFAULT_SUMMARY_SCORER, embed: (texts) => cachedEmbed(texts), modelId: USE_LITE_MODEL_ID });
  if (semantic.fallbackReason) throw new Error(`the model was not used: ${semantic.fallbackReason}`);
  const lexical = await summarizeAbstracts(items, { scorer: DEFAULT_SUMMARY_SCORER });
  const lead = meanScores(papers.map((paper) => rougeBestReference(paper.sentences[0] ?? '', paper.references)));
  const oracle = meanScores(papers.map((paper) => paper.sentences.map((s) => rougeBestReference(s, paper.references)).sort((a, b) => b.rouge1 - a.rouge1)[0] ?? { rouge1: 0, rouge2: 0, rougeL: 0 }));
  const cv = DEFAULT_SUMMARY_SCORER.crossValidation as { semantic?: { rouge: RougeScores }; lexical?: { rouge: RougeScores } } | undefined;
  const rows: SummariesEval['rows'] = [{ system: 'Lead-1 (first sentence)', scores: lead }];
  if (cv?.semantic) rows.push({ system: 'Paper Shelf TL;DR, 5-fold CV', scores: cv.semantic.rouge, note: 'held-out folds' });
  rows.push({ system: 'Paper Shelf TL;DR, shipped scorer', scores: score(semantic.results), note: 'in-sample: trained on this split' });
  if (cv?.lexical) rows.push({ system: 'Lexical fallback (no model), 5-fold CV', scores: cv.lexical.rouge, note: 'held-out folds' });
  rows.push({ system: 'Lexical fallback, shipped scorer', scores: score(lexical.results), note: 'in-sample' });
  rows.push({ system: 'Oracle: best single sentence', scores: oracle, note: 'upper bound' });
  return { papers: papers.length, rows };
}

export function printSummariesEval(result: SummariesEval | undefined, out = (line: string) => console.log(line)): void {
  out('## Summaries (SciTLDR-A dev, ROUGE F1, Porter-stemmed, best reference per paper)');
  if (!result) {
    out(`Skipped: ${SCITLDR_DEV} not found (the ../shared checkout is absent).`);
    return;
  }
  out(`${result.papers} papers`);
  out(`| system | ROUGE-1 | ROUGE-2 | ROUGE-L | note |`);
  out(`| --- | ---: | ---: | ---: | --- |`);
  for (const row of result.rows) {
    out(`| ${row.system} | ${row.scores.rouge1.toFixed(1)} | ${row.scores.rouge2.toFixed(1)} | ${row.scores.rougeL.toFixed(1)} | ${row.note ?? ''} |`);
  }
}

if (require.main === module) void evalSummaries().then((result) => printSummariesEval(result));
