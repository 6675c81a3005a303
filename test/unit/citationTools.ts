// Helpers for the citation tests: the sample library and the external reference tools (Debian's pandoc and
// python3-pybtex, which .ci/run installs). A missing tool fails the test with the package to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseLibraryText } from '../../src/core/libraryStore';
import type { Paper } from '../../src/core/paper';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/citations');

export function samplePapers(): Paper[] {
  return parseLibraryText(readFileSync(path.join(ROOT, 'data/sample-library.json'), 'utf8'), 'sample').papers;
}

export function samplePaper(key: string): Paper {
  const paper = samplePapers().find((candidate) => candidate.citekey === key);
  if (!paper) throw new Error(`the sample library has no paper ${key}`);
  return paper;
}

/** A Python that can import pybtex: Debian's /usr/bin/python3 first (a pyenv python3 may shadow it). */
export function pybtexPython(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pybtex'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('pybtex is not installed: apt-get install python3-pybtex (.ci/run installs it)');
}

const PYBTEX_SCRIPT = `
import json, sys
from pybtex.database import parse_string
db = parse_string(sys.stdin.read(), bib_format='bibtex')
out = {}
for key, entry in db.entries.items():
    out[key] = {'type': entry.type, 'fields': {k: str(v) for k, v in entry.fields.items()},
                'persons': {role: [{'first': p.first_names, 'middle': p.middle_names, 'prelast': p.prelast_names,
                                    'last': p.last_names} for p in people] for role, people in entry.persons.items()}}
print(json.dumps(out))
`;

export interface PybtexEntry {
  type: string;
  fields: Record<string, string>;
  persons: Record<string, { first: string[]; middle: string[]; prelast: string[]; last: string[] }[]>;
}

/** Parses BibTeX with pybtex (strict mode: any syntax error raises). */
export function parseWithPybtex(bibtex: string): Record<string, PybtexEntry> {
  const result = spawnSync(pybtexPython(), ['-c', PYBTEX_SCRIPT], { input: bibtex, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pybtex rejected the BibTeX: ${result.stderr.trim().split('\n').pop()}`);
  return JSON.parse(result.stdout);
}

export function pandocAvailable(): void {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) throw new Error('pandoc is not installed: apt-get install pandoc (.ci/run installs it)');
}

export function pandoc(args: string[], input?: string, cwd?: string): { stdout: string; stderr: string; status: number } {
  pandocAvailable();
  const result = spawnSync('pandoc', args, { input, encoding: 'utf8', cwd });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

/** Citation keys of every Cite node, in document order, as `pandoc -f markdown -t json` reads them. */
export function pandocCitationKeys(markdown: string): string[] {
  pandocAvailable();
  const json = JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' }));
  const keys: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as { t?: string; c?: unknown };
      if (record.t === 'Cite') for (const citation of (record.c as [{ citationId: string }[]])[0]) keys.push(citation.citationId);
      for (const value of Object.values(record)) walk(value);
    }
  };
  walk(json.blocks);
  return keys;
}
