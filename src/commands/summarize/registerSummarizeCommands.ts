import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import type { ReaderController } from '../../views/reader/registerReader';
import { paperIdFromArg } from '../paper/paperArg';
import { DEFAULT_SUMMARY_SCORER } from '../../core/summary/defaultScorer';
import { summarizeAbstracts } from '../../core/summary/summarizeAbstracts';
import { buildTopicBrief } from '../../core/summary/topicBrief';
import { UNSORTED_TOPIC } from '../../core/paper';
import { abortSignalFromToken, getEmbeddingService } from '../../model/extensionEmbeddings';
import { EmbeddingCancelledError } from '../../model/embeddingModel';

/** `Paper Shelf: Summarize Paper` (TL;DR into the paper's `summary`) and `Summarize Topic` (a Markdown brief). */
export function registerSummarizeCommands(context: vscode.ExtensionContext, library: LibraryService, reader: ReaderController): void {
  const log = vscode.window.createOutputChannel('Paper Shelf Summaries', { log: true });
  context.subscriptions.push(
    log,
    vscode.commands.registerCommand('paperShelf.summarizePaper', (arg?: unknown) => summarizePaper(context, library, reader, log, arg)),
    vscode.commands.registerCommand('paperShelf.summarizeTopic', (arg?: unknown) => summarizeTopic(context, library, log, arg)),
  );
}

async function embedFor(context: vscode.ExtensionContext) {
  const service = await getEmbeddingService(context);
  return { embed: service.embed.bind(service), modelId: service.modelId };
}

async function summarizePaper(context: vscode.ExtensionContext, library: LibraryService, reader: ReaderController, log: vscode.LogOutputChannel, arg: unknown): Promise<string | undefined> {
  const paperId = paperIdFromArg(arg) ?? reader.currentPaperId;
  if (!paperId) {
    void vscode.window.showInformationMessage('Open a paper in the reader (or right-click one in the Papers view) to summarize it.');
    return undefined;
  }
  const paper = library.library.find(paperId);
  if (!paper) {
    void vscode.window.showErrorMessage(`Paper Shelf: there is no paper "${paperId}" in the library.`);
    return undefined;
  }
  if (!paper.abstract.trim()) {
    void vscode.window.showWarningMessage(`"${paper.title}" has no abstract, so there is nothing to summarize.`);
    return undefined;
  }
  try {
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Summarizing "${truncate(paper.title, 60)}"`, cancellable: true },
      async (_progress, token) => {
        const signal = abortSignalFromToken(token);
        try {
          return await summarizeAbstracts([{ id: paper.id, abstract: paper.abstract }], { scorer: DEFAULT_SUMMARY_SCORER, ...(await embedFor(context)), signal });
        } finally {
          signal.dispose();
        }
      },
    );
    if (outcome.fallbackReason) {
      log.warn(`Summarize Paper used the lexical scorer: ${outcome.fallbackReason}`);
      void vscode.window.showWarningMessage(`Paper Shelf summarized without the local model: ${outcome.fallbackReason}`);
    }
    const summary = outcome.results[0]?.choice?.summary;
    if (!summary) return undefined;
    // Re-read the library right before writing: the user may have edited other papers meanwhile.
    const current = library.library.papers;
    if (!current.some((p) => p.id === paper.id)) throw new Error('the paper was removed from the library while it was being summarized');
    await library.update(current.map((p) => (p.id === paper.id ? { ...p, summary } : p)));
    if (reader.currentPaperId === paper.id) await reader.show(paper.id);
    return summary;
  } catch (error) {
    if (error instanceof EmbeddingCancelledError) return undefined; // cancelled: nothing written
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Summarize Paper failed for ${paper.id}: ${message}`);
    void vscode.window.showErrorMessage(`Paper Shelf could not summarize "${paper.title}": ${message}`);
    return undefined;
  }
}

async function summarizeTopic(context: vscode.ExtensionContext, library: LibraryService, log: vscode.LogOutputChannel, arg: unknown): Promise<vscode.TextDocument | undefined> {
  const papers = library.library.papers;
  if (!papers.length) {
    void vscode.window.showInformationMessage('The library has no papers yet: import some or restore the sample library first.');
    return undefined;
  }
  const counts = new Map<string, number>();
  for (const paper of papers) counts.set(paper.topic ?? UNSORTED_TOPIC, (counts.get(paper.topic ?? UNSORTED_TOPIC) ?? 0) + 1);
  let topic = typeof arg === 'string' && counts.has(arg) ? arg : topicFromTreeItem(arg, counts);
  if (!topic) {
    const picked = await vscode.window.showQuickPick(
      [...counts].sort((a, b) => b[1] - a[1]).map(([label, count]) => ({ label, description: `${count} ${count === 1 ? 'paper' : 'papers'}` })),
      { title: 'Summarize Topic', placeHolder: 'Choose a topic to brief' },
    );
    topic = picked?.label;
  }
  if (!topic) return undefined;
  const members = papers.filter((paper) => (paper.topic ?? UNSORTED_TOPIC) === topic);
  try {
    const markdown = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Summarizing topic "${topic}"`, cancellable: true },
      async (progress, token) => {
        const signal = abortSignalFromToken(token);
        try {
          const { embed, modelId } = await embedFor(context);
          return await buildTopicBrief(topic!, members, papers, {
            scorer: DEFAULT_SUMMARY_SCORER,
            embed,
            modelId,
            signal,
            onProgress: (done, total) => progress.report({ message: `${done}/${total} sentences` }),
            onFallback: (reason) => log.warn(`Summarize Topic used the lexical scorer: ${reason}`),
          });
        } finally {
          signal.dispose();
        }
      },
    );
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
    await vscode.window.showTextDocument(document);
    return document;
  } catch (error) {
    if (error instanceof EmbeddingCancelledError) return undefined;
    const message = error instanceof Error ? error.message : String(error);
    log.error(`Summarize Topic failed for ${topic}: ${message}`);
    void vscode.window.showErrorMessage(`Paper Shelf could not summarize the topic "${topic}": ${message}`);
    return undefined;
  }
}

/** A topic group node of the Papers tree passes itself; its label is the topic. */
function topicFromTreeItem(arg: unknown, counts: Map<string, number>): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const candidate = (arg as { topic?: unknown; label?: unknown }).topic ?? (arg as { label?: unknown }).label;
  const label = typeof candidate === 'string' ? candidate : typeof candidate === 'object' && candidate !== null ? (candidate as { label?: unknown }).label : undefined;
  return typeof label === 'string' && counts.has(label) ? label : undefined;
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
