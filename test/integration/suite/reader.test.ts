// The reader inside a real VS Code: the real webview loads and says `ready` (messages are only posted after that),
// the host sends the paper with its position and the links it resolved itself, and Previous/Next walk library order.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serializeLibrary } from '../../../src/core/libraryStore';
import type { PaperShelfApi } from '../../../src/api';
import type { HostToWebviewMessage } from '../../../src/views/reader/protocol';
import { activatePaperShelf, waitFor } from './helpers';

const LEVIATHAN_ID = 'arxiv:2211.17192';

type ShowPaper = Extract<HostToWebviewMessage, { type: 'showPaper' }>;

suite('Reader', () => {
  let api: PaperShelfApi;

  suiteSetup(async () => {
    api = await activatePaperShelf();
    await waitFor('the sample library to load', () => api.library().size > 0);
  });

  /** Runs `action` and waits for the reader to be sent `paperId`. */
  async function shown(paperId: string, action: () => Thenable<unknown>): Promise<ShowPaper> {
    const before = api.readerMessages().length;
    await action();
    return waitFor(`a showPaper message for ${paperId}`, () =>
      api.readerMessages().slice(before).find((message): message is ShowPaper => message.type === 'showPaper' && message.paper.id === paperId),
    );
  }

  function readerTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputWebview && /paperShelf\.reader/.test(tab.input.viewType));
  }

  test('opening a paper sends it with its position, the links the host resolved, and the available actions', async () => {
    const library = api.library();
    const paper = library.get(LEVIATHAN_ID);
    assert.ok(paper, `${LEVIATHAN_ID} is missing from the sample library`);
    const message = await shown(LEVIATHAN_ID, () => api.openPaper(LEVIATHAN_ID));
    assert.equal(message.paper.title, paper.title);
    assert.equal(message.paper.citekey, 'leviathan2022fast');
    assert.deepEqual(message.paper.authors, paper.authors);
    assert.equal(message.paper.abstract, paper.abstract);
    assert.equal(message.paper.arxivUrl, 'https://arxiv.org/abs/2211.17192');
    assert.deepEqual(message.position, { index: library.papers.indexOf(paper), total: library.size });
    const commands = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(message.actions, { summarize: commands.has('paperShelf.summarizePaper'), cite: commands.has('paperShelf.citeInActiveEditor') });
    const tabs = readerTabs();
    assert.equal(tabs.length, 1, 'one reader panel');
    assert.ok(paper.title.startsWith(tabs[0].label.replace(/…$/, '')), `tab title "${tabs[0].label}" is the shortened paper title`);
  });

  test('Next and Previous Paper walk the library in order and reuse the panel', async () => {
    const library = api.library();
    await shown(LEVIATHAN_ID, () => api.openPaper(LEVIATHAN_ID));
    const index = library.papers.findIndex((paper) => paper.id === LEVIATHAN_ID);
    const next = library.papers[(index + 1) % library.size];
    const afterNext = await shown(next.id, () => vscode.commands.executeCommand('paperShelf.reader.nextPaper'));
    assert.equal(afterNext.paper.title, next.title);
    assert.equal(afterNext.position.index, (index + 1) % library.size);
    const back = await shown(LEVIATHAN_ID, () => vscode.commands.executeCommand('paperShelf.reader.previousPaper'));
    assert.equal(back.position.index, index);
    assert.equal(readerTabs().length, 1, 'still one reader panel');
  });

  test('Next Paper wraps around from the last paper to the first', async () => {
    const library = api.library();
    const last = library.papers[library.size - 1];
    await shown(last.id, () => api.openPaper(last.id));
    const first = await shown(library.papers[0].id, () => vscode.commands.executeCommand('paperShelf.reader.nextPaper'));
    assert.equal(first.position.index, 0);
  });

  test('an id that is not in the library sends nothing and leaves the shown paper', async () => {
    await shown(LEVIATHAN_ID, () => api.openPaper(LEVIATHAN_ID));
    const before = api.readerMessages().length;
    await api.openPaper('arxiv:0000.00000');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(
      api.readerMessages().slice(before).filter((message) => message.type === 'showPaper'),
      [],
    );
    const again = await shown(LEVIATHAN_ID, () => vscode.commands.executeCommand('paperShelf.reader.nextPaper').then(() => vscode.commands.executeCommand('paperShelf.reader.previousPaper')));
    assert.equal(again.paper.id, LEVIATHAN_ID, 'navigation still starts from the paper that was shown');
  });

  test('closing the reader disables Previous/Next and a new open creates a fresh panel', async () => {
    await shown(LEVIATHAN_ID, () => api.openPaper(LEVIATHAN_ID));
    await vscode.window.tabGroups.close(readerTabs());
    await waitFor('the reader tab to close', () => readerTabs().length === 0);
    const before = api.readerMessages().length;
    await vscode.commands.executeCommand('paperShelf.reader.nextPaper');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(api.readerMessages().length, before, 'no reader, nothing sent');
    await shown(LEVIATHAN_ID, () => api.openPaper(LEVIATHAN_ID));
    assert.equal(readerTabs().length, 1);
  });

  test('the reader follows library changes: an edited paper is re-sent, a deleted one closes the reader', async () => {
    const papers = api.library().papers.slice(0, 3);
    const target = papers[1];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-reader-'));
    const file = path.join(dir, 'library.json');
    fs.writeFileSync(file, serializeLibrary(papers));
    const config = vscode.workspace.getConfiguration('paperShelf');
    try {
      await config.update('libraryPath', file, vscode.ConfigurationTarget.Global);
      await waitFor('the three-paper library to load', () => api.library().size === 3);
      await shown(target.id, () => api.openPaper(target.id));

      const retitled = `${target.title} (revised)`;
      const before = api.readerMessages().length;
      fs.writeFileSync(file, serializeLibrary(papers.map((paper) => (paper.id === target.id ? { ...paper, title: retitled, summary: 'A short TL;DR.' } : paper))));
      const refreshed = await waitFor('the edited paper to be re-sent', () =>
        api.readerMessages().slice(before).find((message): message is ShowPaper => message.type === 'showPaper' && message.paper.title === retitled),
      );
      assert.equal(refreshed.paper.summary, 'A short TL;DR.');
      await waitFor('the tab title to follow', () => readerTabs()[0]?.label.startsWith(retitled.slice(0, 20)));

      fs.writeFileSync(file, serializeLibrary(papers.filter((paper) => paper.id !== target.id)));
      await waitFor('the library to drop the paper', () => api.library().size === 2);
      await waitFor('the reader to close', () => readerTabs().length === 0);
    } finally {
      await config.update('libraryPath', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await waitFor('the sample library to come back', () => api.library().size > 3);
  });

  test('notes written in the editor appear in the reader once saved', async () => {
    const papers = api.library().papers.slice(0, 2);
    const target = papers[0];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-notes-'));
    const file = path.join(dir, 'library.json');
    fs.writeFileSync(file, serializeLibrary(papers));
    const config = vscode.workspace.getConfiguration('paperShelf');
    try {
      await config.update('libraryPath', file, vscode.ConfigurationTarget.Global);
      await waitFor('the two-paper library to load', () => api.library().size === 2);
      const first = await shown(target.id, () => api.openPaper(target.id));
      assert.equal(first.paper.notes, undefined);

      const notesFile = await vscode.commands.executeCommand<string>('paperShelf.openNotes', target.id);
      const editor = vscode.window.activeTextEditor;
      if (!editor) throw new Error('Open Notes opened no editor');
      assert.equal(editor.document.uri.fsPath, notesFile);
      await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), '\nThe draft model idea is *neat*.\n'));
      await editor.document.save();
      // The notes editor may cover the reader's tab; bringing the reader back shows the saved notes.
      const withNotes = await shown(target.id, () => api.openPaper(target.id));
      assert.match(withNotes.paper.notes ?? '', /The draft model idea is \*neat\*\./);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await config.update('libraryPath', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await waitFor('the sample library to come back', () => api.library().size > 3);
  });
});
