import { Paper, UNSORTED_TOPIC } from '../../core/paper';
import { formatBibtexEntry, isValidBibtexKey } from '../../core/citations/bibtexWriter';
import { formatCslJson } from '../../core/citations/csl';
import { formatReadingList } from './readingList';

export type ExportFormat = 'bibtex' | 'csl-json' | 'markdown';

/** The exported text; a BibTeX export leaves out papers whose citekey cannot be a BibTeX key, and names them. */
export function exportText(papers: readonly Paper[], format: ExportFormat, title: string): { text: string; skipped: string[] } {
  if (format === 'csl-json') return { text: formatCslJson(papers), skipped: [] };
  if (format === 'markdown') return { text: formatReadingList(papers, title), skipped: [] };
  const usable = papers.filter((paper) => isValidBibtexKey(paper.citekey));
  return { text: usable.map((paper) => formatBibtexEntry(paper)).join('\n'), skipped: papers.filter((paper) => !usable.includes(paper)).map((paper) => paper.citekey) };
}

/** "library", "topic:NAME", "tag:NAME" or "papers" (with ids or citekeys): the papers and a reading-list title. */
export function papersInScope(papers: readonly Paper[], scope: string, paperIds: readonly string[] = []): { papers: Paper[]; title: string } {
  if (scope.startsWith('topic:')) {
    const topic = scope.slice(6);
    return { papers: papers.filter((paper) => (paper.topic ?? UNSORTED_TOPIC) === topic), title: `Reading list: ${topic}` };
  }
  if (scope.startsWith('tag:')) {
    const tag = scope.slice(4);
    return { papers: papers.filter((paper) => paper.tags.includes(tag)), title: `Reading list: #${tag}` };
  }
  if (scope === 'papers') {
    const ids = new Set(paperIds);
    return { papers: papers.filter((paper) => ids.has(paper.id) || ids.has(paper.citekey)), title: 'Reading list' };
  }
  return { papers: [...papers], title: 'Reading list' };
}

