import { Paper } from './paper';

/** An immutable snapshot of the papers with the look-ups every feature needs. */
export class Library {
  private readonly byId = new Map<string, Paper>();
  private readonly byCitekey = new Map<string, Paper>();
  private readonly byArxivId = new Map<string, Paper>();

  constructor(readonly papers: readonly Paper[]) {
    for (const paper of papers) {
      this.byId.set(paper.id, paper);
      this.byCitekey.set(paper.citekey, paper);
      if (paper.arxivId) this.byArxivId.set(paper.arxivId, paper);
    }
  }

  get size(): number {
    return this.papers.length;
  }

  get(id: string): Paper | undefined {
    return this.byId.get(id);
  }

  /** Finds a paper by id, citation key or arXiv id (with or without an "arXiv:" prefix or version suffix). */
  find(reference: string): Paper | undefined {
    const ref = reference.trim().replace(/^@/, '');
    const arxiv = ref.replace(/^arxiv:/i, '');
    return this.byId.get(ref) ?? this.byCitekey.get(ref) ?? this.byArxivId.get(arxiv) ?? this.byArxivId.get(arxiv.replace(/v\d+$/, ''));
  }

  /** The paper before or after `id` in library order, wrapping around; used by the reader's Previous/Next. */
  neighbour(id: string, step: 1 | -1): Paper | undefined {
    const index = this.papers.findIndex((paper) => paper.id === id);
    if (index < 0 || this.papers.length === 0) return undefined;
    return this.papers[(index + step + this.papers.length) % this.papers.length];
  }

  withPapers(papers: readonly Paper[]): Library {
    return new Library(papers);
  }
}
