// Preloaded with `node --require test/robustness/no-escape.cjs …` by test/robustness/security.test.ts: every way out
// of the process that the product must never take is replaced by a function that logs the attempt and throws
// (network: net, tls, http, https, http2, dgram, dns, fetch; child processes; code from strings: eval, Function,
// vm; worker threads other than the product's own scan worker; native addons), and every file-system path the
// process reads is logged.
//
// The language server's stdio transport is not network: vscode-languageserver reads process.stdin and writes
// process.stdout, pipes whose net.Socket objects are built from file descriptors and never `connect`. Its socket
// and named-pipe transports (--socket=, --pipe=) would call net.createConnection / net.createServer: they throw here.
//
// Events go to the file named by KH_NO_ESCAPE_LOG, one JSON object a line, written with fs functions saved before
// anything is patched (so logging never logs itself).
'use strict';
const fs = require('fs');

const LOG = process.env.KH_NO_ESCAPE_LOG;
const appendFileSync = fs.appendFileSync.bind(fs);
const record = (event) => {
  if (LOG) appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, ...event })}\n`);
};

function forbidden(name) {
  return function forbiddenCall() {
    record({ attempt: name, stack: new Error().stack.split('\n').slice(2, 8).join('\n') });
    throw new Error(`no-escape: ${name} is forbidden in Kube Hardening`);
  };
}

function replace(owner, prefix, names) {
  for (const name of names) {
    if (owner && typeof owner[name] === 'function') {
      Object.defineProperty(owner, name, { value: forbidden(`${prefix}${name}`), writable: true, configurable: true });
    }
  }
}

// Network.
const net = require('net');
replace(net, 'net.', ['connect', 'createConnection', 'createServer']);
replace(net.Socket.prototype, 'net.Socket#', ['connect']);
replace(net.Server.prototype, 'net.Server#', ['listen']);
replace(require('tls'), 'tls.', ['connect', 'createServer', 'createSecureContext']);
for (const mod of ['http', 'https']) replace(require(mod), `${mod}.`, ['request', 'get', 'createServer']);
replace(require('http2'), 'http2.', ['connect', 'createServer', 'createSecureServer']);
replace(require('dgram'), 'dgram.', ['createSocket']);
const dnsNames = ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCaa', 'resolveCname', 'resolveMx', 'resolveNaptr', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveSrv', 'resolveTxt', 'reverse'];
const dns = require('dns');
replace(dns, 'dns.', dnsNames);
replace(dns.promises, 'dns.promises.', dnsNames);
replace(dns.Resolver && dns.Resolver.prototype, 'dns.Resolver#', dnsNames);
for (const name of ['fetch', 'WebSocket', 'EventSource']) {
  if (typeof globalThis[name] === 'function') Object.defineProperty(globalThis, name, { value: forbidden(name), writable: true, configurable: true });
}

// Child processes, workers, native addons.
replace(require('child_process'), 'child_process.', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
// The one worker allowed: the product's own scan worker, the bundle beside the server's (server/src/scan-pool.ts).
// It runs with this same preload (workers inherit the process's options), so everything above holds in it too.
{
  const path = require('path');
  const workerThreads = require('worker_threads');
  const RealWorker = workerThreads.Worker;
  const ownWorker = process.argv[1] ? path.join(path.dirname(process.argv[1]), 'scan-worker.js') : undefined;
  const denied = forbidden('worker_threads.Worker');
  const Guarded = function Worker(filename, options) {
    const file = filename instanceof URL ? filename.pathname : String(filename);
    if (!ownWorker || path.resolve(file) !== ownWorker || (options && options.eval)) return denied();
    record({ worker: file });
    return new RealWorker(filename, options);
  };
  Guarded.prototype = RealWorker.prototype;
  Object.defineProperty(workerThreads, 'Worker', { value: Guarded, writable: true, configurable: true });
}
replace(process, 'process.', ['dlopen']);

// Code from strings.
replace(require('vm'), 'vm.', ['runInContext', 'runInNewContext', 'runInThisContext', 'compileFunction', 'Script', 'SourceTextModule', 'createContext']);
Object.defineProperty(globalThis, 'eval', { value: forbidden('eval'), writable: true, configurable: true });
const RealFunction = Function;
const FakeFunction = forbidden('Function');
FakeFunction.prototype = RealFunction.prototype; // `x instanceof Function` still works
Object.defineProperty(globalThis, 'Function', { value: FakeFunction, writable: true, configurable: true });

// Every path read (files, folders, their metadata). Module loading reads the bundle through these too.
function logReads(owner, prefix, names) {
  for (const name of names) {
    const original = owner[name];
    if (typeof original !== 'function') continue;
    const logged = function loggedRead(path, ...rest) {
      record({ read: `${prefix}${name}`, path: typeof path === 'string' ? path : Buffer.isBuffer(path) ? path.toString() : path instanceof URL ? path.pathname : typeof path });
      return original.call(this, path, ...rest);
    };
    Object.assign(logged, original); // fs.realpathSync.native and the like
    Object.defineProperty(owner, name, { value: logged, writable: true, configurable: true });
  }
}
const readNames = ['readFile', 'readFileSync', 'open', 'openSync', 'createReadStream', 'readdir', 'readdirSync', 'opendir', 'opendirSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'realpath', 'realpathSync', 'access', 'accessSync', 'exists', 'existsSync', 'readlink', 'readlinkSync', 'watch', 'watchFile'];
logReads(fs, 'fs.', readNames);
logReads(fs.promises, 'fs.promises.', readNames);

record({ loaded: true, thread: require('worker_threads').threadId });
