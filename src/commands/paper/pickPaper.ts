import * as vscode from 'vscode';
import type { Library } from '../../core/library';
import type { Paper } from '../../core/paper';
import { shortByline } from '../../core/paper';

interface PaperPick extends vscode.QuickPickItem {
  paper: Paper;
}

/** Lets the user choose a paper when a command was run from the palette with none in view. */
export async function pickPaper(library: Library, title: string, filter: (paper: Paper) => boolean = () => true): Promise<Paper | undefined> {
  const items: PaperPick[] = library.papers.filter(filter).map((paper) => ({
    label: paper.title,
    description: shortByline(paper),
    detail: `@${paper.citekey}${paper.arxivId ? ` · arXiv:${paper.arxivId}` : ''}`,
    paper,
  }));
  if (!items.length) {
    void vscode.window.showInformationMessage(library.size ? 'Paper Shelf: no paper in the library fits this command.' : 'Paper Shelf: the library has no papers yet.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Type to find a paper by title, author or citation key', matchOnDescription: true, matchOnDetail: true });
  return picked?.paper;
}
