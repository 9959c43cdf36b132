#!/usr/bin/env node
// Regenerates the README's images (docs/images/*.png) from the same steps the `ui` test layer checks
// (test/ui/steps.ts): the packaged VSIX installed into code-server, the workbench in headless Chromium, a copy of
// examples/ as the workspace. Each image is cropped to what it shows: a squiggle with its hover, the quick-fix
// menu, the Problems panel, the Kube Hardening view.
//
//   npm run screenshots            build, then regenerate docs/images/
//   node scripts/screenshots.mjs   the same without building (needs a build: test/out/ui, the bundles)
//   npm run icon                   render images/icon.svg to images/icon.png (128×128) with the same Chromium
//
// Needs what the `ui` layer needs: code-server in .cache/ (test/vscode/install-code-server.sh) and Debian's chromium.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'docs', 'images');
/** The images the README shows, by the name a step captures them under. */
const README_IMAGES = new Set(['hover', 'quick-fix', 'problems', 'view']);
const PAD = 12;

async function renderIcon() {
  const { chromium } = require('playwright-core');
  const { CHROMIUM, CHROMIUM_ARGS } = require(join(REPO, 'test', 'out', 'ui', 'workbench.js'));
  const svg = readFileSync(join(REPO, 'images', 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const out = join(REPO, 'images', 'icon.png');
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
    console.log(`${relative(REPO, out)} (${statSync(out).size} bytes)`);
  } finally {
    await browser.close();
  }
}

/** The union of the parts' boxes (locators or rectangles), padded and kept inside the viewport. */
async function clipOf(page, parts, pad = PAD) {
  const boxes = (await Promise.all(parts.map((p) => (typeof p.boundingBox === 'function' ? p.boundingBox() : p)))).filter(Boolean);
  if (boxes.length === 0) throw new Error('nothing to crop to: the parts are not on screen');
  const vp = page.viewportSize();
  const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const right = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const bottom = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  return { x, y, width: right - x, height: bottom - y };
}

async function screenshots() {
  const { openWorkbench, packageVsix, startCodeServer } = require(join(REPO, 'test', 'out', 'ui', 'workbench.js'));
  const { STEPS } = require(join(REPO, 'test', 'out', 'ui', 'steps.js'));
  mkdirSync(OUT, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'kh-shots-'));
  let cs, wb;
  try {
    const vsix = packageVsix(join(tmp, 'kube-hardening.vsix'));
    cs = await startCodeServer({ vsix });
    // Twice the pixels of the test's window, so the images stay sharp on high-density screens.
    wb = await openWorkbench(cs, { width: 1600, height: 1000 }, 2);
    const page = wb.page;
    const written = [];
    const ctx = {
      page, cs,
      async capture(name, parts, options = {}) {
        if (!README_IMAGES.has(name)) return;
        const path = join(OUT, `${name}.png`);
        await page.screenshot({ path, clip: await clipOf(page, parts, options.pad ?? PAD) });
        written.push(path);
      },
    };
    for (const step of STEPS) {
      process.stdout.write(`${step.id} ... `);
      await step.run(ctx);
      process.stdout.write('ok\n');
    }
    for (const path of written) console.log(`${relative(REPO, path)} (${statSync(path).size} bytes)`);
    const missing = [...README_IMAGES].filter((n) => !written.some((p) => p.endsWith(`/${n}.png`)));
    if (missing.length) throw new Error(`no step captured ${missing.join(', ')}`);
  } finally {
    await wb?.close();
    await cs?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  if (process.argv.includes('--icon')) await renderIcon();
  else await screenshots();
} catch (e) {
  console.error(e?.stack ?? e);
  process.exit(1);
}
