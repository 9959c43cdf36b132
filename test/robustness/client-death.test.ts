// A client that dies abruptly (its end of the stdio pipes gone, no shutdown, no exit notification) must take the
// server with it: the server exits within a bound instead of staying up or spinning a CPU on write errors. The
// test process stays alive, so the library's parent-process watchdog (initialize's processId) cannot be what ends
// the server here: only the closed pipes can.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SCAN_WORKSPACE_FILES, SERVER_ANSWER_MS, SERVER_PUBLISH_MS } from './bounds.js';
import { fileUri, SERVER, startRawClient } from './lsp.js';
import { REPO } from './support.js';

/** CPU time (user + system, ms) the process has used so far, from /proc (Linux); undefined where there is none. */
function cpuMs(pid: number | undefined): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return undefined;
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const text = readFileSync(stat, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Destroys the parent's ends of the child's stdin, stdout and stderr (what a client crash does) and resolves when
 * the child exits. Fails after `ms`, saying how much CPU the child burned meanwhile (a spin or an idle hang).
 */
async function diesWithItsClient(child: ChildProcess, ms: number, what: string): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  assert.equal(child.exitCode, null, `${what}: the server is running before its client dies`);
  const cpuBefore = cpuMs(child.pid);
  const started = performance.now();
  child.stdin!.destroy();
  child.stdout!.destroy();
  child.stderr!.destroy();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  const outcome = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    const cpuAfter = cpuMs(child.pid);
    const burned = cpuBefore !== undefined && cpuAfter !== undefined ? `${(cpuAfter - cpuBefore).toFixed(0)} ms of CPU in ${ms} ms` : 'CPU not measurable';
    child.kill('SIGKILL');
    await exited;
    assert.fail(`${what}: the server did not exit within ${ms} ms of its client's death (${burned}: ${cpuBefore !== undefined && cpuAfter !== undefined && cpuAfter - cpuBefore > ms / 2 ? 'spinning' : 'idle, still up'})`);
  }
  const took = performance.now() - started;
  assert.ok(took <= ms, `${what}: exited ${took.toFixed(0)} ms after its client died (bound ${ms} ms)`);
  assert.equal(child.signalCode, null, `${what}: exited by itself, not by a signal`);
}

/** One JSON-RPC message with its Content-Length header, as an LSP client frames it. */
const frame = (message: object) => {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
};

/** Resolves with the response to request `id` read from `stdout` (Content-Length framing), rejects after `ms`. */
function responseTo(child: ChildProcess, id: number, ms: number): Promise<{ id: number; result?: unknown; error?: unknown }> {
  return new Promise((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.stdout!.off('data', onData);
      reject(new Error(`no response to request ${id} within ${ms} ms`));
    }, ms);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = /Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
        if (!length) return reject(new Error(`a message without Content-Length: ${buffer.subarray(0, headerEnd).toString('ascii')}`));
        const end = headerEnd + 4 + Number(length[1]);
        if (buffer.length < end) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8')) as { id?: number; method?: string; result?: unknown; error?: unknown };
        buffer = buffer.subarray(end);
        if (message.id === id && message.method === undefined) {
          clearTimeout(timer);
          child.stdout!.off('data', onData);
          resolve(message as { id: number });
          return;
        }
      }
    };
    child.stdout!.on('data', onData);
  });
}

describe('the server exits when its client dies abruptly', () => {
  const started: ChildProcess[] = [];
  let ws: string;
  before(() => {
    ws = mkdtempSync(join(tmpdir(), 'kh-client-death-'));
    const example = readFileSync(join(REPO, 'examples', 'multi-document.yaml'), 'utf8');
    for (let i = 0; i < SCAN_WORKSPACE_FILES; i++) {
      const sub = join(ws, `team-${i % 30}`);
      if (i < 30) mkdirSync(sub);
      writeFileSync(join(sub, `app-${i}.yaml`), example.replace(/name: /g, `name: a${i}-`));
    }
  });
  after(() => {
    // Only the servers this file started, and only if a failed test left one running.
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(ws, { recursive: true, force: true });
  });

  it(`idle after the initialize answer: all three pipes destroyed, the server exits within ${SERVER_ANSWER_MS} ms`, async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    started.push(child);
    // Data on stderr is read (a full pipe would block the server, which is not what this test is about).
    child.stderr!.on('data', () => undefined);
    const answered = responseTo(child, 1, SERVER_PUBLISH_MS);
    child.stdin!.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null } }));
    const response = await answered;
    assert.ok(response.result && typeof response.result === 'object' && 'capabilities' in response.result, 'initialize answered');
    // No `initialized`: the server has nothing left to write, so no write error on stdout can be what ends it.
    await diesWithItsClient(child, SERVER_ANSWER_MS, 'idle');
  });

  it(`during a ${SCAN_WORKSPACE_FILES}-file workspace scan (the server publishing): the server exits within ${SERVER_ANSWER_MS} ms`, async () => {
    const client = await startRawClient({ workspaceFolder: ws, configuration: (p) => p.items.map(() => null) });
    started.push(client.process);
    try {
      await client.waitFor('the scan to be under way', () => client.progress.find((p) => /scanning [\d,]+\/[\d,]+ files/.test(p.message ?? '')) ?? client.published.find((p) => p.uri.startsWith(fileUri(ws))), SERVER_PUBLISH_MS);
      // The connection would write answers into the destroyed pipe: it goes first.
      client.connection.dispose();
      await diesWithItsClient(client.process, SERVER_ANSWER_MS, 'mid-scan');
    } finally {
      if (client.process.exitCode === null && client.process.signalCode === null) client.process.kill('SIGKILL');
    }
  });
});
