// Protocol misuse against the built server over stdio: each gets a well-formed answer or is ignored with a log
// line, and the server stays up (a later request is answered).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest, CodeActionResolveRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification, ExecuteCommandRequest, ExitNotification, HoverRequest, ShutdownRequest, type CodeAction, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { SCAN_WORKSPACE_FILES, SERVER_ANSWER_MS, SERVER_PUBLISH_MS, SERVER_SETTINGS_TIMEOUT_MS, SHUTDOWN_DURING_SCAN_MS } from './bounds.js';
import { fileUri, startRawClient, type RawClient } from './lsp.js';
import { REPO, within } from './support.js';

const EXAMPLE = readFileSync(join(REPO, 'examples', 'deployment-web.yaml'), 'utf8');
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.severity}`).sort();

/** The server still answers: the rule catalogue request. */
async function stillUp(client: RawClient, after: string): Promise<void> {
  const catalog = await within(SERVER_ANSWER_MS, `a request after ${after}`, client.connection.sendRequest('kube-hardening/ruleCatalog'));
  assert.ok(Array.isArray(catalog) && catalog.length > 0, `the server is up after ${after}`);
}

/** Opens `text` under a fresh name and returns its first publish: what a fresh open of that text shows. */
async function freshOpen(client: RawClient, dir: string, name: string, text: string): Promise<PublishDiagnosticsParams> {
  const uri = fileUri(join(dir, name));
  void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const p = await client.diagnostics(uri, (x) => x.version === 1, SERVER_PUBLISH_MS);
  void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  return p;
}

describe('protocol misuse (one server for all)', () => {
  let client: RawClient;
  let dir: string;
  /** What the client answers for the kubeHardening section. */
  let settings: unknown = {};
  const open = (name: string, text: string, version = 1) => {
    const uri = fileUri(join(dir, name));
    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    return uri;
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kh-protocol-'));
    client = await startRawClient({ configuration: (p) => p.items.map((i) => (i.section === 'kubeHardening' ? settings : null)) });
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'exits cleanly after shutdown and exit');
    rmSync(dir, { recursive: true, force: true });
  });

  it('requests for unknown documents get empty answers', async () => {
    const uri = fileUri(join(dir, 'never-opened.yaml'));
    assert.equal(await within(SERVER_ANSWER_MS, 'hover', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })), null);
    assert.deepEqual(await within(SERVER_ANSWER_MS, 'code action', client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, message: 'x', source: 'kube-hardening', code: 'run-as-non-root' }] },
    })), []);
    const action: CodeAction = { title: 'Fix all', data: { uri, version: 1 } };
    assert.deepEqual(await within(SERVER_ANSWER_MS, 'resolve', client.connection.sendRequest(CodeActionResolveRequest.type, action)), action, 'a resolve for an unknown document returns the action unchanged');
    await within(SERVER_ANSWER_MS, 'unknown command', client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'no.such.command', arguments: [1, { a: 2 }] }));
    await assert.rejects(client.connection.sendRequest('kube-hardening/noSuchRequest', { a: 1 }), /Unhandled method|not found/i, 'an unknown request gets a MethodNotFound error response');
    void client.connection.sendNotification('kube-hardening/noSuchNotification', { a: 1 });
    await stillUp(client, 'requests for unknown documents');
  });

  it('positions past the end and negative positions', async () => {
    const uri = open('positions.yaml', EXAMPLE);
    const first = await client.diagnostics(uri, (p) => p.version === 1, SERVER_PUBLISH_MS);
    for (const position of [{ line: 100_000, character: 100_000 }, { line: 0, character: 100_000 }, { line: -1, character: -5 }, { line: 2 ** 31, character: 0 }]) {
      await within(SERVER_ANSWER_MS, `hover at ${JSON.stringify(position)}`, client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
    }
    const far = { start: { line: 5000, character: 0 }, end: { line: 9000, character: 9 } };
    const actions = await within(SERVER_ANSWER_MS, 'code action past the end', client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: far, context: { diagnostics: [...first.diagnostics.map((d) => ({ ...d, range: far })), { ...first.diagnostics[0]!, range: { start: { line: -3, character: -3 }, end: { line: -1, character: 0 } } }] },
    }));
    assert.ok(Array.isArray(actions));
    void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await stillUp(client, 'positions past the end');
  });

  it('didChange with a skipped version, a range beyond the document and a reversed range: the last publish equals a fresh open', async () => {
    const uri = open('versions.yaml', EXAMPLE, 1);
    await client.diagnostics(uri, (p) => p.version === 1, SERVER_PUBLISH_MS);
    let doc = TextDocument.create(uri, 'yaml', 1, EXAMPLE);
    const changes = [
      // Version 1 → 5 (2-4 never sent).
      { version: 5, change: { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '  # skipped versions\n' } },
      // A range far beyond the end: clamped to the end.
      { version: 6, change: { range: { start: { line: 9999, character: 50 }, end: { line: 10_000, character: 3 } }, text: '# appended\n' } },
      // A range past the end of its line.
      { version: 7, change: { range: { start: { line: 0, character: 500 }, end: { line: 0, character: 900 } }, text: ' # end of line 1' } },
      // A reversed range (end before start): applied as the range between them (here: the line inserted first).
      { version: 8, change: { range: { start: { line: 4, character: 0 }, end: { line: 3, character: 0 } }, text: '' } },
    ];
    for (const { version, change } of changes) {
      // What the server must make of it: the range clamped to the text and put in order.
      const [a, b] = [doc.offsetAt(change.range.start), doc.offsetAt(change.range.end)].sort((x, y) => x - y) as [number, number];
      doc = TextDocument.create(uri, 'yaml', version, doc.getText().slice(0, a) + change.text + doc.getText().slice(b));
      void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    }
    assert.ok(!doc.getText().includes('# skipped versions') && doc.getText().includes('# appended') && doc.getText().includes('# end of line 1'));
    const last = await client.diagnostics(uri, (p) => p.version === 8, SERVER_PUBLISH_MS);
    for (const p of client.published.filter((x) => x.uri === uri)) assert.ok([1, 5, 6, 7, 8].includes(p.version!), `published only for versions sent (got ${p.version})`);
    assert.deepEqual(codes(last), codes(await freshOpen(client, dir, 'versions-fresh.yaml', doc.getText())));
    void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await stillUp(client, 'odd didChange versions and ranges');
  });

  it('didClose of an unopened file, and a second didClose, are ignored with a log line', async () => {
    const uri = fileUri(join(dir, 'not-open.yaml'));
    void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await client.waitFor('log line', () => client.log.find((l) => l.includes(`didClose for a document that is not open: ${uri}`)), SERVER_ANSWER_MS);
    await stillUp(client, 'didClose of an unopened file');
  });

  it('settings of the wrong type: the defaults, a log line per problem, and diagnostics still', async () => {
    const wrong = [42, 'on', [], { rules: [1, 2], enable: 'yes', workspaceScan: 5, exclude: 'x', maxFileSize: 'big' }, { rules: { 'no-such-rule': 'error', 'run-as-non-root': 7 }, maxFileSize: -1 }];
    for (const [i, value] of wrong.entries()) {
      const logged = client.log.length;
      settings = value;
      void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { kubeHardening: value } });
      const uri = open(`settings-${i}.yaml`, EXAMPLE);
      const p = await client.diagnostics(uri, (x) => x.version === 1, SERVER_PUBLISH_MS);
      assert.ok(p.diagnostics.some((d) => d.code === 'run-as-non-root' && d.severity === 2), `defaults apply with ${JSON.stringify(value)}`);
      await client.waitFor('a log line naming the setting', () => client.log.slice(logged).find((l) => /kubeHardening/.test(l)), SERVER_ANSWER_MS);
      void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }
    settings = {};
    await stillUp(client, 'settings of the wrong type');
  });

  it('a malformed didOpen is ignored with a log line; requests on that document answer as for an unknown one', async () => {
    const uri = fileUri(join(dir, 'malformed-open.yaml'));
    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: 12345 } } as never);
    void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: null } as never);
    await client.waitFor('log line', () => client.log.find((l) => l.startsWith('didOpen ignored')), SERVER_ANSWER_MS);
    assert.equal(await within(SERVER_ANSWER_MS, 'hover', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })), null);
    await stillUp(client, 'a malformed didOpen');
  });

  it('a malformed didChange is ignored with a log line and leaves the document as it was', async () => {
    const uri = open('malformed-change.yaml', EXAMPLE);
    await client.diagnostics(uri, (p) => p.version === 1, SERVER_PUBLISH_MS);
    const bad = [
      { textDocument: { uri, version: 2 }, contentChanges: 'not a list' },
      { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: null }] },
      { textDocument: { uri, version: 4 }, contentChanges: [{ range: { start: { line: 'a', character: 0 }, end: null }, text: 'x' }] },
      { textDocument: { uri, version: 5 }, contentChanges: [null] },
    ];
    for (const params of bad) void client.connection.sendNotification(DidChangeTextDocumentNotification.type, params as never);
    await client.waitFor('log lines', () => client.log.filter((l) => l.startsWith(`didChange ignored for ${uri}`)).length >= bad.length || undefined, SERVER_ANSWER_MS);
    // A good change afterwards: the text is the example plus it, nothing of the malformed ones.
    const change = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# ok\n' };
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 6 }, contentChanges: [change] });
    const last = await client.diagnostics(uri, (p) => p.version === 6, SERVER_PUBLISH_MS);
    assert.deepEqual(codes(last), codes(await freshOpen(client, dir, 'malformed-change-fresh.yaml', `# ok\n${EXAMPLE}`)));
    void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await stillUp(client, 'a malformed didChange');
  });

  it('a request handler that throws is isolated to that request: a well-formed answer and a log line', async () => {
    const uri = open('throwing.yaml', EXAMPLE);
    await client.diagnostics(uri, (p) => p.version === 1, SERVER_PUBLISH_MS);
    // A position that is not a position makes the hover handler throw inside the server.
    const hover = await within(SERVER_ANSWER_MS, 'hover with a null position', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: null } as never));
    assert.equal(hover, null);
    await client.waitFor('log line', () => client.log.find((l) => l.startsWith('hover failed:')), SERVER_ANSWER_MS);
    // A code action request without a context makes that handler throw: an empty list.
    assert.deepEqual(await within(SERVER_ANSWER_MS, 'code action without context', client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } } as never)), []);
    await client.waitFor('log line', () => client.log.find((l) => l.startsWith('codeAction failed:')), SERVER_ANSWER_MS);
    // A resolve whose data is garbage: the action comes back as it was.
    const garbage = { title: 'x', data: { uri: 42, version: 'y' } } as unknown as CodeAction;
    assert.deepEqual(await within(SERVER_ANSWER_MS, 'resolve garbage', client.connection.sendRequest(CodeActionResolveRequest.type, garbage)), garbage);
    // The document is unharmed: the next request on it works.
    const ok = await within(SERVER_ANSWER_MS, 'hover afterwards', client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }));
    assert.ok(ok === null || typeof ok === 'object');
    void client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await stillUp(client, 'throwing handlers');
  });
});

describe('a client that never answers workspace/configuration', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-noconfig-'));
    writeFileSync(join(ws, 'deployment.yaml'), EXAMPLE);
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it(`the server publishes with the defaults after its ${SERVER_SETTINGS_TIMEOUT_MS} ms timeout, for open files and the workspace scan`, async () => {
    const client = await startRawClient({ workspaceFolder: ws, configuration: 'never' });
    try {
      const started = performance.now();
      const uri = fileUri(join(ws, 'open.yaml'));
      void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: EXAMPLE } });
      const opened = await client.diagnostics(uri, (p) => p.version === 1, SERVER_SETTINGS_TIMEOUT_MS + SERVER_PUBLISH_MS);
      assert.ok(opened.diagnostics.some((d) => d.code === 'run-as-non-root'), 'an open file, with the defaults');
      // The scan asks for kubeHardening, files.exclude and search.exclude, each with the same timeout.
      const onDisk = await client.diagnostics(fileUri(join(ws, 'deployment.yaml')), (p) => p.diagnostics.length > 0, 3 * SERVER_SETTINGS_TIMEOUT_MS + SERVER_PUBLISH_MS);
      assert.ok(onDisk.diagnostics.some((d) => d.code === 'run-as-non-root'), 'a file on disk, with the defaults');
      assert.ok(client.configurationRequests > 0);
      assert.ok(performance.now() - started >= SERVER_SETTINGS_TIMEOUT_MS - 100, 'it did wait for the client first');
      await stillUp(client, 'unanswered configuration requests');
    } finally {
      await client.stop();
    }
  });
});

describe('shutdown during a workspace scan', () => {
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-bigws-'));
    const example = readFileSync(join(REPO, 'examples', 'multi-document.yaml'), 'utf8');
    for (let i = 0; i < SCAN_WORKSPACE_FILES; i++) {
      const sub = join(ws, `team-${i % 30}`);
      if (i < 30) mkdirSync(sub);
      writeFileSync(join(sub, `app-${i}.yaml`), example.replace(/name: /g, `name: a${i}-`));
    }
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it(`a ${SCAN_WORKSPACE_FILES}-file scan: shutdown answered and exit done within ${SHUTDOWN_DURING_SCAN_MS} ms`, async () => {
    const client = await startRawClient({ workspaceFolder: ws, configuration: (p) => p.items.map(() => null) });
    try {
      await client.waitFor('the scan to be under way', () => client.progress.find((p) => /scanning [\d,]+\/[\d,]+ files/.test(p.message ?? '')), SERVER_PUBLISH_MS);
    assert.ok(!client.progress.some((p) => p.kind === 'end'), 'still scanning when shutdown is sent');
    const started = performance.now();
    await within(SHUTDOWN_DURING_SCAN_MS, 'shutdown', client.connection.sendRequest(ShutdownRequest.type));
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
    void client.connection.sendNotification(ExitNotification.type);
    assert.equal(await within(SHUTDOWN_DURING_SCAN_MS, 'exit', exited), 0);
    assert.ok(performance.now() - started <= SHUTDOWN_DURING_SCAN_MS);
      const scanned = client.log.find((l) => /^scanned \d+ YAML files/.test(l));
      assert.equal(scanned, undefined, 'the scan did not run to its end');
    } finally {
      if (client.process.exitCode === null) client.process.kill();
      client.connection.dispose();
    }
  });
});
