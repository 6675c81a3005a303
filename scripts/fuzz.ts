// Fuzzes the importers with mutated inputs: seeded and reproducible, every failure named.
//   npm run fuzz [-- --seed N] [--per-format N] [--format bibtex,ris] [--time-limit-ms 1000]
// A failure is an exception escaping the import pipeline (parse → preview → summary), an input taking longer
// than the time limit (CPU time of the pipeline; wall time may be 5x that on a busy machine), or a broken
// invariant (unique ids/citekeys, papers that do not load back, bad error lines).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IMPORT_FORMATS, ImportFormat, formatPreviewSummary, importText, previewImport } from '../src/core/importers';
import { papersFromRecords } from '../src/core/paperRecord';

/** A wall time this many times the limit fails even when the CPU time is within it. */
const WALL_SLACK = 5;
const FIXTURES = path.join(__dirname, '..', 'test', 'fixtures', 'import');

import { seededRandom as createRandom } from '../src/core/seededRandom';

const INLINE_SEEDS: Record<ImportFormat, string[]> = {
  bibtex: [
    '@string{j = "Journal"}\n@article{k1, title = {A {B} \\"o $x^2$}, author = {van der Berg, J. and Doe, Jane and others}, journal = j # " X", year = 2020, doi = {10.1/x}, eprint = {2101.00001}}\n',
    '@book(k2, title = "Q {"} q", editor = "Knuth, Donald E.", year = "1984", month = jan)\n@comment{x}\n@preamble{"\\def"}\n',
  ],
  'csl-json': [
    '[{"id":"a","title":"T","author":[{"family":"F","given":"G"}],"issued":{"date-parts":[[2020]]},"DOI":"10.1/a","URL":"https://arxiv.org/abs/2101.00001"}]',
    '{"items":[{"citation-key":"b","title":"U","author":[{"literal":"Org"}],"issued":{"raw":"2019"}}]}',
  ],
  ris: ['TY  - JOUR\nTI  - Title\nAU  - Last, First\nPY  - 2020\nDO  - 10.1/x\nKW  - k\nER  - \n', 'TY  - CONF\nT1  - Other\n  continued\nUR  - https://arxiv.org/abs/2101.00001\nER  - \n'],
  'hf-listing': ['Get trending papers in your email inbox!\nSubscribeA Title: With Colon\n' + 'An abstract sentence with enough words to count as a paragraph. '.repeat(4) + '\nSecond Title\n' + 'More abstract words here for the second paper, also long enough. '.repeat(4) + '\n'],
  'id-list': ['2101.00001\narXiv:1706.03762v5\nhttps://arxiv.org/pdf/1512.03385.pdf\nhep-th/9901001\n10.1145/3236386.3241340\nhttps://doi.org/10.1007/s1\n# comment\n'],
};

const FIXTURE_FILES: Record<ImportFormat, string[]> = {
  bibtex: ['sample.bib', 'iridia-excerpt-entries.bib', 'iridia-excerpt-abbrev.bib'],
  'csl-json': ['sample-csl.json'],
  ris: ['sample.ris'],
  'hf-listing': ['hf-listing-excerpt.txt'],
  'id-list': ['ids.txt'],
};

/** Tokens that matter to each grammar: inserting them is how structure gets broken in interesting ways. */
const TOKENS: Record<ImportFormat, string[]> = {
  bibtex: ['{', '}', '"', '@', '#', ',', '=', '\\', '$', '%', '(', ')', '@string{', '@comment', '@article{', ' and ', '\\"', "\\'{\\i}", '{\\', '^', '_', '~', '--', '\n@misc{x,\n'],
  'csl-json': ['{', '}', '[', ']', '"', ',', ':', '\\', '\\u', 'null', 'true', '1e999', '"title":', '"author":[', '"issued":{"date-parts":[[', '"DOI":"10.'],
  ris: ['TY  - ', 'ER  - ', 'TI  - ', 'AU  - ', 'PY  - ', '\n', ',', '  - ', 'KW  - ', 'DO  - 10.'],
  'hf-listing': ['\n', 'Subscribe', 'Get trending papers in your email inbox!', '\n\n', '. '],
  'id-list': ['\n', 'arXiv:', '10.', '/', 'v2', 'https://doi.org/', 'https://arxiv.org/abs/', '#', '.'],
};

const GENERIC_TOKENS = ['\u0000', '\ufeff', '\ud800', '\u{1F600}', 'é', '\r\n', '\t', ' ', 'Ω', '\u202e'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function mutateOnce(random: () => number, input: string, format: ImportFormat, corpus: readonly string[]): string {
  const at = Math.floor(random() * (input.length + 1));
  const span = Math.floor(random() * Math.min(200, input.length + 1));
  switch (Math.floor(random() * 9)) {
    case 0: // replace a character with a random code unit
      return input.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + input.slice(at + 1);
    case 1: // delete a span
      return input.slice(0, at) + input.slice(at + span);
    case 2: // duplicate a span
      return input.slice(0, at + span) + input.slice(at, at + span) + input.slice(at + span);
    case 3: // insert a grammar token
      return input.slice(0, at) + pick(random, TOKENS[format]) + input.slice(at);
    case 4: // insert a generic troublemaker
      return input.slice(0, at) + pick(random, GENERIC_TOKENS) + input.slice(at);
    case 5: // truncate
      return input.slice(0, at);
    case 6: { // splice with another corpus input
      const other = pick(random, corpus);
      const cut = Math.floor(random() * (other.length + 1));
      return input.slice(0, at) + other.slice(cut);
    }
    case 7: { // a long run of one token: deep nesting, huge fields
      const token = pick(random, [...TOKENS[format], 'a']);
      return input.slice(0, at) + token.repeat(1 + Math.floor(random() * 5000)) + input.slice(at);
    }
    default: // swap two spans
      {
        const other = Math.floor(random() * (input.length + 1));
        const [a, b] = at < other ? [at, other] : [other, at];
        return input.slice(0, a) + input.slice(b, b + span) + input.slice(a + span, b) + input.slice(a, a + span) + input.slice(b + span);
      }
  }
}

export interface FuzzFailure {
  format: ImportFormat;
  /** Reproduce with: the same seed, and this case index. */
  caseIndex: number;
  kind: 'exception' | 'timeout' | 'invariant';
  message: string;
  /** The input, shortened for the report. */
  sample: string;
}

export interface FuzzReport {
  seed: number;
  perFormat: number;
  counts: Record<string, number>;
  /** Slowest CPU time per format. */
  slowestMs: Record<string, number>;
  /** Slowest wall-clock time per format (includes time the machine spent on other processes). */
  slowestWallMs: Record<string, number>;
  /** Case index of the slowest input (CPU time) per format, to look at with --case. */
  slowestCase: Record<string, number>;
  failures: FuzzFailure[];
}

function seedCorpus(format: ImportFormat): string[] {
  const files = FIXTURE_FILES[format].map((name) => {
    try {
      return readFileSync(path.join(FIXTURES, name), 'utf8');
    } catch {
      return undefined;
    }
  });
  return [...INLINE_SEEDS[format], ...files.filter((text): text is string => text !== undefined)];
}

/** The mutated inputs for one format; each format has its own stream, so one format alone reproduces its cases. */
export function* mutatedInputs(seed: number, format: ImportFormat, count: number): Generator<string> {
  const random = createRandom(seed ^ (IMPORT_FORMATS.indexOf(format) * 0x9e3779b9));
  const corpus = seedCorpus(format);
  for (let caseIndex = 0; caseIndex < count; caseIndex++) {
    let input = pick(random, corpus);
    const rounds = 1 + Math.floor(random() * 6);
    for (let round = 0; round < rounds; round++) input = mutateOnce(random, input, format, corpus);
    yield input;
  }
}

/** Runs the whole pipeline on one input and returns a problem description, or undefined when all is well. */
function checkInput(input: string, format: ImportFormat): string | undefined {
  const parsed = importText(input, `fuzz.${format}`, { format });
  const preview = previewImport([], parsed);
  formatPreviewSummary(preview);
  for (const error of preview.errors) {
    if (!Number.isInteger(error.line) || error.line < 1) return `error with a bad line number ${error.line}: ${error.message}`;
    if (!error.message) return 'error without a message';
  }
  if (new Set(preview.papers.map((paper) => paper.id)).size !== preview.papers.length) return 'duplicate paper ids';
  if (new Set(preview.papers.map((paper) => paper.citekey)).size !== preview.papers.length) return 'duplicate citekeys';
  const reloaded = papersFromRecords(JSON.parse(JSON.stringify(preview.papers)));
  if (reloaded.problems.length) return `imported papers do not load back: ${reloaded.problems[0].message}`;
  return undefined;
}

export function runFuzz(options: { seed: number; perFormat: number; formats?: readonly ImportFormat[]; timeLimitMs?: number }): FuzzReport {
  const timeLimit = options.timeLimitMs ?? 1000;
  const report: FuzzReport = { seed: options.seed, perFormat: options.perFormat, counts: {}, slowestMs: {}, slowestWallMs: {}, slowestCase: {}, failures: [] };
  for (const format of options.formats ?? IMPORT_FORMATS) {
    let slowest = 0;
    let slowestWall = 0;
    let caseIndex = -1;
    for (const input of mutatedInputs(options.seed, format, options.perFormat)) {
      caseIndex++;
      const cpuStart = process.cpuUsage();
      const started = performance.now();
      let problem: { kind: FuzzFailure['kind']; message: string } | undefined;
      try {
        const message = checkInput(input, format);
        if (message) problem = { kind: 'invariant', message };
      } catch (error) {
        problem = { kind: 'exception', message: (error as Error)?.stack?.split('\n').slice(0, 3).join(' | ') ?? String(error) };
      }
      const wall = performance.now() - started;
      const cpuUsed = process.cpuUsage(cpuStart);
      const elapsed = (cpuUsed.user + cpuUsed.system) / 1000;
      if (elapsed > slowest) {
        slowest = elapsed;
        report.slowestCase[format] = caseIndex;
      }
      slowestWall = Math.max(slowestWall, wall);
      // CPU time is the verdict: on a shared machine wall-clock time also counts other processes' work. A wall time
      // far over the limit still fails, so a stall (waiting, not computing) cannot hide.
      if (!problem && (elapsed > timeLimit || wall > timeLimit * WALL_SLACK)) {
        problem = { kind: 'timeout', message: `took ${elapsed.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall (limit ${timeLimit} ms CPU, ${timeLimit * WALL_SLACK} ms wall) on ${input.length} characters` };
      }
      if (problem) report.failures.push({ format, caseIndex, ...problem, sample: JSON.stringify(input.length > 300 ? `${input.slice(0, 300)}…` : input) });
    }
    report.counts[format] = options.perFormat;
    report.slowestMs[format] = Number(slowest.toFixed(1));
    report.slowestWallMs[format] = Number(slowestWall.toFixed(1));
  }
  return report;
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  const seed = Number(argValue('seed') ?? 20261128);
  const perFormat = Number(argValue('per-format') ?? 10000);
  const formats = argValue('format')?.split(',') as ImportFormat[] | undefined;
  const timeLimitMs = Number(argValue('time-limit-ms') ?? 1000);
  const unknown = formats?.filter((format) => !IMPORT_FORMATS.includes(format));
  if (unknown?.length) {
    console.error(`fuzz: unknown format ${unknown.join(', ')} (known: ${IMPORT_FORMATS.join(', ')})`);
    process.exit(2);
  }
  const caseArg = argValue('case');
  if (caseArg !== undefined && formats?.length === 1) {
    // Replays one case: prints its input and how long the pipeline takes on it.
    const index = Number(caseArg);
    let input = '';
    for (const candidate of mutatedInputs(seed, formats[0], index + 1)) input = candidate;
    const started = performance.now();
    let outcome = 'ok';
    try {
      outcome = checkInput(input, formats[0]) ?? 'ok';
    } catch (error) {
      outcome = `exception: ${(error as Error).stack}`;
    }
    console.log(`${formats[0]} case ${index}: ${outcome}, ${(performance.now() - started).toFixed(1)} ms, ${input.length} characters\n${JSON.stringify(input)}`);
    process.exit(0);
  }
  const started = performance.now();
  const report = runFuzz({ seed, perFormat, formats, timeLimitMs });
  console.log(`Importer fuzz — seed ${seed}, ${perFormat} mutated inputs per format, limit ${timeLimitMs} ms CPU per input (and ${timeLimitMs * WALL_SLACK} ms wall)`);
  for (const format of Object.keys(report.counts)) {
    const failures = report.failures.filter((failure) => failure.format === format).length;
    console.log(`  ${format.padEnd(11)} ${String(report.counts[format]).padStart(6)} inputs  ${String(failures).padStart(4)} failures  slowest ${report.slowestMs[format]} ms CPU (case ${report.slowestCase[format]}), ${report.slowestWallMs[format]} ms wall`);
  }
  for (const failure of report.failures) {
    console.log(`FAIL ${failure.format} case ${failure.caseIndex} (${failure.kind}): ${failure.message}\n     input: ${failure.sample}`);
  }
  console.log(`${report.failures.length} failures in ${((performance.now() - started) / 1000).toFixed(1)} s. Reproduce: npm run fuzz -- --seed ${seed} --per-format ${perFormat}`);
  process.exitCode = report.failures.length ? 1 : 0;
}
