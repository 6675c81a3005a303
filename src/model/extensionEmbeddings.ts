import * as path from 'node:path';
import * as vscode from 'vscode';
import { EmbeddingCache } from './embeddingCache';
import { EmbeddingClient } from './embeddingClient';
import { EmbeddingService } from './embeddingService';
import type { AbortSignalLike } from './embeddingModel';

// The one model worker + cache of the extension host, shared by every feature (summaries, topics, search).
let shared: Promise<EmbeddingService> | undefined;

/** The extension's embedding service: worker started lazily, cache in global storage. */
export function getEmbeddingService(context: vscode.ExtensionContext): Promise<EmbeddingService> {
  shared ??= (async () => {
    const client = new EmbeddingClient({
      onWorkerCrash: (message, restarted) => {
        if (restarted) void vscode.window.showWarningMessage(`Paper Shelf: ${message}`);
        else void vscode.window.showErrorMessage(`Paper Shelf: ${message}`);
      },
    });
    context.subscriptions.push({ dispose: () => void client.dispose() });
    const cache = await EmbeddingCache.open(path.join(context.globalStorageUri.fsPath, 'embeddings-cache.json'));
    return new EmbeddingService(client, cache);
  })();
  return shared;
}

/** Adapts a VS Code CancellationToken to the AbortSignal-like object the model code takes. */
export function abortSignalFromToken(token: vscode.CancellationToken): AbortSignalLike & vscode.Disposable {
  const controller = new AbortController();
  const subscription = token.onCancellationRequested(() => controller.abort());
  if (token.isCancellationRequested) controller.abort();
  return {
    get aborted() {
      return controller.signal.aborted;
    },
    addEventListener: (type, listener, options) => controller.signal.addEventListener(type, listener, options),
    removeEventListener: (type, listener) => controller.signal.removeEventListener(type, listener),
    dispose: () => subscription.dispose(),
  };
}
