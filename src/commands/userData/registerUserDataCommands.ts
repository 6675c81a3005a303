import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { LibraryTreeController } from '../../views/library/registerLibraryTree';
import type { ReaderController } from '../../views/reader/registerReader';
import { Paper, READING_STATUSES, ReadingStatus, paperLink, shortByline } from '../../core/paper';
import { paperIdsFromArgs } from '../paper/paperArg';
import { pickPaper } from '../paper/pickPaper';
import { MetadataEditor } from './metadataEditor';
import { collectTags, applyTags } from './tags';

function isReadingStatus(value: unknown): value is ReadingStatus {
  return typeof value === 'string' && (READING_STATUSES as readonly string[]).includes(value);
}

const STATUS_LABELS: Record<ReadingStatus, string> = { unread: '$(circle-outline) Unread', reading: '$(book) Reading', read: '$(pass-filled) Read' };

export function registerUserDataCommands(
  context: vscode.ExtensionContext,
  libraryService: LibraryService,
  tree: Pick<LibraryTreeController, 'selectedPaperIds'>,
  reader: Pick<ReaderController, 'currentPaperId'>,
): void {
  /** The papers a command applies to: the clicked/selected tree items, a paper id, the reader's paper, or a pick. */
  async function targets(arg: unknown, selection: unknown, title: string): Promise<Paper[]> {
    const library = libraryService.library;
    const ids = paperIdsFromArgs(arg, selection);
    if (ids.length) {
      const papers = ids.map((id) => library.get(id) ?? library.find(id)).filter((paper): paper is Paper => Boolean(paper));
      if (!papers.length) void vscode.window.showErrorMessage(`Paper Shelf: no paper "${ids[0]}" in the library. Reload the library if the file changed.`);
      return papers;
    }
    const shown = reader.currentPaperId ? library.get(reader.currentPaperId) : undefined;
    if (shown) return [shown];
    const picked = await pickPaper(library, title);
    return picked ? [picked] : [];
  }

  async function replace(changed: readonly Paper[]): Promise<void> {
    const byId = new Map(changed.map((paper) => [paper.id, paper]));
    await libraryService.update(libraryService.library.papers.map((paper) => byId.get(paper.id) ?? paper));
  }

  const reportFailure = (what: string) => (error: unknown) => {
    void vscode.window.showErrorMessage(`Paper Shelf: ${what} failed: ${(error as Error).message ?? String(error)}`);
  };

  const metadataEditor = new MetadataEditor(context, libraryService);
  context.subscriptions.push(metadataEditor);

  context.subscriptions.push(
    vscode.commands.registerCommand('paperShelf.editTags', async (arg?: unknown, selection?: unknown, tagsArg?: unknown) => {
      const papers = await targets(arg, selection, 'Edit Tags');
      if (!papers.length) return;
      const existing = collectTags(libraryService.library.papers);
      const given = Array.isArray(tagsArg) && tagsArg.every((tag) => typeof tag === 'string') ? (tagsArg as string[]) : undefined;
      const tags = given ?? (await pickTags(existing, papers));
      if (!tags) return;
      await replace(applyTags(papers, tags)).catch(reportFailure('Saving tags'));
    }),

    vscode.commands.registerCommand('paperShelf.setReadingStatus', async (arg?: unknown, selection?: unknown, statusArg?: unknown) => {
      const papers = await targets(arg, selection, 'Set Reading Status');
      if (!papers.length) return;
      let status = isReadingStatus(statusArg) ? statusArg : undefined;
      if (!status) {
        const picked = await vscode.window.showQuickPick(
          READING_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value, picked: papers.every((paper) => paper.status === value) })),
          { title: papers.length === 1 ? `Reading status of “${papers[0].title}”` : `Reading status of ${papers.length} papers` },
        );
        status = picked?.value;
      }
      if (!status) return;
      const chosen = status;
      await replace(papers.map((paper) => ({ ...paper, status: chosen }))).catch(reportFailure('Saving the reading status'));
    }),

    vscode.commands.registerCommand('paperShelf.toggleStar', async (arg?: unknown, selection?: unknown) => {
      const papers = await targets(arg, selection, 'Star Paper');
      if (!papers.length) return;
      // Like a mail client: star them all unless all are starred already.
      const star = !papers.every((paper) => paper.starred);
      await replace(papers.map((paper) => {
        const next = { ...paper };
        if (star) next.starred = true;
        else delete next.starred;
        return next;
      })).catch(reportFailure('Saving the star'));
      vscode.window.setStatusBarMessage(`$(star${star ? '-full' : '-empty'}) ${star ? 'Starred' : 'Unstarred'} ${papers.length === 1 ? `“${papers[0].title}”` : `${papers.length} papers`}`, 3000);
    }),

    vscode.commands.registerCommand('paperShelf.openNotes', async (arg?: unknown, selection?: unknown) => {
      const [paper] = await targets(arg, selection, 'Open Notes');
      if (!paper) return undefined;
      const file = libraryService.notesPath(paper);
      try {
        await fs.access(file);
      } catch {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const link = paperLink(paper);
        const heading = [`# ${paper.title}`, '', `${shortByline(paper)}${link ? ` · <${link}>` : ''} · \`@${paper.citekey}\``, '', ''].join('\n');
        // "wx": never overwrite notes that appeared in the meantime.
        await fs.writeFile(file, heading, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
      }
      await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: false });
      return file;
    }),

    vscode.commands.registerCommand('paperShelf.editMetadata', async (arg?: unknown, selection?: unknown) => {
      const [paper] = await targets(arg, selection, 'Edit Metadata');
      if (paper) await metadataEditor.open(paper);
    }),

    vscode.commands.registerCommand('paperShelf.deletePaper', async (arg?: unknown, selection?: unknown, options?: unknown) => {
      const papers = await targets(arg, selection, 'Delete Paper');
      if (!papers.length) return false;
      const confirmed = typeof options === 'object' && options !== null && (options as { confirm?: unknown }).confirm === false;
      if (!confirmed) {
        const titles = papers.slice(0, 5).map((paper) => `• ${paper.title}`).join('\n') + (papers.length > 5 ? `\n… and ${papers.length - 5} more` : '');
        const del = 'Delete';
        const choice = await vscode.window.showWarningMessage(
          papers.length === 1 ? `Delete “${papers[0].title}” from the library?` : `Delete ${papers.length} papers from the library?`,
          { modal: true, detail: `${titles}\n\nTheir notes files are kept. The previous library file is kept as a .bak backup.` },
          del,
        );
        if (choice !== del) return false;
      }
      const gone = new Set(papers.map((paper) => paper.id));
      await libraryService.update(libraryService.library.papers.filter((paper) => !gone.has(paper.id))).catch(reportFailure('Deleting'));
      return true;
    }),
  );
}

/** Multi-select of the library's tags plus whatever the user types as a new one. */
async function pickTags(existing: string[], papers: Paper[]): Promise<string[] | undefined> {
  interface TagItem extends vscode.QuickPickItem {
    tag: string;
  }
  const onAll = new Set(existing.filter((tag) => papers.every((paper) => paper.tags.includes(tag))));
  const quickPick = vscode.window.createQuickPick<TagItem>();
  quickPick.canSelectMany = true;
  quickPick.title = papers.length === 1 ? `Tags of “${papers[0].title}”` : `Tags of ${papers.length} papers`;
  quickPick.placeholder = 'Check the tags to keep; type a new tag and press Enter to add it';
  const known: TagItem[] = existing.map((tag) => ({ label: tag, tag }));
  const added: TagItem[] = [];
  const refresh = () => {
    const value = quickPick.value.trim().replace(/\s+/g, ' ');
    const isNew = value && !existing.includes(value) && !added.some((item) => item.tag === value);
    const selected = quickPick.selectedItems;
    quickPick.items = [...(isNew ? [{ label: `$(add) ${value}`, description: 'new tag', tag: value, alwaysShow: true }] : []), ...added, ...known];
    quickPick.selectedItems = quickPick.items.filter((item) => selected.some((chosen) => chosen.tag === item.tag));
  };
  quickPick.items = known;
  quickPick.selectedItems = known.filter((item) => onAll.has(item.tag));
  quickPick.onDidChangeValue(refresh);
  return new Promise<string[] | undefined>((resolve) => {
    let done = false;
    quickPick.onDidAccept(() => {
      const value = quickPick.value.trim().replace(/\s+/g, ' ');
      // Enter with a typed new tag adds it (checked) instead of closing.
      if (value && !existing.includes(value) && !added.some((item) => item.tag === value)) {
        const item: TagItem = { label: value, description: 'new', tag: value };
        const selected = [...quickPick.selectedItems.filter((chosen) => !chosen.label.startsWith('$(add)')), item];
        added.push(item);
        quickPick.value = '';
        quickPick.items = [...added, ...known];
        quickPick.selectedItems = quickPick.items.filter((candidate) => selected.some((chosen) => chosen.tag === candidate.tag));
        return;
      }
      done = true;
      resolve([...new Set(quickPick.selectedItems.map((item) => item.tag))]);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      if (!done) resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
