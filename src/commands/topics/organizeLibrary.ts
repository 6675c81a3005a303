import * as vscode from 'vscode';
import type { LibraryService } from '../../library/libraryService';
import { organizeLibrary } from '../../core/topics/assign';
import type { PaperEmbeddings } from './paperEmbeddings';

export interface OrganizeResult {
  /** False when the user cancelled or there was nothing to do; the library is then unchanged. */
  applied: boolean;
  topics: number;
  papers: number;
  /** Whether the model's embeddings took part (else topics come from words alone). */
  semantic: boolean;
}

function topicCountSetting(): number | undefined {
  const count = vscode.workspace.getConfiguration('paperShelf').get<number>('topics.count', 0);
  return Number.isInteger(count) && count > 0 ? count : undefined;
}

/**
 * "Organize Library into Topics": embeds the papers (cached ones are instant) under a cancellable progress
 * notification, clusters and labels them, and saves the assignments in one atomic write. Cancelling at any point
 * before that write leaves the library exactly as it was.
 */
export async function organizeLibraryCommand(libraryService: LibraryService, embeddings: PaperEmbeddings | undefined, external?: vscode.CancellationToken): Promise<OrganizeResult> {
  const start = libraryService.library;
  if (start.size === 0) {
    void vscode.window.showInformationMessage('Your library has no papers to organize yet.');
    return { applied: false, topics: 0, papers: 0, semantic: false };
  }
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Organizing library into topics', cancellable: true },
    async (progress, progressToken) => {
      // Cancel from the notification, or from the caller (other extensions, tests).
      const source = new vscode.CancellationTokenSource();
      const subscriptions = [progressToken.onCancellationRequested(() => source.cancel()), external?.onCancellationRequested(() => source.cancel())];
      if (progressToken.isCancellationRequested || external?.isCancellationRequested) source.cancel();
      try {
        return await organizeWithProgress(libraryService, embeddings, start, progress, source.token);
      } finally {
        for (const subscription of subscriptions) subscription?.dispose();
        source.dispose();
      }
    },
  );
}

async function organizeWithProgress(
  libraryService: LibraryService,
  embeddings: PaperEmbeddings | undefined,
  start: LibraryService['library'],
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<OrganizeResult> {
  const none: OrganizeResult = { applied: false, topics: 0, papers: start.size, semantic: false };
  let vectors: Map<string, Float32Array> | undefined;
  let modelProblem: string | undefined;
  if (embeddings) {
    let reported = 0;
    progress.report({ message: `reading 0/${start.size} papers…` });
    try {
      vectors = await embeddings.embedPapers(start.papers, {
        token,
        onProgress: (done, total) => {
          const increment = ((done - reported) / total) * 90;
          reported = done;
          progress.report({ message: `reading ${done}/${total} papers…`, increment });
        },
      });
    } catch (error) {
      if (token.isCancellationRequested) return none;
      modelProblem = error instanceof Error ? error.message : String(error);
    }
  }
  if (token.isCancellationRequested) return none;
  progress.report({ message: 'grouping…' });
  // Cluster what the library holds now: it may have changed while the model ran.
  const current = libraryService.library;
  const { papers, topics } = organizeLibrary(current.papers, { embeddings: vectors, count: topicCountSetting() });
  if (token.isCancellationRequested) return none;
  await libraryService.update(papers);
  const semantic = !!vectors && current.papers.every((paper) => vectors!.has(paper.id));
  const summary = `Organized ${papers.length} papers into ${topics.length} topics.`;
  if (modelProblem) void vscode.window.showWarningMessage(`${summary} The local model was unavailable (${modelProblem}), so topics come from the papers' words alone.`);
  else void vscode.window.showInformationMessage(summary);
  return { applied: true, topics: topics.length, papers: papers.length, semantic };
}
