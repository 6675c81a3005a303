import { Paper } from '../paper';
import { IdentityIndex, paperFromDraft } from './preview';
import { ImportProblem, ParsedImport, PaperDraft } from './types';

export interface LinkedMergeResult {
  papers: Paper[];
  added: number;
  updated: number;
  removed: number;
  /** Entries of the file that repeat a paper that is not part of this link (kept as it is). */
  duplicates: number;
  errors: ImportProblem[];
}

/** What the bibliography file owns; everything else on a paper (tags, status, star, topic, summary) is the user's. */
const FILE_FIELDS = ['title', 'authors', 'year', 'venue', 'abstract', 'arxivId', 'doi', 'url'] as const;

function refreshed(old: Paper, draft: PaperDraft): Paper {
  const paper: Paper = { ...old };
  for (const field of FILE_FIELDS) {
    if (draft[field] === undefined) delete paper[field];
    else (paper as unknown as Record<string, unknown>)[field] = draft[field];
  }
  // A TL;DR of an abstract that changed is stale.
  if (old.abstract !== paper.abstract) delete paper.summary;
  delete paper.metadataMissing;
  return paper;
}

function sameFileFields(a: Paper, b: Paper): boolean {
  return FILE_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]));
}

/**
 * Re-reads a linked bibliography into the library: entries that stay keep the user's data (id, citekey, tags,
 * status, star, topic, notes live under the citekey), their bibliographic fields follow the file; entries gone
 * from the file leave the library; new ones are added with `linkedFrom = source`. Papers not from this link are
 * never touched. An entry is recognised by its citekey first, then by arXiv id / DOI / title.
 */
export function mergeLinkedBibliography(current: readonly Paper[], source: string, parsed: ParsedImport): LinkedMergeResult {
  const linked = current.filter((paper) => paper.linkedFrom === source);
  const byKey = new Map(linked.map((paper) => [paper.citekey, paper]));
  const linkedIndex = new IdentityIndex(linked);
  const others = new IdentityIndex(current.filter((paper) => paper.linkedFrom !== source));
  const linkedById = new Map(linked.map((paper) => [paper.id, paper]));
  const kept = new Map<string, Paper>();
  const fresh: Paper[] = [];
  let updated = 0;
  let duplicates = 0;
  // Every current citekey stays reserved so new entries never take one.
  const reserve = new IdentityIndex(current);
  for (const { draft } of parsed.entries) {
    const byCitekey = draft.citekey ? byKey.get(draft.citekey) : undefined;
    const match = byCitekey && !kept.has(byCitekey.id) ? byCitekey : linkedById.get(linkedIndex.match(draft)?.id ?? '');
    if (match && !kept.has(match.id)) {
      const next = refreshed(match, draft);
      if (!sameFileFields(match, next)) updated++;
      kept.set(match.id, next);
      continue;
    }
    if (others.match(draft) || reserve.match(draft)) {
      duplicates++;
      continue;
    }
    const paper = paperFromDraft(draft, reserve, { linkedFrom: source });
    reserve.add(paper);
    fresh.push(paper);
  }
  const papers: Paper[] = [];
  let removed = 0;
  for (const paper of current) {
    if (paper.linkedFrom !== source) papers.push(paper);
    else if (kept.has(paper.id)) papers.push(kept.get(paper.id)!);
    else removed++;
  }
  papers.push(...fresh);
  return { papers, added: fresh.length, updated, removed, duplicates, errors: parsed.errors };
}
