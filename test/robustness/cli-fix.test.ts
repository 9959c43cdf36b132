// The CLI's --fix: it never writes a file it could not re-parse after fixing, and it writes atomically (a temporary
// file renamed over the original): a write that fails or a process killed mid-run leaves every file either as it
// was or as it would be fixed, never partial.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { splitDocuments } from '@kube-hardening/shared-rules';
import { CLI_FIX_RUNS, KILL_AT_SHARES, KILL_WORKSPACE_FILES, PROPERTY_SEED } from './bounds.js';
import { fixtureManifests, parses, REPO } from './support.js';

const CLI = join(REPO, 'server', 'dist', 'cli.js');
const made: string[] = [];
after(() => {
  for (const d of made) {
    try {
      chmodSync(d, 0o755);
    } catch {
      // gone
    }
    rmSync(d, { recursive: true, force: true });
  }
});
const tempDir = (name: string) => {
  const d = mkdtempSync(join(tmpdir(), `kh-fix-${name}-`));
  made.push(d);
  return d;
};

/** Every file under `dir` (relative path → content), temporary files included. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

const kubeHarden = (args: readonly string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

/** Documents of the fixtures that have fixes to apply (workloads, control plane, config files). */
const DOCUMENTS = fixtureManifests().flatMap(({ text }) => splitDocuments(text).map((s) => text.slice(s.start, s.end).replace(/^---[^\n]*\n/, '')))
  .filter((d) => /^kind:/m.test(d));

/** A file: some fixture documents, sometimes damaged so that it does not parse, sometimes with a BOM or CRLF. */
const fileArb = fc.record({
  docs: fc.shuffledSubarray(DOCUMENTS, { minLength: 1, maxLength: 3 }),
  damage: fc.option(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(': {', '\t- ', '"', 'a: b: c', '[') }), { freq: 3 }),
  bom: fc.boolean(),
  crlf: fc.boolean(),
}).map(({ docs, damage, bom, crlf }) => {
  let text = docs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
  if (damage) {
    const at = Math.floor(damage.at * text.length);
    text = text.slice(0, at) + damage.text + text.slice(at);
  }
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  return (bom ? '\ufeff' : '') + text;
});

describe('--fix never writes a file it could not re-parse', () => {
  it(`${CLI_FIX_RUNS} generated workspaces (fast-check): every file written parses; a file that does not parse is left byte for byte`, () => {
    let written = 0;
    let unparsable = 0;
    fc.assert(
      fc.property(fc.array(fileArb, { minLength: 4, maxLength: 10 }), (texts) => {
        const dir = tempDir('gen');
        texts.forEach((t, i) => writeFileSync(join(dir, `m${i}.yaml`), t));
        const r = kubeHarden(['--fix-review', '--format', 'json', '.'], dir);
        assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
        texts.forEach((before, i) => {
          const after = readFileSync(join(dir, `m${i}.yaml`), 'utf8');
          const body = before.replace(/^\ufeff/, '');
          if (!parses(body)) {
            unparsable++;
            assert.equal(after, before, `m${i}.yaml does not parse: left alone`);
            return;
          }
          if (after === before) return;
          written++;
          assert.ok(parses(after.replace(/^\ufeff/, '')), `m${i}.yaml was written and parses:\n${after}`);
          assert.equal(after.startsWith('\ufeff'), before.startsWith('\ufeff'), 'keeps the BOM or its absence');
        });
        assert.deepEqual([...snapshot(dir).keys()].filter((f) => !/^m\d+\.yaml$/.test(f)), [], 'no temporary file left');
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: CLI_FIX_RUNS, seed: PROPERTY_SEED },
    );
    assert.ok(written > 0 && unparsable > 0, `some files fixed (${written}) and some that do not parse (${unparsable})`);
  });
});

/** A workspace of `n` files with fixes to apply, and what each becomes when fixed (from a run on a copy). */
function workspaceWithFixes(n: number): { dir: string; before: Map<string, string>; fixed: Map<string, string>; tookMs: number } {
  const dir = tempDir('atomic');
  const deployment = readFileSync(join(REPO, 'examples', 'deployment-web.yaml'), 'utf8');
  const apiserver = readFileSync(join(REPO, 'test', 'fixtures', 'corpus', 'kubeadm', 'manifests', 'kube-apiserver.yaml'), 'utf8');
  for (let i = 0; i < n; i++) {
    mkdirSync(join(dir, `team-${i % 10}`), { recursive: true });
    // The fixed document among others: writes of some size.
    const text = `${i % 2 ? deployment.replace(/storefront/g, `app-${i}`) : apiserver}${'---\n# padding\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pad\ndata:\n  k: v\n'.repeat(5)}`;
    writeFileSync(join(dir, `team-${i % 10}`, `app-${i}.yaml`), text);
  }
  const before = snapshot(dir);
  const copy = tempDir('reference');
  cpSync(dir, copy, { recursive: true });
  const started = performance.now();
  const r = kubeHarden(['--fix', '.'], copy);
  const tookMs = performance.now() - started;
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const fixed = snapshot(copy);
  assert.ok([...before].some(([f, t]) => fixed.get(f) !== t), 'the reference run fixed something');
  return { dir, before, fixed, tookMs };
}

/** Every file is either as it was or as fixed; leftovers are only temporary files (never YAML). */
function assertOldOrNew(dir: string, before: Map<string, string>, fixed: Map<string, string>, what: string): { old: number; fresh: number } {
  let old = 0;
  let fresh = 0;
  for (const [file, text] of snapshot(dir)) {
    if (!before.has(file)) {
      assert.match(file, /(^|\/)\.app-\d+\.yaml\.kube-harden-\d+-[0-9a-z]+\.tmp$/, `${what}: only temporary files are left behind (${file})`);
      continue;
    }
    if (text === before.get(file)) old++;
    else if (text === fixed.get(file)) fresh++;
    else assert.fail(`${what}: ${file} is neither the original nor the fixed text (a partial write)`);
  }
  for (const file of before.keys()) assert.ok(snapshot(dir).has(file), `${what}: ${file} still exists`);
  return { old, fresh };
}

describe('--fix writes atomically', () => {
  it('a write that fails (no space for the file: RLIMIT_FSIZE 0) leaves every original as it was and no temporary file', () => {
    const { dir, before } = workspaceWithFixes(6);
    const r = spawnSync('sh', ['-c', `ulimit -f 0 && exec "${process.execPath}" "${CLI}" --fix .`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.match(r.stderr, /not fixed: cannot write it/);
    assert.deepEqual(snapshot(dir), before, 'every file as it was, nothing left behind');
  });

  it('a read-only folder leaves every original as it was', () => {
    const { dir, before } = workspaceWithFixes(4);
    for (const d of readdirSync(dir)) chmodSync(join(dir, d), 0o555);
    // Directory permissions do not stop root: as root (CI), the CLI runs as `nobody`, from a copy of the bundle
    // it can read (the clone may sit in a folder only root can enter).
    const asRoot = process.getuid?.() === 0;
    let r: ReturnType<typeof kubeHarden>;
    if (asRoot) {
      const bin = tempDir('cli-bin');
      cpSync(CLI, join(bin, 'cli.js'));
      for (const p of [bin, join(bin, 'cli.js'), dir]) chmodSync(p, 0o755);
      for (const f of snapshot(dir).keys()) chmodSync(join(dir, f), 0o644);
      r = spawnSync(process.execPath, [join(bin, 'cli.js'), '--fix', '.'], { cwd: dir, encoding: 'utf8', timeout: 60_000, uid: 65534, gid: 65534 });
    } else r = kubeHarden(['--fix', '.'], dir);
    for (const d of readdirSync(dir)) chmodSync(join(dir, d), 0o755);
    assert.match(r.stderr, /not fixed: cannot write it/);
    assert.deepEqual(snapshot(dir), before);
  });

  it(`killed mid-run (SIGKILL at ${KILL_AT_SHARES.join(', ')} of a full run): every file is old or new, never partial`, async () => {
    const { dir, before, fixed, tookMs } = workspaceWithFixes(KILL_WORKSPACE_FILES);
    let mixed = 0;
    for (const [n, share] of KILL_AT_SHARES.entries()) {
      const run = tempDir(`kill-${n}`);
      cpSync(dir, run, { recursive: true });
      const child = spawn(process.execPath, [CLI, '--fix', '.'], { cwd: run, stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, Math.round(tookMs * share)));
      child.kill('SIGKILL');
      await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      const { old, fresh } = assertOldOrNew(run, before, fixed, `killed at ${share} of a run`);
      if (old > 0 && fresh > 0) mixed++;
      if (n === KILL_AT_SHARES.length - 1) {
        // A later run finishes the job: the same result as an uninterrupted one.
        const again = kubeHarden(['--fix', '.'], run);
        assert.ok(again.status === 0 || again.status === 1, again.stderr);
        const end = assertOldOrNew(run, before, fixed, 'the rerun after a kill');
        assert.equal(end.old, [...before].filter(([f, t]) => fixed.get(f) === t).length, 'every file that has fixes is fixed by the rerun');
      }
      rmSync(run, { recursive: true, force: true });
    }
    assert.ok(mixed > 0, 'at least one kill landed mid-run (some files fixed, some not)');
  });
});
