// npm run eval: quality figures that need ../shared data or hand labels, printed as Markdown tables.
// Add an area: a module in scripts/eval/ and one line in EVALS below. Areas whose data is absent print a skip line.
import { evalSummaries, printSummariesEval } from './eval/summaries';
import { evalTopics, printTopicsEval } from './eval/topics';
import { evalSearch, printSearchEval } from './eval/search';

type Out = (line: string) => void;

const EVALS: { name: string; run(out: Out): Promise<void> }[] = [
  { name: 'summaries', run: async (out) => printSummariesEval(await evalSummaries(), out) },
  { name: 'topics', run: async (out) => printTopicsEval(await evalTopics(), out) },
  { name: 'search', run: async (out) => printSearchEval(await evalSearch(), out) },
];

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set(process.argv[onlyIndex + 1]?.split(',')) : undefined;
  let failed = false;
  for (const area of EVALS) {
    if (only && !only.has(area.name)) continue;
    try {
      await area.run((line) => console.log(line));
    } catch (error) {
      failed = true;
      console.log(`${area.name}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    }
    console.log('');
  }
  process.exitCode = failed ? 1 : 0;
}

void main();
