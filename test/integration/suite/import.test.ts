// Import, user data, workspace library and export inside a real VS Code, through the commands the UI runs.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PaperShelfApi } from '../../../src/api';
import { activatePaperShelf, waitFor } from './helpers';

const FIXTURES = path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'import');

interface ImportOutcome {
  added: number;
  duplicates: number;
  errors: { line: number; message: string }[];
  imported: boolean;
}

suite('Import and user data', () => {
  let api: PaperShelfApi;
  let initialIds: Set<string>;

  suiteSetup(async () => {
    api = await activatePaperShelf();
    await waitFor('the sample library to load', () => api.library().size > 0);
    initialIds = new Set(api.library().papers.map((paper) => paper.id));
  });

  suiteTeardown(async () => {
    // Leave the library as the other suites expect it: remove what this suite added.
    const added = api.library().papers.filter((paper) => !initialIds.has(paper.id)).map((paper) => paper.id);
    if (added.length) await vscode.commands.executeCommand('paperShelf.deletePaper', added[0], added, { confirm: false });
  });

  test('Import Papers with a .bib: the preview counts, the new papers appear in the tree, a re-import finds duplicates', async () => {
    const file = vscode.Uri.file(path.join(FIXTURES, 'sample.bib'));
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('paperShelf.importPapers', { files: [file], confirm: false });
    assert.equal(outcome.imported, true);
    assert.equal(outcome.added, 5);
    assert.equal(outcome.duplicates, 0);
    assert.deepEqual(outcome.errors.map((error) => error.line), [27, 45, 52]);
    const berg = await waitFor('the imported paper in the library', () => api.library().find('vanderberg2020'));
    assert.equal(berg.title, 'Über die Methode von Müller – eine Étude');
    const groups = await waitFor('the tree to show the imported papers', async () => {
      const snapshot = await api.treeSnapshot();
      return snapshot.some((group) => group.paperIds.includes(berg.id)) ? snapshot : undefined;
    });
    assert.ok(groups.some((group) => group.paperIds.includes(api.library().find('goodafterbroken')!.id)));
    const again = await vscode.commands.executeCommand<ImportOutcome>('paperShelf.importPapers', { files: [file.fsPath], confirm: false });
    assert.deepEqual([again.added, again.duplicates, again.imported], [0, 5, false]);
  });

  test('an id list becomes "metadata missing" stubs; a binary file is refused and nothing changes', async () => {
    const before = api.library().size;
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('paperShelf.importPapers', { files: [path.join(FIXTURES, 'ids.txt')], confirm: false });
    // 1706.03762 and 2001.08361 came with sample.bib in the previous test.
    assert.deepEqual([outcome.added, outcome.duplicates], [4, 2]);
    const stub = await waitFor('a stub paper', () => api.library().papers.find((paper) => paper.metadataMissing && paper.doi === '10.1145/3236386.3241340'));
    assert.equal(stub.url, 'https://doi.org/10.1145/3236386.3241340');
    const scratch = process.env.PAPER_SHELF_TEST_SCRATCH ?? path.join(FIXTURES, '..', '..', '..', 'out');
    const binary = path.join(scratch, 'not-a-bibliography.bib');
    await fs.writeFile(binary, Buffer.from([0, 1, 2, 3, 255, 0]));
    const refused = await vscode.commands.executeCommand<ImportOutcome>('paperShelf.importPapers', { files: [binary], confirm: false });
    assert.deepEqual([refused.added, refused.imported], [0, false]);
    assert.equal(api.library().size, before + outcome.added);
  });

  test('tags, reading status and star through the commands, saved to the library', async () => {
    const paper = api.library().find('vanderberg2020')!;
    await vscode.commands.executeCommand('paperShelf.editTags', paper.id, undefined, ['to-review', 'theory']);
    await vscode.commands.executeCommand('paperShelf.setReadingStatus', paper.id, undefined, 'reading');
    await vscode.commands.executeCommand('paperShelf.toggleStar', paper.id);
    const updated = await waitFor('the user data to be saved', () => {
      const current = api.library().get(paper.id);
      return current?.status === 'reading' && current.starred && current.tags.includes('theory') ? current : undefined;
    });
    assert.deepEqual(updated.tags, ['to-review', 'theory']);
    const snapshot = await api.treeSnapshot();
    assert.ok(snapshot.some((group) => group.paperIds.includes(paper.id)));
  });

  test('a save changes the library once: the file watcher does not reload what the save itself wrote', async () => {
    const paper = api.library().find('vanderberg2020')!;
    const versions = [api.library()];
    const watch = setInterval(() => {
      if (api.library() !== versions[versions.length - 1]) versions.push(api.library());
    }, 5);
    try {
      await vscode.commands.executeCommand('paperShelf.toggleStar', paper.id);
      // The watcher's event for the save arrives within a few hundred milliseconds; give it ample time.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    } finally {
      clearInterval(watch);
      await vscode.commands.executeCommand('paperShelf.toggleStar', paper.id);
    }
    assert.equal(versions.length, 2, `the library changed ${versions.length - 1} times after one save`);
  });

  test('notes open as notes/<citekey>.md next to the library; export writes the tagged paper as BibTeX', async () => {
    const paper = api.library().find('vanderberg2020')!;
    const notes = await vscode.commands.executeCommand<string>('paperShelf.openNotes', paper.id);
    assert.equal(path.basename(notes), 'vanderberg2020.md');
    assert.match(await fs.readFile(notes, 'utf8'), /^# Über die Methode/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, notes);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    const scratch = process.env.PAPER_SHELF_TEST_SCRATCH ?? path.dirname(notes);
    const target = path.join(scratch, 'export-tagged.bib');
    const exported = await vscode.commands.executeCommand<{ exported: number }>('paperShelf.exportPapers', { format: 'bibtex', scope: 'tag:theory', file: target });
    assert.equal(exported.exported, 1);
    const text = await fs.readFile(target, 'utf8');
    assert.match(text, /^@\w+\{vanderberg2020,/);
  });

  test('a workspace library: created in .paper-shelf/, imports can go there, the tree shows both libraries', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration tests run with a folder open');
    await vscode.commands.executeCommand('paperShelf.createWorkspaceLibrary');
    const file = path.join(folder.uri.fsPath, '.paper-shelf', 'library.json');
    await waitFor('the workspace library file', () => fs.access(file).then(() => true, () => false));
    const outcome = await vscode.commands.executeCommand<ImportOutcome>('paperShelf.importPapers', { files: [path.join(FIXTURES, 'sample.ris')], confirm: false, scope: 'workspace' });
    assert.equal(outcome.imported, true);
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { papers: { title: string }[] };
    assert.ok(saved.papers.some((paper) => paper.title.startsWith('BERT')));
    const bert = await waitFor('the workspace paper in the library', () => api.library().papers.find((paper) => paper.title.startsWith('BERT')));
    const snapshot = await api.treeSnapshot();
    assert.ok(snapshot.some((group) => group.paperIds.includes(bert.id)), 'workspace papers are in the tree');
    assert.ok(snapshot.some((group) => group.paperIds.some((id) => initialIds.has(id))), 'user papers are still in the tree');
    // Deleting the workspace paper writes the workspace file, not the user library.
    await vscode.commands.executeCommand('paperShelf.deletePaper', bert.id, undefined, { confirm: false });
    await waitFor('the paper to leave the workspace file', async () => !(await fs.readFile(file, 'utf8')).includes('BERT'));
  });
});

suite('Linked bibliography', () => {
  let api: PaperShelfApi;

  suiteSetup(async () => {
    api = await activatePaperShelf();
    await waitFor('the library to load', () => api.library().size > 0);
  });

  test('a linked .bib is followed: edits to the file update the library and keep the user\'s tags and status', async () => {
    const scratch = process.env.PAPER_SHELF_TEST_SCRATCH;
    assert.ok(scratch, 'PAPER_SHELF_TEST_SCRATCH is set by the integration runner');
    const file = path.join(scratch, 'linked.bib');
    await fs.writeFile(file, '@article{linkedone, title = {Linked One}, author = {Ann Lee}, year = 2020}\n@article{linkedtwo, title = {Linked Two}, year = 2021}\n');
    const result = await vscode.commands.executeCommand<{ added: number }>('paperShelf.linkBibliography', vscode.Uri.file(file));
    assert.equal(result.added, 2);
    const one = await waitFor('the linked papers', () => api.library().find('linkedone'));
    assert.equal(one.linkedFrom, file);
    await vscode.commands.executeCommand('paperShelf.editTags', one.id, undefined, ['mine']);
    await vscode.commands.executeCommand('paperShelf.setReadingStatus', one.id, undefined, 'read');
    await waitFor('the user data to be saved', () => api.library().get(one.id)?.status === 'read');

    // The reference manager re-exports: one title changes, one entry goes, one arrives.
    await fs.writeFile(file, '@article{linkedone, title = {Linked One, Second Edition}, author = {Ann Lee}, year = 2022}\n@article{linkedthree, title = {Linked Three}}\n');
    const updated = await waitFor('the library to follow the file', () => {
      const paper = api.library().get(one.id);
      return paper?.title === 'Linked One, Second Edition' && api.library().find('linkedthree') && !api.library().find('linkedtwo') ? paper : undefined;
    }, 30000);
    assert.deepEqual([updated.tags, updated.status, updated.year], [['mine'], 'read', 2022]);

    await vscode.commands.executeCommand('paperShelf.unlinkBibliography', file, { removePapers: true });
    await waitFor('the linked papers to be removed', () => !api.library().find('linkedone') && !api.library().find('linkedthree'));
    assert.deepEqual(vscode.workspace.getConfiguration('paperShelf').get('linkedBibliographies'), []);
  });
});
