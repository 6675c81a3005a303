// Citations inside a real VS Code: completion after "[@", hover cards, Insert Citation writing the text and the
// .bib in one undoable edit, unknown-key diagnostics, and a malformed .bib left untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activatePaperShelf, waitFor } from './helpers';

const LEVIATHAN_ID = 'arxiv:2211.17192';

interface CiteResult {
  bibliography?: string;
  added: string[];
  alreadyPresent: string[];
}

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(folder, 'the integration tests need a workspace folder');
  const dir = path.join(folder, `citations-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

async function openMarkdown(dir: string, name: string, text: string): Promise<vscode.TextEditor> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const document = await vscode.workspace.openTextDocument(file);
  return vscode.window.showTextDocument(document);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))).join('\n');
}

suite('Citations', () => {
  suiteSetup(async () => {
    const api = await activatePaperShelf();
    await waitFor('the sample library to load', () => api.library().size > 0);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('typing "[@lev" offers leviathan2022fast with its title and authors', async () => {
    const editor = await openMarkdown(workspaceDir(), 'complete.md', 'Speculative decoding [@lev');
    const position = new vscode.Position(0, 26);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '@');
    const item = list.items.find((candidate) => labelOf(candidate) === 'leviathan2022fast');
    assert.ok(item, `leviathan2022fast not offered; got ${list.items.slice(0, 5).map(labelOf).join(', ')}…`);
    assert.equal(item.detail, 'Fast Inference from Transformers via Speculative Decoding');
    const documentation = item.documentation instanceof vscode.MarkdownString ? item.documentation.value : String(item.documentation);
    assert.match(documentation, /Yaniv Leviathan/);
    assert.match(documentation, /2022/);
    const range = item.range as { inserting: vscode.Range } | undefined;
    assert.equal(range?.inserting.start.character, 23, 'the completion replaces the typed key, not the "[@"');

    const outside = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 11));
    assert.ok(!outside.items.some((candidate) => labelOf(candidate) === 'leviathan2022fast'), 'no citation keys outside a citation');
  });

  test('hovering @leviathan2022fast shows the paper card with an Open in Reader link', async () => {
    const editor = await openMarkdown(workspaceDir(), 'hover.md', 'As shown by @leviathan2022fast, drafts help.\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 18));
    const text = hoverText(hovers);
    assert.match(text, /Fast Inference from Transformers via Speculative Decoding/);
    assert.match(text, /Yaniv Leviathan, Matan Kalman, Yossi Matias/);
    assert.match(text, /ICML 2023/);
    assert.match(text, /Open in Reader\]\(command:paperShelf\.openCitedPaper\?/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    assert.ok(links.some((link) => link.target?.toString().includes('paperShelf.openCitedPaper')), 'the key is a link to the reader');
  });

  test('Cite in Active Editor writes [@key], the front matter field and a new references.bib; Undo reverts both', async () => {
    const dir = workspaceDir();
    const original = 'Drafting tokens speeds up decoding.\n';
    const editor = await openMarkdown(dir, 'insert.md', original);
    editor.selection = new vscode.Selection(0, 34, 0, 34);
    const result = await vscode.commands.executeCommand<CiteResult>('paperShelf.citeInActiveEditor', LEVIATHAN_ID);
    assert.deepEqual(result?.added, ['leviathan2022fast']);
    const bibFile = path.join(dir, 'references.bib');
    assert.equal(result?.bibliography, bibFile);
    assert.equal(editor.document.getText(), '---\nbibliography: references.bib\n---\n\nDrafting tokens speeds up decoding [@leviathan2022fast].\n');
    const bib = String(await waitFor('references.bib on disk', () => fs.existsSync(bibFile) && fs.readFileSync(bibFile, 'utf8')));
    assert.match(bib, /^@inproceedings\{leviathan2022fast,\n  title = \{Fast Inference from Transformers via Speculative Decoding\},/);
    assert.match(bib, /eprint = \{2211\.17192\},\n  archivePrefix = \{arXiv\}/);

    // Citing the same paper again adds nothing to the .bib.
    editor.selection = new vscode.Selection(4, 0, 4, 0);
    const again = await vscode.commands.executeCommand<CiteResult>('paperShelf.citeInActiveEditor', 'leviathan2022fast');
    assert.deepEqual(again?.added, []);
    assert.equal(fs.readFileSync(bibFile, 'utf8'), bib);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), '---\nbibliography: references.bib\n---\n\nDrafting tokens speeds up decoding [@leviathan2022fast].\n');

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the citation and the front matter to be undone', () => editor.document.getText() === original);
    await waitFor('references.bib to be removed by the same undo', () => !fs.existsSync(bibFile));
  });

  test('Insert Citation through the picker adds to an existing .bib, keeping its bytes, inside the citation at the cursor', async () => {
    const dir = workspaceDir();
    const existing = '% my own notes\n@book{knuth1984,\n  title = {The {TeX}book},\n  author = {Knuth, Donald E.},\n  year = {1984}\n}\n';
    fs.writeFileSync(path.join(dir, 'refs.bib'), existing);
    const editor = await openMarkdown(dir, 'picker.md', '---\ntitle: Notes\nbibliography: refs.bib\n---\nSee [@knuth1984] for typesetting.\n');
    editor.selection = new vscode.Selection(4, 8, 4, 8);
    const running = vscode.commands.executeCommand<CiteResult>('paperShelf.insertCitation');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The picker opens on the library; accepting takes the highlighted (first) paper.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const result = await running;
    assert.ok(result && result.added.length === 1, `expected one paper added, got ${JSON.stringify(result)}`);
    const key = result.added[0];
    assert.equal(editor.document.getText(), `---\ntitle: Notes\nbibliography: refs.bib\n---\nSee [@knuth1984; @${key}] for typesetting.\n`);
    const bib = fs.readFileSync(path.join(dir, 'refs.bib'), 'utf8');
    assert.ok(bib.startsWith(existing), 'the existing .bib content is kept byte for byte');
    assert.match(bib.slice(existing.length), new RegExp(`^\\n@\\w+\\{${key},`));
  });

  test('a malformed .bib is refused and left byte for byte, and the document is not changed', async () => {
    const dir = workspaceDir();
    const malformed = '@article{good2020,\n  title = {Fine},\n  year = {2020}\n}\n\n@article{broken,\n  title = {Unclosed {brace},\n  year = {2021}\n}\n';
    fs.writeFileSync(path.join(dir, 'bad.bib'), malformed);
    const text = '---\nbibliography: bad.bib\n---\nText.\n';
    const editor = await openMarkdown(dir, 'malformed.md', text);
    editor.selection = new vscode.Selection(3, 4, 3, 4);
    const result = await vscode.commands.executeCommand<CiteResult | undefined>('paperShelf.citeInActiveEditor', LEVIATHAN_ID);
    assert.equal(result, undefined);
    assert.equal(fs.readFileSync(path.join(dir, 'bad.bib'), 'utf8'), malformed);
    assert.equal(editor.document.getText(), text);
    assert.equal(editor.document.isDirty, false);
  });

  test('an unknown key gets a warning with a quick fix that searches the library; known keys do not', async () => {
    const dir = workspaceDir();
    fs.writeFileSync(path.join(dir, 'own.bib'), '@misc{ownentry2020,\n  title = {Mine}\n}\n');
    const editor = await openMarkdown(dir, 'diagnostics.md', '---\nbibliography: own.bib\n---\n[@leviathan2022fast; @ownentry2020; @nosuchpaper2031] and e-mail me@example.com.\n');
    const diagnostics = await waitFor('a citation diagnostic', () => {
      const found = vscode.languages.getDiagnostics(editor.document.uri).filter((diagnostic) => diagnostic.source === 'Paper Shelf');
      return found.length ? found : undefined;
    });
    assert.equal(diagnostics.length, 1, diagnostics.map((diagnostic) => diagnostic.message).join('; '));
    assert.match(diagnostics[0].message, /Unknown citation key "nosuchpaper2031"/);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostics[0].range);
    const fix = actions.find((action) => /Search the Paper Shelf library for "nosuchpaper2031"/.test(action.title));
    assert.ok(fix, `no quick fix among ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(fix.command?.command, 'paperShelf.replaceUnknownCitationKey');
  });

  test('Go to Definition on a key finds its entry in the bibliography file', async () => {
    const dir = workspaceDir();
    fs.writeFileSync(path.join(dir, 'defs.bib'), '% header\n\n@misc{ownentry2020,\n  title = {Mine}\n}\n');
    const editor = await openMarkdown(dir, 'definition.md', '---\nbibliography: defs.bib\n---\nSee @ownentry2020.\n');
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, new vscode.Position(3, 7));
    const location = locations[0] as vscode.Location;
    assert.equal(location.uri.fsPath, path.join(dir, 'defs.bib'));
    assert.equal(location.range.start.line, 2);
  });

  test('Insert Reference List formats every cited paper in citation order with the configured style; Copy BibTeX and Copy Formatted Reference', async () => {
    const config = vscode.workspace.getConfiguration('paperShelf.citations');
    await config.update('style', 'ieee', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openMarkdown(workspaceDir(), 'list.md', 'See [@lou2021fnetar; @leviathan2022fast] and @nosuchpaper2031.\n\n');
      editor.selection = new vscode.Selection(2, 0, 2, 0);
      const inserted = await vscode.commands.executeCommand<string>('paperShelf.insertReferenceList');
      assert.match(inserted, /^\[1\] T\. Lou, M\. Park, M\. Ramezanali, and V\. Tang, “FNetAR/);
      assert.match(inserted, /\n\n\[2\] Y\. Leviathan, M\. Kalman, and Y\. Matias, “Fast Inference from Transformers via Speculative Decoding,” in \*ICML 2023\*, 2022\./);
      assert.ok(editor.document.getText().endsWith(inserted), 'the list is inserted at the cursor');
      const formatted = await vscode.commands.executeCommand<string>('paperShelf.copyFormattedReference', LEVIATHAN_ID);
      assert.match(formatted, /^\[1\] Y\. Leviathan/);
    } finally {
      await config.update('style', undefined, vscode.ConfigurationTarget.Global);
    }
    const bibtex = await vscode.commands.executeCommand<string>('paperShelf.copyBibtex', { paperId: LEVIATHAN_ID });
    assert.match(bibtex, /^@inproceedings\{leviathan2022fast,/);
  });
});
