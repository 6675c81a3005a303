import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Paper } from '../../core/paper';
import { BibliographyFileError, bibliographyFormat, planBibliographyUpdate } from '../../core/citations/bibFile';
import { citationInsertion } from '../../core/citations/citationEdit';
import { addBibliographyInsertion, readFrontMatter, type TextInsertion } from '../../core/citations/frontMatter';

/** A problem the user can fix; shown as an error message, nothing is changed. */
export class CitationUserError extends Error {
  constructor(message: string, readonly openFile?: vscode.Uri) {
    super(message);
  }
}

export interface BibliographyTarget {
  uri: vscode.Uri;
  /** As written in (or to be added to) the front matter. */
  relativePath: string;
  /** The front matter insertion that names the file, when the document has no `bibliography:` yet. */
  addField?: TextInsertion;
}

function citationSettings() {
  const config = vscode.workspace.getConfiguration('paperShelf.citations');
  return {
    defaultBibliography: config.get<string>('defaultBibliography', 'references.bib').trim() || 'references.bib',
    addToFrontMatter: config.get<boolean>('addBibliographyToFrontMatter', true),
  };
}

/** The bibliography file a document's citations go to: its front matter's first usable file, or the default. */
export function bibliographyTarget(document: vscode.TextDocument): BibliographyTarget {
  if (document.uri.scheme !== 'file') {
    throw new CitationUserError('Save the document first: Paper Shelf keeps the bibliography file next to it.');
  }
  const text = document.getText();
  const folder = path.dirname(document.uri.fsPath);
  const header = readFrontMatter(text);
  if (header?.error) {
    throw new CitationUserError(`The YAML front matter of ${path.basename(document.uri.fsPath)} does not parse (${header.error}). Fix it, then insert the citation again.`, document.uri);
  }
  if (header?.bibliography.length) {
    const usable = header.bibliography.find((entry) => bibliographyFormat(entry));
    if (!usable) {
      throw new CitationUserError(`None of the bibliography files in the front matter (${header.bibliography.join(', ')}) is a .bib, .json or .yaml file Paper Shelf can add to.`);
    }
    return { uri: vscode.Uri.file(path.resolve(folder, usable)), relativePath: usable };
  }
  const settings = citationSettings();
  if (!bibliographyFormat(settings.defaultBibliography)) {
    throw new CitationUserError(`The setting paperShelf.citations.defaultBibliography ("${settings.defaultBibliography}") must end in .bib, .json or .yaml.`);
  }
  const uri = vscode.Uri.file(path.resolve(folder, settings.defaultBibliography));
  const relativePath = path.isAbsolute(settings.defaultBibliography) ? settings.defaultBibliography : settings.defaultBibliography.replace(/\\/g, '/');
  const addField = settings.addToFrontMatter ? addBibliographyInsertion(text, relativePath) : undefined;
  return { uri, relativePath, addField };
}

/** The bibliography's current text: the open editor's (possibly unsaved) text, else the file, else undefined. */
async function currentText(uri: vscode.Uri): Promise<{ text: string | undefined; document?: vscode.TextDocument }> {
  const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
  if (open) return { text: open.getText(), document: open };
  try {
    return { text: await fs.readFile(uri.fsPath, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined };
    throw new CitationUserError(`Cannot read the bibliography ${uri.fsPath} (${(error as NodeJS.ErrnoException).code}).`);
  }
}

function positionAt(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}

export interface CitationEditResult {
  applied: boolean;
  bibliography: vscode.Uri;
  added: string[];
  alreadyPresent: string[];
}

/**
 * One WorkspaceEdit that cites `papers` in the document (at `at`, or replacing `replace`), names the bibliography
 * in the front matter if needed and appends the missing entries to the bibliography, so one Undo reverts it all.
 * A bibliography that does not parse stops everything before any change.
 */
export async function citePapers(document: vscode.TextDocument, papers: readonly Paper[], where: { at: vscode.Position } | { replace: vscode.Range }): Promise<CitationEditResult> {
  const target = bibliographyTarget(document);
  const { text: bibText, document: bibDocument } = await currentText(target.uri);
  let plan;
  try {
    plan = planBibliographyUpdate(bibText, target.uri.fsPath, papers);
  } catch (error) {
    if (error instanceof BibliographyFileError) throw new CitationUserError(error.message, target.uri);
    throw error;
  }
  const edit = new vscode.WorkspaceEdit();
  const metadata: vscode.WorkspaceEditEntryMetadata = { label: 'Insert Citation', needsConfirmation: false };
  if ('replace' in where) {
    edit.replace(document.uri, where.replace, papers[0].citekey, metadata);
  } else {
    const insertion = citationInsertion(document.getText(), document.offsetAt(where.at), papers.map((paper) => paper.citekey));
    if (insertion) edit.insert(document.uri, document.positionAt(insertion.offset), insertion.text, metadata);
  }
  if (target.addField) edit.insert(document.uri, document.positionAt(target.addField.offset), target.addField.text, metadata);
  const bibWasDirty = bibDocument?.isDirty ?? false;
  if (plan.insertion) {
    if (bibText === undefined) {
      edit.createFile(target.uri, { contents: Buffer.from(plan.newText, 'utf8'), ignoreIfExists: false }, metadata);
    } else {
      const position = bibDocument ? bibDocument.positionAt(plan.insertion.offset) : positionAt(bibText, plan.insertion.offset);
      edit.insert(target.uri, position, plan.insertion.text, metadata);
    }
  }
  const applied = edit.size > 0 ? await vscode.workspace.applyEdit(edit) : true;
  // pandoc and Quarto read the file from disk: save the appended entries unless the user had unsaved edits there.
  if (applied && plan.insertion && bibText !== undefined && !bibWasDirty) {
    const bib = await vscode.workspace.openTextDocument(target.uri);
    await bib.save();
  }
  return { applied, bibliography: target.uri, added: plan.added, alreadyPresent: plan.alreadyPresent };
}
