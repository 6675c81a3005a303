// The foundation, inside a real VS Code: the sample library loads, the tree groups it, the reader is sent the paper,
// search ranks it, and a broken library file is reported and left alone.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PaperShelfApi } from '../../../src/api';
import { activatePaperShelf, waitFor } from './helpers';

const SAMPLE_SIZE = 119;
const LEVIATHAN_ID = 'arxiv:2211.17192';
const LEVIATHAN_TITLE = 'Fast Inference from Transformers via Speculative Decoding';

suite('Foundation', () => {
  let api: PaperShelfApi;

  suiteSetup(async () => {
    api = await activatePaperShelf();
    await waitFor('the sample library to load', () => api.library().size > 0);
  });

  test('a fresh profile gets the 119-paper sample library', () => {
    const library = api.library();
    assert.equal(library.size, SAMPLE_SIZE);
    const paper = library.get(LEVIATHAN_ID);
    assert.ok(paper, `${LEVIATHAN_ID} is missing from the library`);
    assert.equal(paper.citekey, 'leviathan2022fast');
    assert.equal(paper.title, LEVIATHAN_TITLE);
    assert.equal(library.find('leviathan2022fast')?.id, LEVIATHAN_ID);
  });

  test('the tree groups all 119 papers by topic, each paper once', async () => {
    const groups = await api.treeSnapshot();
    assert.ok(groups.length > 1, `expected several topic groups, got ${groups.length}: ${JSON.stringify(groups.map((g) => g.label))}`);
    const ids = groups.flatMap((group) => group.paperIds);
    assert.equal(ids.length, SAMPLE_SIZE, 'sum of group sizes');
    assert.equal(new Set(ids).size, SAMPLE_SIZE, 'every paper appears exactly once');
    const library = api.library();
    for (const id of ids) assert.ok(library.get(id), `tree shows unknown paper id ${id}`);
    for (const group of groups) {
      assert.ok(group.label.trim(), 'group without a label');
      assert.match(group.description, new RegExp(`\\b${group.paperIds.length}\\b`), `group "${group.label}" description should show its count`);
    }
    const topics = new Set(library.papers.map((paper) => paper.topic?.trim() || 'Unsorted'));
    assert.deepEqual(new Set(groups.map((group) => group.label)), topics, 'one group per topic of the library');
  });

  test('opening a paper sends it to the reader webview', async () => {
    const before = api.readerMessages().length;
    await api.openPaper(LEVIATHAN_ID);
    const message = await waitFor('a showPaper message', () =>
      api.readerMessages().slice(before).reverse().find((m) => m.type === 'showPaper'));
    const paper = message.paper as { id?: string; title?: string };
    assert.equal(paper.title, LEVIATHAN_TITLE);
    const tab = await waitFor('the reader tab', () =>
      vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /paperShelf\.reader/.test(t.input.viewType)));
    assert.ok(tab.label.length > 0, 'reader tab has a title');
  });

  test('the Open Paper command reuses the reader for another paper given by citation key', async () => {
    const other = api.library().papers.find((paper) => paper.id !== LEVIATHAN_ID);
    assert.ok(other);
    const before = api.readerMessages().length;
    await vscode.commands.executeCommand('paperShelf.openPaper', other.id);
    const message = await waitFor('a showPaper message for the second paper', () =>
      api.readerMessages().slice(before).reverse().find((m) => m.type === 'showPaper'));
    assert.equal((message.paper as { title?: string }).title, other.title);
    const readerTabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && /paperShelf\.reader/.test(t.input.viewType));
    assert.equal(readerTabs.length, 1, 'one reader panel is reused');
  });

  test('searching by title words and by author ranks the paper first', () => {
    const byTitle = api.search('speculative decoding', 10);
    assert.ok(byTitle.length >= 3, `expected the speculative-decoding papers, got ${JSON.stringify(byTitle)}`);
    const library = api.library();
    assert.match(library.get(byTitle[0].id)?.title ?? '', /speculative/i);
    const exact = api.search('fast inference transformers speculative decoding', 5);
    assert.equal(exact[0]?.id, LEVIATHAN_ID);
    const byAuthor = api.search('author:leviathan', 5);
    assert.equal(byAuthor[0]?.id, LEVIATHAN_ID);
    for (let i = 1; i < byTitle.length; i++) assert.ok(byTitle[i - 1].score >= byTitle[i].score, 'results are best first');
  });

  test('a library file that is not JSON is reported and never overwritten', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-broken-'));
    const file = path.join(dir, 'library.json');
    const broken = '{ "format": "paper-shelf-library", "papers": [ { "id": "x", ';
    fs.writeFileSync(file, broken);
    const shown: string[] = [];
    // The test shares the extension's `vscode` API object, so wrapping it sees the extension's notifications.
    const window = vscode.window as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
    const original = window.showErrorMessage;
    window.showErrorMessage = (...args: unknown[]) => { shown.push(String(args[0])); return Promise.resolve(undefined); };
    const config = vscode.workspace.getConfiguration('paperShelf');
    try {
      await config.update('libraryPath', file, vscode.ConfigurationTarget.Global);
      const message = await waitFor('an error naming the broken library file', () => shown.find((text) => text.includes(file)));
      assert.ok(message.length > file.length, 'the error says what is wrong, not just the path');
      await waitFor('the broken library to be loaded as empty', () => api.library().size === 0);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.equal(fs.readFileSync(file, 'utf8'), broken, 'the broken file must be left exactly as it was');
      assert.deepEqual(fs.readdirSync(dir), ['library.json'], 'no file was written next to it');
    } finally {
      window.showErrorMessage = original;
      await config.update('libraryPath', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await waitFor('the sample library to come back', () => api.library().size === SAMPLE_SIZE);
  });
});
