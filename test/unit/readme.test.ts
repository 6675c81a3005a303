// The README is the user's manual: every command in the palette and every setting must be documented there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

test('the README documents every command shown in the Command Palette', () => {
  const hidden = new Set(
    (manifest.contributes.menus.commandPalette ?? []).filter((entry: { when?: string }) => entry.when === 'false').map((entry: { command: string }) => entry.command),
  );
  const missing = manifest.contributes.commands
    .map((command: { command: string }) => command.command)
    .filter((id: string) => !hidden.has(id) && !readme.includes(`\`${id}\``));
  assert.deepEqual(missing, []);
});

test('the README documents every setting', () => {
  const missing = Object.keys(manifest.contributes.configuration.properties).filter((key) => !readme.includes(`\`${key}\``));
  assert.deepEqual(missing, []);
});

test('every command is in the "Paper Shelf" category', () => {
  const outside = manifest.contributes.commands.filter((command: { category?: string }) => command.category !== 'Paper Shelf');
  assert.deepEqual(outside, []);
});
