import type { CliCommand } from '../command';
import { listCommand } from './list';
import { searchCommand } from './search';
import { showCommand } from './show';
import { importCommand } from './import';
import { citeCommand } from './cite';
import { bibCommand } from './bib';
import { summarizeCommand } from './summarize';
import { topicsCommand } from './topics';
import { relatedCommand } from './related';

/** Every `paper-shelf` sub-command, in the order `--help` lists them. Add a command: one file + one line here. */
export const commands: readonly CliCommand[] = [
  listCommand,
  searchCommand,
  showCommand,
  importCommand,
  citeCommand,
  bibCommand,
  summarizeCommand,
  topicsCommand,
  relatedCommand,
];
