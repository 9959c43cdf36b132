// What a person sees, step by step, in the workbench with the installed VSIX: run as subtests by ui.test.ts and
// replayed by scripts/screenshots.mjs for the README's images. Each step leaves the workbench in the state the next
// one expects (the steps run in order on one workbench). The expected values come from the product itself: the
// built CLI run on the same workspace (same engine, same workspace judgement) and the rules' metadata.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES_BY_ID } from '@kube-hardening/shared-rules';
import type { Locator, Page } from 'playwright-core';
import {
  actionWidget, activeEditor, clearProblemsFilter, clickWord, dismissHover, editorLine, EXTENSION_ID, findingsPane,
  hoverAndWait, openFromExplorer, openQuickFixMenu, problemRows, REPO, showProblems, waitForSquiggle, type CodeServer,
} from './workbench.js';

export interface UiContext {
  readonly page: Page;
  readonly cs: CodeServer;
  /**
   * Records what a step shows: `name` is the image's name, `parts` the elements that matter (the README's images
   * are cropped to them; the test keeps the whole window).
   */
  capture(name: string, parts: readonly (Locator | Box)[], options?: { readonly pad?: number }): Promise<void>;
}

/** A rectangle of the page, in CSS pixels (for parts that Monaco re-renders, measured while shown). */
export interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

export interface UiStep {
  /** Short name: file names of screenshots and logs. */
  readonly id: string;
  readonly title: string;
  run(ctx: UiContext): Promise<void>;
}

interface CliFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: string;
  readonly range: { readonly start: { readonly line: number; readonly column: number } };
}

/** The built CLI's findings for the workspace, by file name (the CLI judges the files as one workspace, like the editor). */
function cliFindings(workspace: string): Map<string, CliFinding[]> {
  const run = spawnSync(process.execPath, [join(REPO, 'server', 'dist', 'cli.js'), '--format', 'json', '.'], { cwd: workspace, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `kube-harden exited ${String(run.status)}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { file: string; findings: CliFinding[] }[] };
  return new Map(report.files.map((f) => [f.file.replace(/^\.\//, ''), f.findings]));
}

/** Rule id -> the section of the guidance the Kube Hardening view files it under. */
function ruleSections(): Map<string, string> {
  const run = spawnSync(process.execPath, [join(REPO, 'server', 'dist', 'cli.js'), '--list-rules', '--format', 'json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { rules } = JSON.parse(run.stdout) as { rules: { id: string; guidanceSection: string }[] };
  return new Map(rules.map((r) => [r.id, r.guidanceSection]));
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

const OPENED = 'deployment-web.yaml';
const NEVER_OPENED = 'statefulset-db.yaml';
/** deployment-web.yaml: line 18 is the pod template's `spec:`, where automount-service-account-token points. */
const POD_SPEC_LINE = 18;
const RULE = 'automount-service-account-token';
const FIX_TITLE = 'Set automountServiceAccountToken: false for the pod';
const INSERTED = 'automountServiceAccountToken: false';

const SQUIGGLE: Record<CliFinding['severity'], string> = { error: 'error', warning: 'warning', information: 'info' };

/** Line number -> the squiggle kinds drawn on it, in the active editor (read from the DOM; see workbench.ts). */
const SQUIGGLED_LINES = `(() => {
  const editor = document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
  const out = {};
  if (!editor) return out;
  const tops = new Map([...editor.querySelectorAll('.margin-view-overlays > div')].map((d) => [d.style.top, (d.querySelector('.line-numbers') || {}).textContent]));
  for (const row of editor.querySelectorAll('.view-overlays > div')) {
    for (const s of row.querySelectorAll('[class*="squiggly-"]')) {
      const line = tops.get(row.style.top);
      const kind = /squiggly-(\\w+)/.exec(s.className)[1];
      if (line) (out[line.trim()] ||= []).includes(kind) || out[line.trim()].push(kind);
    }
  }
  for (const k in out) out[k].sort();
  return out;
})()`;

/** Waits until the rows matching `selector` show exactly `texts` (whitespace-normalised innerText, any order). */
async function waitForRowTexts(page: Page, selector: string, texts: readonly string[], timeout = 30000): Promise<void> {
  const read = `[...document.querySelectorAll(${JSON.stringify(selector)})].map((r) => r.innerText.replace(/\\s+/g, ' ').trim()).sort()`;
  await page.waitForFunction(`JSON.stringify(${read}) === ${JSON.stringify(JSON.stringify([...texts].sort()))}`, undefined, { timeout })
    .catch(async () => assert.fail(`rows ${selector}: expected ${JSON.stringify([...texts].sort())}, shown ${JSON.stringify(await page.evaluate(read))}`));
}

/** The left edge of the editor (its line numbers) at the height of `box`: crops then show where the line is. */
async function lineStart(page: Page, box: Box): Promise<Box> {
  const editor = await activeEditor(page).boundingBox();
  return { x: editor ? editor.x : box.x, y: box.y, width: 1, height: box.height };
}

/** Moves the pointer to the window title, where it shows no hover or tooltip. */
async function parkMouse(page: Page): Promise<void> {
  const title = await page.locator('.part.titlebar').first().boundingBox();
  await page.mouse.move(title ? title.x + title.width / 2 : 1, title ? title.y + title.height / 2 : 1);
}

/** Drags the sash between the side bar and the editor until the side bar is `width` pixels wide. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').first().boundingBox();
  assert.ok(bar, 'the side bar is shown');
  if (bar.width >= width) return;
  await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + width + 1, bar.y + bar.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(`document.querySelector('.part.sidebar').getBoundingClientRect().width >= ${width - 2}`, undefined, { timeout: 5000 });
}

export const STEPS: readonly UiStep[] = [
  {
    id: '1-squiggles',
    title: 'an opened manifest shows squiggles where the findings are (deployment-web.yaml)',
    async run({ page, cs, capture }) {
      await openFromExplorer(page, OPENED);
      const expected: Record<string, string[]> = {};
      for (const f of cliFindings(cs.workspace).get(OPENED) ?? []) {
        const kinds = (expected[String(f.range.start.line)] ??= []);
        if (!kinds.includes(SQUIGGLE[f.severity])) kinds.push(SQUIGGLE[f.severity]);
      }
      for (const k in expected) expected[k]!.sort();
      assert.ok(Object.keys(expected).length >= 2, `the CLI finds problems in ${OPENED}: ${JSON.stringify(expected)}`);
      // Wait until the decorations are exactly the findings' lines and severities.
      const want = JSON.stringify(expected, Object.keys(expected).sort());
      await page.waitForFunction(`(() => { const got = ${SQUIGGLED_LINES}; return JSON.stringify(got, Object.keys(got).sort()) === ${JSON.stringify(want)}; })()`,
        undefined, { timeout: 60000 }).catch(async (e: Error) => {
        const got = await page.evaluate(SQUIGGLED_LINES);
        throw new Error(`squiggles by line: expected ${want}, got ${JSON.stringify(got)} (${e.message.split('\n')[0]!})`);
      });
      await capture('squiggles', [activeEditor(page)]);
    },
  },
  {
    id: '2-problems',
    title: 'the Problems panel lists the problems of a file never opened (statefulset-db.yaml)',
    async run({ page, cs, capture }) {
      assert.equal(await page.locator(`.tabs-container .tab[aria-label^="${NEVER_OPENED}"]`).count(), 0, `${NEVER_OPENED} is not open`);
      const expected = cliFindings(cs.workspace).get(NEVER_OPENED) ?? [];
      assert.ok(expected.length > 0, `the CLI finds problems in ${NEVER_OPENED}`);
      await showProblems(page, NEVER_OPENED, NEVER_OPENED);
      for (const f of expected) {
        const row = problemRows(page).filter({ hasText: f.message }).filter({ hasText: `[Ln ${f.range.start.line}, Col ${f.range.start.column}]` });
        await row.filter({ hasText: f.ruleId }).first().waitFor({ timeout: 30000 });
      }
      const fileRow = problemRows(page).filter({ hasText: NEVER_OPENED }).first();
      assert.match(norm(await fileRow.innerText()), new RegExp(`${NEVER_OPENED.replace('.', '\\.')} ${expected.length}$`));
      // The unfiltered panel, every file collapsed to its count: each Kubernetes file of the workspace with findings
      // is listed, opened or not; then the never-opened file expanded again.
      await clearProblemsFilter(page);
      const all = cliFindings(cs.workspace);
      await page.locator('.part.panel [aria-label="Collapse All"]').first().click();
      const fileRows = [...all].filter(([, f]) => f.length > 0).map(([file, f]) => `${file} ${f.length}`).sort();
      await waitForRowTexts(page, '.markers-panel .monaco-list-row', fileRows);
      assert.equal(await problemRows(page).count(), [...all.values()].filter((f) => f.length > 0).length, 'one row per file with findings');
      await problemRows(page).filter({ hasText: NEVER_OPENED }).first().locator('.monaco-tl-twistie').click();
      await problemRows(page).filter({ hasText: expected[0]!.message }).first().waitFor({ timeout: 10000 });
      assert.equal(await page.locator(`.tabs-container .tab[aria-label^="${NEVER_OPENED}"]`).count(), 0, `${NEVER_OPENED} is still not open`);
      await parkMouse(page);
      await capture('problems', [page.locator('.part.panel .composite.title').first(), page.locator('.markers-panel .monaco-list-rows').first()], { pad: 0 });
      // Hide the panel again (Ctrl+J toggles it), so the editor has its full height.
      await page.keyboard.press('Control+J');
      await page.locator('.part.panel').first().waitFor({ state: 'hidden', timeout: 10000 });
    },
  },
  {
    id: '3-hover',
    title: 'hovering a squiggle shows the guidance quote',
    async run({ page, capture }) {
      const meta = RULES_BY_ID.get(RULE)!.meta;
      const quote = meta.guidance[0]!;
      const squiggle = await waitForSquiggle(page, POD_SPEC_LINE, 'info');
      const squiggleBox = (await squiggle.boundingBox())!;
      const hover = await hoverAndWait(page, squiggle, quote.quote.slice(0, 40));
      const text = norm(await hover.innerText());
      assert.ok(text.includes(norm(quote.quote)), `the hover quotes the guidance: ${text}`);
      assert.ok(text.includes(`“${quote.section}”, p. ${quote.page}`), `the hover cites section and page: ${text}`);
      assert.ok(text.includes(meta.title), 'the hover names the rule');
      // Bring the first quote with its citation into view inside the hover, scrolling it with the mouse wheel as a
      // person would (the pointer moves into the hover, which keeps it open).
      const quoteInView = `new Promise((done) => requestAnimationFrame(() => {
        const hover = [...document.querySelectorAll('.monaco-hover')].find((h) => h.offsetParent && h.querySelector('blockquote'));
        if (!hover) return done(false);
        const h = hover.getBoundingClientRect(), q = hover.querySelector('blockquote').getBoundingClientRect();
        done(q.bottom <= h.bottom && q.top >= h.top);
      }))`;
      const box = await hover.boundingBox();
      assert.ok(box, 'the hover is on screen');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; !(await page.evaluate(quoteInView)); i++) {
        assert.ok(i < 40, 'the quote scrolls into view in the hover');
        await page.mouse.wheel(0, 20);
      }
      assert.ok(await hover.isVisible(), 'the hover stays open');
      await capture('hover', [hover, squiggleBox, await lineStart(page, squiggleBox)]);
      await dismissHover(page);
    },
  },
  {
    id: '4-quick-fix-menu',
    title: "Ctrl+. on the squiggle shows the quick-fix menu with the rule's fix first",
    async run({ page, capture }) {
      const squiggleBox = (await (await waitForSquiggle(page, POD_SPEC_LINE, 'info')).boundingBox())!;
      await clickWord(page, POD_SPEC_LINE, 'spec');
      await openQuickFixMenu(page);
      const actions = actionWidget(page).locator('.monaco-list-row.action');
      const titles = (await actions.allInnerTexts()).map(norm);
      assert.equal(titles[0], FIX_TITLE, `the rule's fix comes first: ${JSON.stringify(titles)}`);
      assert.match(await actions.first().getAttribute('class') ?? '', /\bfocused\b/, 'the first entry is selected');
      assert.ok(titles.includes(`Ignore \`${RULE}\` on this line`), `the suppression is offered: ${JSON.stringify(titles)}`);
      assert.ok(titles.includes(`Show documentation for \`${RULE}\``), `the documentation is offered: ${JSON.stringify(titles)}`);
      await capture('quick-fix', [actionWidget(page), squiggleBox, await lineStart(page, squiggleBox)]);
    },
  },
  {
    id: '5-apply-fix',
    title: 'choosing the fix changes the file (the inserted YAML, in the file’s own layout)',
    async run({ page, cs, capture }) {
      const file = join(cs.workspace, OPENED);
      const before = readFileSync(file, 'utf8');
      // The menu is open and focused (step 4): Enter applies its selected first entry.
      await page.keyboard.press('Enter');
      const inserted = editorLine(page, INSERTED);
      await inserted.waitFor({ timeout: 20000 });
      await actionWidget(page).waitFor({ state: 'hidden', timeout: 10000 });
      // The finding is gone: no squiggle is left on the pod spec's line.
      await page.waitForFunction(`(() => { const got = ${SQUIGGLED_LINES}; return !got['${POD_SPEC_LINE}']; })()`, undefined, { timeout: 30000 });
      await capture('fixed', [activeEditor(page)]);
      // Save (files.autoSave is off) and read the file from disk: only the one line was added, indented like its siblings.
      const tab = page.locator(`.tabs-container .tab[aria-label^="${OPENED}"]`).first();
      await page.keyboard.press('Control+S');
      await page.waitForFunction(`!document.querySelector('.tabs-container .tab.dirty[aria-label^="${OPENED}"]')`, undefined, { timeout: 20000 });
      assert.ok(await tab.isVisible());
      const after = readFileSync(file, 'utf8');
      const added = after.split('\n').filter((l) => l.includes(INSERTED));
      assert.equal(added.length, 1, after);
      assert.equal(after.replace(`${added[0]}\n`, ''), before, 'nothing else changed');
      const sibling = /^( *)containers:/m.exec(after)!;
      assert.equal(/^( *)/.exec(added[0]!)![1], sibling[1], 'indented like the pod spec’s other keys');
    },
  },
  {
    id: '6-view',
    title: 'the Kube Hardening view in the Explorer lists the guidance sections with their counts',
    async run({ page, cs, capture }) {
      const sections = ruleSections();
      const counts = new Map<string, number>();
      for (const findings of cliFindings(cs.workspace).values()) {
        for (const f of findings) counts.set(sections.get(f.ruleId)!, (counts.get(sections.get(f.ruleId)!) ?? 0) + 1);
      }
      assert.ok(counts.size > 0);
      // Give the view room: collapse the folder tree, expand the view (it starts collapsed under the others).
      const folders = page.locator('.sidebar .pane-header[aria-expanded="true"]', { hasText: /^\s*examples/i }).first();
      if (await folders.count()) await folders.click();
      const header = findingsPane(page).locator('.pane-header').first();
      if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
      await widenSideBar(page, 520);
      const tree = findingsPane(page);
      for (const [section, count] of counts) {
        await tree.locator(`.monaco-list-row[aria-level="1"][aria-label="${section} ${count}"]`).waitFor({ timeout: 30000 })
          .catch(async () => assert.fail(`section "${section} ${count}" not shown; the view shows ${JSON.stringify(await tree.locator('.monaco-list-row[aria-level="1"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label'))))}`));
      }
      assert.equal(await tree.locator('.monaco-list-row[aria-level="1"]').count(), counts.size, 'one row per section with findings');
      // Under a section, its rules with their counts.
      const [firstSection] = [...counts.keys()];
      const firstRow = tree.locator(`.monaco-list-row[aria-level="1"][aria-label^="${firstSection} "]`);
      assert.equal(await firstRow.getAttribute('aria-expanded'), 'true');
      assert.ok(await tree.locator('.monaco-list-row[aria-level="2"]').count() > 0, 'the rules are listed under the sections');
      await parkMouse(page);
      await capture('view', [header, tree.locator('.monaco-list-rows').first()], { pad: 2 });
    },
  },
  {
    id: '7-status-bar',
    title: 'the status bar item shows the error and warning counts and opens the view',
    async run({ page, cs, capture }) {
      let errors = 0, warnings = 0;
      for (const findings of cliFindings(cs.workspace).values()) {
        for (const f of findings) { if (f.severity === 'error') errors++; else if (f.severity === 'warning') warnings++; }
      }
      const item = page.locator(`.statusbar-item[id="${EXTENSION_ID}.kubeHardening.status"]`);
      await item.filter({ has: page.locator('.codicon-shield') })
        .and(page.locator(`[aria-label*="Kube Hardening: ${errors} error(s), ${warnings} warning(s)"]`)).waitFor({ timeout: 30000 })
        .catch(async () => assert.fail(`status bar: expected ${errors} errors and ${warnings} warnings, shows ${JSON.stringify(await item.getAttribute('aria-label'))}`));
      assert.equal(norm(await item.innerText()), `${errors} ${warnings}`);
      assert.equal(await item.locator('.codicon-error').count(), 1);
      assert.equal(await item.locator('.codicon-warning').count(), 1);
      // Clicking it focuses the Kube Hardening view.
      await clickWord(page, POD_SPEC_LINE, 'spec');
      await item.click();
      await page.waitForFunction(`(() => {
        const pane = document.activeElement && document.activeElement.closest('.pane');
        const title = pane && pane.querySelector('.pane-header .title');
        return !!title && /kube hardening/i.test(title.textContent);
      })()`, undefined, { timeout: 10000 });
      await capture('status-bar', [item, findingsPane(page)]);
    },
  },
];
