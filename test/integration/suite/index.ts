// Mocha (TDD UI) runner loaded by VS Code's extension host as extensionTestsPath. Runs every *.test.js next to it
// (each test/integration/suite/*.test.ts bundled by scripts/build-tests.mjs) and prints a parseable count line.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // PAPER_SHELF_TEST_GREP runs only the tests whose full title matches (handy while writing one).
  const grep = process.env.PAPER_SHELF_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        console.log(`Integration: ${passed} passed, ${failed} failed`);
        if (failures > 0 || passed === 0) reject(new Error(`${failures} integration test(s) failed${passed === 0 ? ' (none passed)' : ''}`));
        else resolve();
      });
    } catch (error) {
      console.log('Integration: 0 passed, 1 failed');
      reject(error);
    }
  });
}
