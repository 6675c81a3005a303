import { paperLink, type Paper } from '../../core/paper';
import { parseArgs, expectPositionals } from '../args';
import { CliCommand, writeJson, writeLine } from '../command';
import { LIBRARY_FLAG, loadLibrary } from '../libraryOption';

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'Show one paper (by citation key, arXiv id or id)',
  usage: `paper-shelf show ID [--library PATH] [--json]

  ID                  citation key (vaswani2017attention), arXiv id (1706.03762) or paper id
  --library, -l PATH  library file (default: the sample library)
  --json              print the paper as a JSON object`,
  async run(argv, io) {
    const { flags, positionals } = parseArgs(argv, { ...LIBRARY_FLAG, json: { type: 'boolean' } });
    expectPositionals(positionals, 1, 1, 'paper ID (a citation key or arXiv id)');
    const library = await loadLibrary(io, flags.library);
    const paper = library.find(positionals[0]);
    if (!paper) {
      writeLine(io.stderr, `paper-shelf: no paper "${positionals[0]}" in the library (try: paper-shelf search ${JSON.stringify(positionals[0])})`);
      return 1;
    }
    if (flags.json) writeJson(io, paper);
    else writeLine(io.stdout, formatPaper(paper));
    return 0;
  },
};

export function formatPaper(paper: Paper): string {
  const lines = [paper.title, '='.repeat(Math.min(paper.title.length, 80))];
  const field = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') lines.push(`${`${label}:`.padEnd(10)}${value}`);
  };
  field('Authors', paper.authors.join(', ') || 'Unknown');
  field('Year', paper.year);
  field('Venue', paper.venue);
  field('Citekey', paper.citekey);
  field('arXiv', paper.arxivId);
  field('DOI', paper.doi);
  field('Link', paperLink(paper));
  if (paper.url && paper.url !== paperLink(paper)) field('URL', paper.url);
  field('Code', paper.codeUrl);
  field('Topic', paper.topic);
  if (paper.tags.length) field('Tags', paper.tags.join(', '));
  field('Status', paper.status);
  if (paper.summary) lines.push('', `TL;DR: ${paper.summary}`);
  lines.push('', wrap(paper.abstract || '(no abstract)', 80));
  return lines.join('\n');
}

function wrap(text: string, width: number): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const out: string[] = [];
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
          out.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) out.push(line);
      return out.join('\n');
    })
    .join('\n\n');
}
