// The workspace pass: which edits of one file make other files' judgements stale, and fixes that append to another
// file following how that file ends.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileFacts, fileFindings, lintFile } from '../file-model.js';
import { RULES } from '../rules/index.js';
import { buildView, changedNamespaces, workspaceFindings } from './cross.js';

const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: web:1.0
`;
const ALL = new Set(RULES.map((r) => r.meta.id));

function factsOf(text: string, id: string) {
  return fileFacts(lintFile(text), id);
}

describe('changedNamespaces', () => {
  it('a Namespace file losing its final newline changes its namespace (dependents append to it)', () => {
    const before = factsOf(NAMESPACE, 'ns.yaml');
    const after = factsOf(NAMESPACE.trimEnd(), 'ns.yaml');
    assert.deepEqual([...changedNamespaces(before, after)], ['shop']);
  });

  it('an edit that only moves facts changes nothing', () => {
    const before = factsOf(DEPLOYMENT, 'web.yaml');
    const after = factsOf(`# a comment\n${DEPLOYMENT}`, 'web.yaml');
    assert.deepEqual([...changedNamespaces(before, after)], []);
  });
});

describe('appending to the Namespace file', () => {
  for (const [name, nsText, separator] of [['with a final newline', NAMESPACE, ''], ['without one', NAMESPACE.trimEnd(), '\n']] as const) {
    it(`the default-deny fix starts a new document on its own line, ${name}`, () => {
      const ns = factsOf(nsText, 'ns.yaml');
      const linted = lintFile(DEPLOYMENT);
      const web = fileFacts(linted, 'web.yaml');
      const findings = workspaceFindings(fileFindings(linted), web, buildView([ns, web]), ALL);
      const deny = findings.find((f) => f.ruleId === 'default-deny-network-policy');
      // The finding stands on the Namespace document, so it is reported there; here it is the pod-isolation one.
      const isolation = deny ?? findings.find((f) => f.ruleId === 'pod-network-isolated');
      const append = isolation?.fixes.find((f) => f.append)?.append;
      assert.ok(append, 'a fix that appends to the Namespace file');
      assert.equal(append.file, 'ns.yaml');
      assert.ok(append.text.startsWith(`${separator}---\n`), JSON.stringify(append.text.slice(0, 10)));
    });
  }
});
