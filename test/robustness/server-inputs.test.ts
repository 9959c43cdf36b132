// The hostile inputs through the built server (over stdio) and the built CLI: each gets its diagnostics within a
// bound (a file above maxFileSize exactly one information diagnostic saying why), hovers and code actions on it
// answer within a bound, and the server is still up afterwards.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from '../support/lsp-client.js';
import { SERVER_ANSWER_MS, SERVER_PEAK_RSS_MB, SERVER_PUBLISH_MS } from './bounds.js';
import { HOSTILE_INPUTS, invalidUtf8Bytes, pseudoRandomBytes } from './hostile.js';
import { REPO, within } from './support.js';

const CLI = join(REPO, 'server', 'dist', 'cli.js');

function assertDiagnosticsInside(doc: TextDocument, p: PublishDiagnosticsParams, what: string): void {
  for (const d of p.diagnostics) {
    for (const pos of [d.range.start, d.range.end]) {
      assert.ok(pos.line >= 0 && pos.line < doc.lineCount && pos.character >= 0, `${what}: ${String(d.code)} at ${pos.line}:${pos.character} inside the document`);
    }
    assert.equal(d.source, 'kube-hardening');
  }
}

describe('hostile inputs through the server', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-hostile-'));
    client = await startClient();
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  HOSTILE_INPUTS.forEach((input, i) => {
    it(`${input.name}: ${input.huge ? 'skipped with one information diagnostic' : 'diagnostics, hover and code actions'} within bounds`, async () => {
      const uri = fileUri(join(dir, `hostile-${i}.yaml`));
      const text = input.make();
      const doc = TextDocument.create(uri, 'yaml', 1, text);
      const published = client.waitForDiagnostics(uri, (p) => p.version === 1, SERVER_PUBLISH_MS);
      client.open(uri, text, 1);
      const first = await within(SERVER_PUBLISH_MS, `${input.name}: publish`, published);
      assertDiagnosticsInside(doc, first, input.name);
      if (input.huge) {
        assert.equal(first.diagnostics.length, 1, 'a file above maxFileSize gets one diagnostic');
        assert.equal(first.diagnostics[0]!.severity, 3, 'at information severity');
        assert.match(String(first.diagnostics[0]!.message), /skipped this file: it is [\d.]+ MB, above kubeHardening\.maxFileSize \(2 MB\)/);
      }
      // Requests on it: a hover at every diagnostic's start (and at the end), code actions for all its diagnostics.
      const positions = [...first.diagnostics.slice(0, 20).map((d) => d.range.start), doc.positionAt(text.length)];
      for (const position of positions) {
        await within(SERVER_ANSWER_MS, `${input.name}: hover`, client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
      }
      const all: Diagnostic[] = first.diagnostics;
      const actions = (await within(SERVER_ANSWER_MS, `${input.name}: code actions for ${all.length} diagnostics`, client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, context: { diagnostics: all },
      }))) as CodeAction[];
      if (input.huge) assert.deepEqual(actions, [], 'no actions for a file that is not checked');
      // A keystroke at the end still gets its publish.
      const end = doc.positionAt(text.length);
      const second = client.waitForDiagnostics(uri, (p) => p.version === 2, SERVER_PUBLISH_MS);
      client.change(uri, 2, [{ range: { start: end, end }, text: '\n' }]);
      await within(SERVER_PUBLISH_MS, `${input.name}: publish after a keystroke`, second);
      client.close(uri);
    });
  });

  it(`is still up: answers a request after all of them, its resident set never above ${SERVER_PEAK_RSS_MB} MB`, async () => {
    const catalog = await within(SERVER_ANSWER_MS, 'rule catalog', client.connection.sendRequest('kube-hardening/ruleCatalog'));
    assert.ok(Array.isArray(catalog) && catalog.length > 50);
    // The memory bound of the server: its peak resident set (VmHWM) over every hostile input above.
    const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${client.process.pid}/status`, 'utf8'));
    assert.ok(peak, 'the server\'s peak resident set is readable');
    const peakMb = Number(peak[1]) / 1024;
    assert.ok(peakMb <= SERVER_PEAK_RSS_MB, `peak resident set ${peakMb.toFixed(0)} MB`);
  });
});

describe('files on disk the server and the CLI decode (invalid UTF-8, binary, BOM, CRLF)', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-bytes-'));
    mkdirSync(join(ws, 'm'));
    writeFileSync(join(ws, 'm', 'invalid-utf8.yaml'), invalidUtf8Bytes());
    writeFileSync(join(ws, 'm', 'binary.yaml'), pseudoRandomBytes(100_000));
    writeFileSync(join(ws, 'm', 'binary-after-manifest.yaml'), Buffer.concat([Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  hostPID: true\n  containers: []\n'), pseudoRandomBytes(5_000, 3)]));
    writeFileSync(join(ws, 'm', 'bom.yaml'), `\ufeffapiVersion: v1\nkind: Pod\nmetadata:\n  name: bom\nspec:\n  hostPID: true\n  containers: []\n`);
    writeFileSync(join(ws, 'm', 'crlf.yaml'), 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\nspec:\r\n  hostIPC: true\r\n  containers: []\r\n');
    writeFileSync(join(ws, 'm', 'utf16.yaml'), Buffer.from('\ufeffapiVersion: v1\nkind: Pod\n', 'utf16le'));
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('the workspace scan publishes what it can read and stays up', async () => {
    const client = await startClient({ workspaceFolder: ws });
    try {
      const bom = client.waitForDiagnostics(fileUri(join(ws, 'm', 'bom.yaml')), (p) => p.diagnostics.some((d) => d.code === 'no-host-pid'), SERVER_PUBLISH_MS);
      const crlf = client.waitForDiagnostics(fileUri(join(ws, 'm', 'crlf.yaml')), (p) => p.diagnostics.some((d) => d.code === 'no-host-ipc'), SERVER_PUBLISH_MS);
      const bomDiagnostics = await bom;
      // The BOM is not part of the text: the range of hostPID is where the editor shows it.
      const hostPid = bomDiagnostics.diagnostics.find((d) => d.code === 'no-host-pid')!;
      assert.deepEqual(hostPid.range.start, { line: 5, character: 11 }, 'at `true` of `  hostPID: true`');
      const crlfDiagnostics = await crlf;
      assert.deepEqual(crlfDiagnostics.diagnostics.find((d) => d.code === 'no-host-ipc')!.range.start, { line: 5, character: 11 });
      await client.waitForProgressEnd(SERVER_PUBLISH_MS);
      for (const p of client.published) for (const d of p.diagnostics) assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
      assert.ok(Array.isArray(await within(SERVER_ANSWER_MS, 'rule catalog', client.connection.sendRequest('kube-hardening/ruleCatalog'))));
    } finally {
      await client.stop();
    }
  });

  it('the CLI reports or skips each file, never failing with an error (exit 2) or an internal error', () => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...['invalid-utf8.yaml', 'binary.yaml', 'binary-after-manifest.yaml', 'bom.yaml', 'crlf.yaml', 'utf16.yaml'].map((f) => join('m', f))], { cwd: ws, encoding: 'utf8', timeout: SERVER_PUBLISH_MS });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /internal error|uncaught|TypeError|RangeError/);
    const report = JSON.parse(r.stdout) as { files: { file: string; findings: { ruleId: string }[] }[] };
    const ids = (name: string) => report.files.find((f) => f.file === join('m', name))?.findings.map((f) => f.ruleId) ?? [];
    assert.ok(ids('bom.yaml').includes('no-host-pid'));
    assert.ok(ids('crlf.yaml').includes('no-host-ipc'));
  });

  it('the CLI skips a 20 MB file with a reason and checks the rest', () => {
    const big = join(ws, 'big.yaml');
    const huge = HOSTILE_INPUTS.find((i) => i.name === '20 MB file')!;
    writeFileSync(big, huge.make());
    try {
      const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'big.yaml', join('m', 'bom.yaml')], { cwd: ws, encoding: 'utf8', timeout: SERVER_PUBLISH_MS });
      assert.equal(r.status, 1, r.stderr);
      const report = JSON.parse(r.stdout) as { skipped: { file: string; reason: string }[] };
      assert.deepEqual(report.skipped.map((s) => s.file), ['big.yaml']);
      assert.match(report.skipped[0]!.reason, /larger than 2 MB/);
    } finally {
      rmSync(big);
    }
  });
});
