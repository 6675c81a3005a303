import type { Paper } from '../../src/core/paper';

let counter = 0;

/** A valid Paper with sensible defaults; tests override only what they are about. */
export function makePaper(overrides: Partial<Paper> = {}): Paper {
  counter += 1;
  return {
    id: `test:${counter}`,
    citekey: `paper${counter}`,
    title: `Paper ${counter}`,
    authors: ['Ada Lovelace'],
    abstract: '',
    tags: [],
    status: 'unread',
    ...overrides,
  };
}
