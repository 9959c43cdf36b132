// How the server talks: over stdio (what VS Code, Neovim and other editors use here) with an encoder that writes
// each diagnostic's JSON once. A publish re-sends every diagnostic of the file on every keystroke; the diagnostics
// of the documents a keystroke did not touch are the same objects as in the last publish (open-diagnostics.ts),
// so their JSON is reused and a publish of ~600 diagnostics costs a join instead of a JSON.stringify of 250 KB.
// Other transports (--node-ipc, --socket, --pipe) keep vscode-languageserver's own.
import { format } from 'node:util';
import type { Diagnostic } from 'vscode-languageserver';
import {
  createConnection, ProposedFeatures, StreamMessageWriter, type Connection, type Message, type MessageReader,
} from 'vscode-languageserver/node';

const diagnosticJson = new WeakMap<Diagnostic, Buffer>();
const PUBLISH = 'textDocument/publishDiagnostics';
const TAIL = '"diagnostics":[]}}';
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}}');

/**
 * One JSON-RPC message as UTF-8 JSON: like JSON.stringify, with each diagnostic's JSON encoded once per diagnostic
 * object and the publish assembled by copying bytes.
 */
export function encodeMessage(message: Message): Buffer {
  const m = message as Message & { method?: unknown; id?: unknown; params?: { diagnostics?: unknown } };
  const diagnostics = m.params?.diagnostics;
  if (m.method !== PUBLISH || m.id !== undefined || !Array.isArray(diagnostics)) return Buffer.from(JSON.stringify(message), 'utf8');
  const { diagnostics: _omitted, ...rest } = m.params as { diagnostics: Diagnostic[] };
  // `diagnostics` written last and empty, then the cached parts spliced in before its closing bracket.
  const head = JSON.stringify({ ...m, params: { ...rest, diagnostics: [] } });
  if (!head.endsWith(TAIL)) return Buffer.from(JSON.stringify(message), 'utf8');
  const parts: Buffer[] = [Buffer.from(head.slice(0, -3), 'utf8')];
  (diagnostics as Diagnostic[]).forEach((d, i) => {
    let json = diagnosticJson.get(d);
    if (json === undefined) {
      json = Buffer.from(JSON.stringify(d), 'utf8');
      diagnosticJson.set(d, json);
    }
    if (i > 0) parts.push(COMMA);
    parts.push(json);
  });
  parts.push(CLOSE);
  return Buffer.concat(parts);
}

/** The server's connection: stdio with the caching encoder when started with --stdio, otherwise the library's. */
export function serverConnection(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const writer = new StreamMessageWriter(process.stdout, {
    charset: 'utf-8',
    contentTypeEncoder: {
      name: 'application/json',
      // The charset is UTF-8: the only one LSP allows.
      encode: (message) => {
        try {
          return Promise.resolve(encodeMessage(message));
        } catch (e) {
          return Promise.reject(e);
        }
      },
    },
  });
  // process.stdin itself, not a reader around it: given the stream, vscode-languageserver ends the server when the
  // client closes it (a client that died without shutdown). The library accepts a stream and a writer together;
  // its typings only list the pairs.
  const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer);
  redirectConsole(connection);
  return connection;
}

/**
 * stdout is the protocol channel: console output goes to the client's log instead (what the library does itself
 * when it picks stdio from the command line).
 */
function redirectConsole(connection: Connection): void {
  const to = (log: (message: string) => void) => (...args: unknown[]) => log(format(...args));
  console.log = to((m) => connection.console.log(m));
  console.info = to((m) => connection.console.info(m));
  console.debug = to((m) => connection.console.log(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
  console.trace = to((m) => connection.console.log(m));
  console.dir = (value: unknown) => connection.console.log(format('%o', value));
  console.table = (value: unknown) => connection.console.log(format('%o', value));
}
