// Parts of the CLI tested directly (from server/out): the --fix guard and atomic write, the progress line on a
// terminal, when text output is coloured.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO } from './helpers.js';

const load = <T>(name: string): T => require(join(REPO, 'server', 'out', name)) as T;
const fix = load<typeof import('../../server/out/cli-fix.js')>('cli-fix.js');
const progress = load<typeof import('../../server/out/cli-progress.js')>('cli-progress.js');
const text = load<typeof import('../../server/out/cli-format-text.js')>('cli-format-text.js');
const html = load<typeof import('../../server/out/cli-format-html.js')>('cli-format-html.js');

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n';

describe('fix guard', () => {
  it('accepts a fixed text that parses and converged', () => {
    assert.equal(fix.fixGuard(POD, `${POD}  hostPID: false\n`, 0), undefined);
  });

  it('refuses a fixed text that does not parse, naming the line', () => {
    const broken = POD.replace('  name: p\n', '  name: p\n  name: q\n');
    assert.match(fix.fixGuard(POD, broken, 0)!, /^the fixed text would not parse as YAML \(line 5: .*unique/);
    assert.match(fix.fixGuard(`${POD}x: [\n`, `${POD}x: [\n`, 0)!, /^the file does not parse as YAML \(line 10: /);
  });

  it('refuses fixes that did not converge', () => {
    assert.match(fix.fixGuard(POD, POD, 2)!, /did not converge \(2 still offered/);
  });

  it('fixText returns the original text when refused', () => {
    const broken = `${POD}---\nkey: [unclosed\n`;
    const out = fix.fixText(broken, { rules: [] }, 'review');
    assert.equal(out.text, broken);
    assert.equal(out.applied, 0);
  });

  it('writeAtomic replaces the file, keeps its mode and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-atomic-'));
    try {
      const path = join(dir, 'pod.yaml');
      writeFileSync(path, POD, { mode: 0o600 });
      await fix.writeAtomic(path, `${POD}# fixed\n`);
      assert.equal(readFileSync(path, 'utf8'), `${POD}# fixed\n`);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.deepEqual(readdirSync(dir), ['pod.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('progress', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { isTTY, written, write: (s: string) => written.push(s) };
  };

  it('shows `scanning N/M files` on a terminal once the run takes a while, rewritten in place, then clears it', () => {
    const s = stream(true);
    let now = 0;
    const p = progress.createProgress(s, 2000, 'scanning', () => now);
    p.update(1);
    assert.deepEqual(s.written, [], 'nothing for a short run');
    now = 400;
    p.update(120);
    now = 450;
    p.update(130);
    now = 600;
    p.update(2000);
    p.end();
    assert.deepEqual(s.written, ['\r\x1b[Kscanning 120/2000 files', '\r\x1b[Kscanning 2000/2000 files', '\r\x1b[K']);
  });

  it('writes nothing when the stream is not a terminal', () => {
    const s = stream(false);
    let now = 0;
    const p = progress.createProgress(s, 10, 'scanning', () => now);
    now = 10_000;
    p.update(5);
    p.end();
    assert.deepEqual(s.written, []);
  });
});

describe('colour', () => {
  it('on a terminal unless NO_COLOR is set; --color and --no-color force it', () => {
    assert.equal(text.useColour(undefined, { isTTY: true }, {}), true);
    assert.equal(text.useColour(undefined, { isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(text.useColour(undefined, { isTTY: false }, {}), false);
    assert.equal(text.useColour(true, { isTTY: false }, { NO_COLOR: '1' }), true);
    assert.equal(text.useColour(false, { isTTY: true }, {}), false);
  });
});

describe('html excerpt', () => {
  it('is the flagged line with two lines of context each side, escaped, clipped at the file edges', () => {
    const lines = ['a', 'b & c', '<d>', 'e', 'f', 'g'];
    assert.equal(html.excerpt(lines, 3), '<pre class="excerpt"><code><span class="ln">1</span> a\n<span class="ln">2</span> b &amp; c\n<mark><span class="ln">3</span> &lt;d&gt;</mark>\n<span class="ln">4</span> e\n<span class="ln">5</span> f</code></pre>');
    assert.equal(html.excerpt(lines, 1).split('\n').length, 3);
  });
});

describe('main', () => {
  const cli = load<typeof import('../../server/out/cli.js')>('cli.js');

  it('never throws: an unexpected error becomes a message on stderr and exit code 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await cli.main(['-'], {
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
      cwd: REPO,
      env: {},
      readStdin: () => Promise.reject(new Error('standard input exploded')),
    });
    assert.equal(code, 2);
    assert.deepEqual(out, []);
    assert.match(err.join(''), /^kube-harden: Error: standard input exploded\n/);
  });
});
