#!/usr/bin/env node
// The baseline for keystroke latency: yaml-language-server (the devDependency, 1.x: 2.x needs Node 22) on the same
// file and the same edits, over the same LSP client. Schemas off, validation on, nothing else: it validates YAML
// syntax only, after its ~200 ms debounce, which is what the comparison shows. It publishes without a version, so
// each edit is matched with the next publish for the file (one edit at a time).
//   node bench/yamlls.mjs [lines=5000] [edits=200]
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { keystrokes, multiDocumentFile } from './corpus.mjs';
import { measureKeystrokes, measureOpen } from './latency.mjs';
import { hasYamlLanguageServer, initialized, repo, rpc, startServer, YAML_LS } from './lsp.mjs';
import { ms, summary } from './stats.mjs';

export const YAML_LS_SETTINGS = {
  yaml: { schemaStore: { enable: false }, validate: true, hover: false, completion: false, format: { enable: false }, schemas: {} },
};

export { hasYamlLanguageServer };

/** Spawn → initialize, didOpen → first publish, and keystroke → publish for each edit, on a fresh yaml-language-server. */
export async function yamlLanguageServerSuite(text, edits) {
  const server = await startServer(YAML_LS, { configuration: (item) => (item.section === 'yaml' ? YAML_LS_SETTINGS.yaml : null) });
  await initialized(server);
  // It pulls its settings after `initialized` and again on didChangeConfiguration: the file is opened once both
  // answers are in, so no re-validation for new settings lands among the measured publishes.
  await server.until('the settings pull after initialized', () => (server.pulls.get('yaml') ?? 0) >= 1);
  await server.conn.sendNotification(rpc.DidChangeConfigurationNotification.type, { settings: YAML_LS_SETTINGS });
  await server.until('the settings pull after didChangeConfiguration', () => (server.pulls.get('yaml') ?? 0) >= 2);
  const uri = pathToFileURL(join(repo, 'bench-yaml-language-server.yaml')).toString();
  const opened = await measureOpen(server, uri, text, { versioned: false });
  const keys = await measureKeystrokes(opened.file, edits, { versioned: false, baseline: false });
  const result = { spawnToInit: server.spawnToInit, open: opened.ms, keystroke: keys.latencies };
  await server.shutdown();
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!hasYamlLanguageServer()) {
    console.log('yaml-language-server is not installed (npm install): nothing to measure');
    process.exit(0);
  }
  const text = multiDocumentFile(Number(process.argv[2] ?? 5000));
  const r = await yamlLanguageServerSuite(text, keystrokes(text, Number(process.argv[3] ?? 200)));
  const k = summary(r.keystroke);
  console.log(`yaml-language-server: spawn → initialize ${ms(r.spawnToInit)}; didOpen → first publish ${ms(r.open)}`);
  console.log(`keystroke → publish (${k.n} edits): p50 ${ms(k.p50)}, p95 ${ms(k.p95)}, max ${ms(k.max)}`);
}
