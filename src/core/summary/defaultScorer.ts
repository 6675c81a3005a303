import scorerJson from '../../../data/summary-scorer.json';
import type { SummaryScorerFile } from './scorer';

/** The scorer trained by scripts/train-summary-scorer.ts, bundled with the extension and the CLI. */
export const DEFAULT_SUMMARY_SCORER = scorerJson as unknown as SummaryScorerFile;
