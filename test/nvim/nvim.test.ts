// Neovim 0.7 (Debian) as an outside LSP client of the built server: the server works in an editor we do not
// control, over plain stdio, with Neovim's own protocol handling.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO, SERVER } from '../support/lsp-client.js';

describe('Neovim as an LSP client', () => {
  it('receives diagnostics, a hover with the guidance and a quick fix', () => {
    const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    assert.equal(nvim.status, 0, 'nvim is installed (apt-get install neovim); this layer is required');
    const home = mkdtempSync(join(tmpdir(), 'kh-nvim-'));
    const out = join(home, 'result.json');
    const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(REPO, 'test', 'nvim', 'lsp-client.lua')}`], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60000,
      env: {
        ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), XDG_STATE_HOME: join(home, 'state'), XDG_DATA_HOME: join(home, 'data'),
        LSP_CMD: `${process.execPath} ${SERVER} --stdio`, WS: join(REPO, 'examples'), FILE: join(REPO, 'examples', 'pod-with-sidecar.yaml'),
        OUT: out, RULE: 'no-privileged',
      },
    });
    assert.equal(run.status, 0, `nvim exited ${String(run.status)}: ${run.stderr}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as {
      diagnostics: { diagnostics: { code: string; source: string }[] };
      hover: { contents: { kind: string; value: string } };
      code_actions: { title: string; kind: string }[];
      errors: string[];
    };
    assert.deepEqual(result.errors, []);
    const codes = result.diagnostics.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('no-privileged') && codes.includes('no-host-pid'), codes.join(', '));
    assert.ok(result.diagnostics.diagnostics.every((d) => d.source === 'kube-hardening'));
    assert.equal(result.hover.contents.kind, 'markdown');
    assert.match(result.hover.contents.value, /Controls whether Pods can run privileged containers\. Set to false\./);
    const titles = result.code_actions.map((a) => a.title);
    assert.equal(titles[0], 'Set privileged: false in container `log-shipper`');
    assert.ok(titles.includes('Ignore `no-privileged` on this line'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for `no-privileged`'), titles.join(' | '));
  });
});
