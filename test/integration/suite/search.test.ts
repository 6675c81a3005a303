// Search Papers in a real VS Code: the QuickPick ranks as the user types, Enter opens the best match in the reader,
// and malformed queries show the empty state instead of failing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperShelfApi } from '../../../src/api';
import type { HostToWebviewMessage } from '../../../src/views/reader/protocol';
import { activatePaperShelf, waitFor } from './helpers';

const LEVIATHAN_ID = 'arxiv:2211.17192';

type ShowPaper = Extract<HostToWebviewMessage, { type: 'showPaper' }>;

suite('Search Papers', () => {
  let api: PaperShelfApi;

  suiteSetup(async () => {
    api = await activatePaperShelf();
    await waitFor('the sample library to load', () => api.library().size > 0);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
  });

  /** The command resolves once the extension host set the items; the workbench (in the browser) needs a moment to show them. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));

  /** Opens Search Papers on `query` (the command resolves once the first results are shown), then presses Enter. */
  async function searchAndAccept(query: string): Promise<ShowPaper> {
    const before = api.readerMessages().length;
    await vscode.commands.executeCommand('paperShelf.searchPapers', query);
    await settle();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return waitFor(`the reader to show the top result for "${query}"`, () =>
      api.readerMessages().slice(before).find((message): message is ShowPaper => message.type === 'showPaper'),
    );
  }

  test('Enter opens the best match in the reader', async () => {
    assert.equal((await searchAndAccept('speculative decoding')).paper.id, LEVIATHAN_ID);
  });

  test('typos, a partial last word and author: queries find the paper', async () => {
    assert.equal((await searchAndAccept('speculatve decodng')).paper.id, LEVIATHAN_ID);
    assert.equal((await searchAndAccept('fast inference from transf')).paper.id, LEVIATHAN_ID);
    assert.equal((await searchAndAccept('author:leviathan')).paper.id, LEVIATHAN_ID);
  });

  test('malformed queries show the empty state in lexical mode and open nothing', async () => {
    // Hybrid and semantic search always have nearest neighbours once the model has read the library, so "nothing
    // found" is only a fair expectation for word search.
    const settings = vscode.workspace.getConfiguration('paperShelf');
    await settings.update('search.mode', 'lexical', vscode.ConfigurationTarget.Global);
    try {
      for (const query of ['title:', '+ -', '"unbalanced ~ ^', 'zzzqqqxxx']) {
        const before = api.readerMessages().length;
        await vscode.commands.executeCommand('paperShelf.searchPapers', query);
        await settle();
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
        await settle();
        assert.equal(api.readerMessages().slice(before).filter((message) => message.type === 'showPaper').length, 0, `"${query}" opened a paper`);
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
    } finally {
      await settings.update('search.mode', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('malformed queries never fail in hybrid mode', async () => {
    for (const query of ['title:', '+ -', '"unbalanced ~ ^', 'author:', 'year:20xx']) {
      await vscode.commands.executeCommand('paperShelf.searchPapers', query);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.ok(Array.isArray(api.search(query)), `"${query}" gave no result list`);
    }
  });
});
