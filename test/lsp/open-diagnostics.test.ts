// The server assembles an open document's diagnostics per YAML document, reusing what a keystroke did not touch
// (server/src/open-diagnostics.ts). Whatever it reuses, the result must equal converting the whole file's findings
// judged against the workspace, computed from scratch: after random edit sequences (typing, deleting, new lines,
// `---` lines, broken YAML), under settings that turn rules off or change severities, with another file in the view.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO } from '../support/lsp-client.js';

type Engine = typeof import('@kube-hardening/shared-rules');
const engine = require(join(REPO, 'shared-rules', 'out', 'index.js')) as Engine;
const load = <T>(name: string): T => require(join(REPO, 'server', 'out', name)) as T;
const { openDiagnostics } = load<typeof import('../../server/out/open-diagnostics.js')>('open-diagnostics.js');
const { toDiagnostics } = load<typeof import('../../server/out/convert.js')>('convert.js');
type Settings = import('../../server/out/settings.js').Settings;

const corpus = (path: string) => readFileSync(join(REPO, 'test', 'fixtures', 'corpus', path), 'utf8');
const FILES = ['hardened/deployment.yaml', 'helm/postgresql.yaml', 'kustomize/prod.yaml', 'kubeadm/manifests/kube-apiserver.yaml'];
/** Another file of the workspace: a ServiceAccount and a LimitRange change how local findings are judged. */
const OTHER = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: shop
automountServiceAccountToken: true
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: prod
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
`;
const SETTINGS: Settings[] = [
  { enable: true, rules: {}, workspaceScan: 'on', exclude: [], maxFileSize: 2 },
  { enable: true, rules: { 'resource-limits': 'off', 'no-latest-tag': 'error', 'default-deny-network-policy': 'off' }, workspaceScan: 'on', exclude: [], maxFileSize: 2 },
];
const ALL = new Set(engine.RULES.map((r) => r.meta.id));

function reference(text: string, settings: Settings, otherFacts: ReturnType<Engine['fileFacts']>) {
  const linted = engine.lintFile(text);
  const facts = engine.fileFacts(linted, 'file:///open.yaml');
  const view = engine.buildView([facts, otherFacts]);
  const ran = new Set([...ALL].filter((id) => settings.rules[id] !== 'off'));
  return toDiagnostics(TextDocument.create('file:///open.yaml', 'yaml', 0, text), engine.workspaceFindings(engine.fileFindings(linted), facts, view, ran), settings);
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 30 }),
  insert: fc.constantFrom('', 'x', ' ', '\n', '\n---\n', '  - name: c\n', ': [', 'privileged: true\n', '\r\n', '#'),
});

describe('open documents: diagnostics assembled per document equal the whole-file conversion', () => {
  const other = engine.fileFacts(engine.lintFile(OTHER), 'file:///other.yaml');
  for (const file of FILES) {
    it(`${file}: random edit sequences, two settings`, () => {
      fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 15 }), fc.constantFrom(...SETTINGS), (edits, settings) => {
        let text = corpus(file);
        let linted = engine.lintFile(text);
        let facts = engine.fileFacts(linted, 'file:///open.yaml');
        // One view for the whole sequence, as the server keeps it while namespaces do not change: the per-document
        // cache is keyed by it, so this is the case where reuse could go stale.
        const view = engine.buildView([facts, other]);
        const ran = new Set([...ALL].filter((id) => settings.rules[id] !== 'off'));
        for (const e of edits) {
          const start = Math.floor(e.at * text.length);
          const end = Math.min(text.length, start + e.remove);
          const next = text.slice(0, start) + e.insert + text.slice(end);
          linted = engine.lintFile(next, linted, [{ start, end, newText: e.insert }]);
          text = next;
          facts = engine.fileFacts(linted, 'file:///open.yaml');
          const doc = TextDocument.create('file:///open.yaml', 'yaml', 0, text);
          const assembled = openDiagnostics(doc, linted, facts, view, ran, settings);
          // The whole file converted at once, judged against the same view (the server rebuilds it when namespaces
          // change). That the incremental lint equals a fresh one is test/robustness/incremental.property.test.ts.
          const expected = toDiagnostics(doc, engine.workspaceFindings(engine.fileFindings(linted), facts, view, ran), settings);
          assert.deepEqual(assembled, expected);
        }
      }), { numRuns: 25, seed: 20261129 });
    });
  }

  it('a file-level note and cross-document findings merge in by position', () => {
    const text = `${corpus('hardened/deployment.yaml')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: lonely\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w\n  namespace: lonely\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: "{{ .Values.image }}"\n`;
    const settings = SETTINGS[0]!;
    const linted = engine.lintFile(text);
    const facts = engine.fileFacts(linted, 'file:///open.yaml');
    const view = engine.buildView([facts, other]);
    const assembled = openDiagnostics(TextDocument.create('file:///open.yaml', 'yaml', 0, text), linted, facts, view, ALL, settings);
    assert.deepEqual(assembled, reference(text, settings, other));
    assert.ok(assembled.some((d) => d.code === 'default-deny-network-policy'));
    assert.ok(assembled.some((d) => d.code === 'helm-template'));
  });
});
