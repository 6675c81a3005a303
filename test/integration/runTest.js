'use strict';
// Runs test/integration/suite/*.test.ts (bundled to out/ by scripts/build-tests.mjs) inside a REAL VS Code:
// @vscode/test-electron's runTests with scripts/code-shim.js as the executable (code-server's build + headless
// Chromium, see scripts/install-vscode.sh). Each run gets a fresh user-data dir, so the library starts from the sample.
const path = require('path');
const fs = require('fs');
const os = require('os');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '../..');

(async () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-shelf-it-'));
  const workspace = path.join(scratch, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: path.join(root, 'scripts/code-shim.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/test/integration/suite/index.js'),
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
      extensionTestsEnv: { PAPER_SHELF_TEST_SCRATCH: scratch },
    });
  } catch (error) {
    console.error('Integration tests failed:', error.message);
    code = 1;
  }
  fs.rmSync(scratch, { recursive: true, force: true });
  process.exit(code);
})();
