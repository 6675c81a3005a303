import type lunrModule from 'lunr';

let loaded: typeof lunrModule | undefined;

/** lunr, loaded on first search rather than when the extension activates (activation time is budgeted). */
export function lunr(): typeof lunrModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= require('lunr') as typeof lunrModule);
}
