// Shared by the integration tests: activating Paper Shelf and waiting on its asynchronous state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaperShelfApi } from '../../../src/api';

export const EXTENSION_ID = 'paper-shelf.paper-shelf';

export async function activatePaperShelf(): Promise<PaperShelfApi> {
  const extension = vscode.extensions.getExtension<PaperShelfApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the test instance`);
  const api = await extension.activate();
  assert.ok(api && typeof api.library === 'function', 'activate() did not return the Paper Shelf API');
  return api;
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
}
