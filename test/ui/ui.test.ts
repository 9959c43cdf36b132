// The `ui` layer: the product tried for real. Builds the VSIX, installs it into a fresh code-server 4.100.3
// (VS Code 1.100.3) with `--install-extension` (not development mode), opens a copy of examples/ in the web
// workbench in headless Chromium, and checks what a person sees, one subtest per step (see steps.ts).
// Every step saves a screenshot to test-results/ui/<step>.png; a failing step saves <step>-failed.png and the
// page's console log <step>-console.log (plus code-server's log) there too.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { STEPS, type UiContext } from './steps.js';
import {
  CHROMIUM, CODE_SERVER, openWorkbench, packageVsix, REPO, startCodeServer, vsixEntries, type CodeServer, type Workbench,
} from './workbench.js';

const RESULTS = join(REPO, 'test-results', 'ui');
const EXPECTED_VSIX = [
  'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
  'extension/client/dist/extension.js', 'extension/server/dist/server.js', 'extension/server/dist/scan-worker.js', 'extension/server/dist/cli.js',
  'extension/syntaxes/kube-hardening-directives.tmLanguage.json', 'extension/schemas/kube-hardening-config.schema.json',
  'extension/images/icon.png',
];

describe('VS Code workbench with the packaged extension (code-server + Chromium)', { timeout: 240000 }, () => {
  let tmp = '';
  let vsix = '';
  let cs: CodeServer | undefined;
  let wb: Workbench | undefined;
  let setupError: unknown;

  before(async () => {
    rmSync(RESULTS, { recursive: true, force: true });
    mkdirSync(RESULTS, { recursive: true });
    try {
      assert.ok(existsSync(CODE_SERVER), `code-server is not installed at ${CODE_SERVER} (test/vscode/install-code-server.sh; run-tests.mjs does it)`);
      assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
      tmp = mkdtempSync(join(tmpdir(), 'kh-vsix-'));
      vsix = packageVsix(join(tmp, 'kube-hardening.vsix'));
      cs = await startCodeServer({ vsix });
      wb = await openWorkbench(cs);
    } catch (e) {
      setupError = e;
      if (wb) await wb.page.screenshot({ path: join(RESULTS, 'setup-failed.png') }).catch(() => undefined);
      await saveLogs('setup');
    }
  }, { timeout: 180000 });

  after(async () => {
    await wb?.close();
    await cs?.stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  async function saveLogs(id: string): Promise<void> {
    if (wb) writeFileSync(join(RESULTS, `${id}-console.log`), `${wb.consoleLog.join('\n')}\n`);
    if (cs && existsSync(cs.logFile)) copyFileSync(cs.logFile, join(RESULTS, `${id}-code-server.log`));
  }

  it('the VSIX holds only the bundles, grammar, schema, README, CHANGELOG, LICENSE and icon', () => {
    if (setupError) throw setupError;
    assert.deepEqual(vsixEntries(vsix).filter((e) => e.startsWith('extension/')).sort(), [...EXPECTED_VSIX].sort());
    const size = statSync(vsix).size;
    assert.ok(size < 2_000_000, `the VSIX is small (${size} bytes)`);
  });

  let failedBefore = false;
  for (const step of STEPS) {
    it(step.title, { timeout: 90000 }, async () => {
      if (setupError) throw setupError;
      if (!cs || !wb) throw new Error('the workbench did not open');
      const page = wb.page;
      // The test keeps the whole window at the moment the step shows what it checks.
      const ctx: UiContext = { page, cs, capture: async () => { await page.screenshot({ path: join(RESULTS, `${step.id}.png`) }); } };
      try {
        await step.run(ctx);
      } catch (e) {
        await wb.page.screenshot({ path: join(RESULTS, `${step.id}-failed.png`) }).catch(() => undefined);
        await saveLogs(step.id);
        if (failedBefore && e instanceof Error) e.message += ' (an earlier step failed too; this one may depend on it)';
        failedBefore = true;
        throw e;
      }
    });
  }
});
