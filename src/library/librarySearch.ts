// STUB — the search feature replaces this file.
import type { Library } from '../core/library';
import type { SearchHit } from '../core/search/paperIndex';

/** Keeps one search index per library snapshot, rebuilt lazily when the library changes. */
export class LibrarySearch {
  constructor(private readonly currentLibrary: () => Library) {}
  search(_query: string, _limit = 20): SearchHit[] {
    void this.currentLibrary;
    return [];
  }
}
