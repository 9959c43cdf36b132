// Property test: every offered fix and suppression, on generated manifests in many layouts (indent widths,
// indented or flush sequences, flow or block security contexts, comments everywhere, anchors and aliases,
// multi-document files, CRLF, with or without a final newline, a BOM), yields what a careful engineer would type.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { suppressionFixes } from './actions.js';
import { fileFindings, lintFile, splitDocuments } from './file-model.js';
import { RULES } from './rules/index.js';
import { applyEdits } from './testing/rule-tester.js';
import type { Finding, Fix } from './types.js';

const WORKLOAD_RULES = RULES.filter((r) => r.meta.category === 'Pod security' || r.meta.id === 'unused-suppression');

interface ContainerSpec {
  readonly sc: 'none' | 'block' | 'flow' | 'empty-flow';
  readonly privileged: boolean;
  readonly escalation: boolean | undefined;
  readonly dropRaw: boolean;
  readonly limits: 'none' | 'cpu' | 'both';
  readonly mounts: boolean;
}

interface Layout {
  readonly indent: 2 | 4;
  readonly indentSeq: boolean;
  readonly comments: boolean;
  readonly crlf: boolean;
  readonly finalNewline: boolean;
  readonly bom: boolean;
  readonly anchors: boolean;
  readonly kind: 'Deployment' | 'Pod' | 'CronJob';
  readonly podSc: 'none' | 'block' | 'flow';
  readonly hostNetwork: boolean;
  readonly containers: readonly ContainerSpec[];
  readonly extraDocs: number;
}

const containerArb: fc.Arbitrary<ContainerSpec> = fc.record({
  sc: fc.constantFrom('none', 'block', 'flow', 'empty-flow'),
  privileged: fc.boolean(),
  escalation: fc.constantFrom(undefined, true, false),
  dropRaw: fc.boolean(),
  limits: fc.constantFrom('none', 'cpu', 'both'),
  mounts: fc.boolean(),
});

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  indentSeq: fc.boolean(),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  bom: fc.boolean(),
  anchors: fc.boolean(),
  kind: fc.constantFrom('Deployment' as const, 'Pod' as const, 'CronJob' as const),
  podSc: fc.constantFrom('none' as const, 'block' as const, 'flow' as const),
  hostNetwork: fc.boolean(),
  containers: fc.array(containerArb, { minLength: 1, maxLength: 3 }),
  extraDocs: fc.integer({ min: 0, max: 2 }),
});

/** Renders a manifest in the layout's style, by hand, so the layout is exactly what the user wrote. */
function render(l: Layout): string {
  const lines: string[] = [];
  const u = ' '.repeat(l.indent);
  const c = (text: string) => (l.comments ? ` # ${text}` : '');
  const at = (depth: number) => u.repeat(depth);
  if (l.comments) lines.push('# generated manifest');
  lines.push('apiVersion: v1', `kind: ${l.kind}${c('kind')}`, 'metadata:', `${at(1)}name: app`);
  let depth = 1;
  lines.push('spec:');
  if (l.kind === 'Deployment') {
    lines.push(`${at(1)}template:`, `${at(2)}spec:${c('pod')}`);
    depth = 3;
  } else if (l.kind === 'CronJob') {
    lines.push(`${at(1)}schedule: "0 * * * *"`, `${at(1)}jobTemplate:`, `${at(2)}spec:`, `${at(3)}template:`, `${at(4)}spec:`);
    depth = 5;
  }
  const p = at(depth);
  if (l.hostNetwork) lines.push(`${p}hostNetwork: true${c('needed for now')}`);
  if (l.podSc === 'block') lines.push(`${p}securityContext:`, `${p}${u}runAsUser: 1000${c('uid')}`);
  if (l.podSc === 'flow') lines.push(`${p}securityContext: {fsGroup: 2000}`);
  if (l.comments) lines.push(`${p}# the containers`);
  lines.push(`${p}containers:`);
  const dash = l.indentSeq ? `${p}${u}` : p;
  l.containers.forEach((spec, i) => {
    const k = `${dash}  `;
    lines.push(`${dash}- name: c${i}${c(`container ${i}`)}`);
    lines.push(`${k}image: ${l.anchors && i > 0 ? '*img' : `${l.anchors ? '&img ' : ''}registry.example.com/app:1.${i}`}`);
    const entries: string[] = [];
    if (spec.privileged) entries.push('privileged: true');
    if (spec.escalation !== undefined) entries.push(`allowPrivilegeEscalation: ${spec.escalation}`);
    if (spec.dropRaw) entries.push(spec.sc === 'flow' ? 'capabilities: {drop: [NET_RAW]}' : 'capabilities:\n__CAPS__');
    if (spec.sc === 'flow' && entries.length > 0) lines.push(`${k}securityContext: {${entries.join(', ')}}`);
    else if (spec.sc === 'empty-flow' || (spec.sc === 'flow' && entries.length === 0)) lines.push(`${k}securityContext: {}`);
    else if (spec.sc === 'block' && entries.length > 0) {
      lines.push(`${k}securityContext:${c('hardening')}`);
      for (const e of entries) {
        if (e.startsWith('capabilities:')) {
          lines.push(`${k}${u}capabilities:`, `${k}${u}${u}drop:`, `${k}${u}${u}${l.indentSeq ? u : ''}- NET_RAW`);
        } else lines.push(`${k}${u}${e}`);
      }
    }
    if (spec.limits !== 'none') {
      lines.push(`${k}resources:`, `${k}${u}limits:`, `${k}${u}${u}cpu: 500m`);
      if (spec.limits === 'both') lines.push(`${k}${u}${u}memory: 128Mi`);
    }
    if (spec.mounts) lines.push(`${k}volumeMounts:`, `${k}${l.indentSeq ? u : ''}- name: data`, `${k}${l.indentSeq ? u : ''}  mountPath: /data`);
    if (l.comments) lines.push(`${k}# end of c${i}`);
  });
  if (l.containers.some((s) => s.mounts)) lines.push(`${p}volumes:`, `${dash}- name: data`, `${dash}  emptyDir: {}`);
  const docs = [lines.join('\n')];
  for (let i = 0; i < l.extraDocs; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n${u}name: cm-${i}${c('other')}\ndata:\n${u}key: value`);
  let text = docs.join('\n---\n');
  if (l.finalNewline) text += '\n';
  if (l.crlf) text = text.replace(/\n/g, '\r\n');
  return (l.bom ? '\uFEFF' : '') + text;
}

/** Paths (a.b.0.c) whose values differ between two plain values. */
function changedPaths(a: unknown, b: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (a === b) return out;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    out.push(path);
    return out;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) changedPaths((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], out);
  return out;
}

/** Where each kind of fix may change the object. */
const ALLOWED = new Set(['securityContext', 'resources', 'volumeMounts', 'volumes', 'annotations', 'hostNetwork', 'hostPID', 'hostIPC', 'automountServiceAccountToken']);

function findings(text: string): Finding[] {
  return fileFindings(lintFile(text, undefined, [], { rules: WORKLOAD_RULES }));
}

function checkFix(text: string, before: Finding[], f: Finding, fix: Fix): void {
  const what = `${f.ruleId}: "${fix.title}"`;
  const out = applyEdits(text, fix.edits);
  // Parses, and as the same objects apart from the intended change.
  const docsBefore = parseAllDocuments(text);
  const docsAfter = parseAllDocuments(out);
  for (const d of docsAfter) assert.deepEqual(d.errors.map((e) => e.message), [], `${what} yields valid YAML:\n${out}`);
  assert.equal(docsAfter.length, docsBefore.length, `${what} keeps the number of documents`);
  docsBefore.forEach((d, i) => {
    for (const p of changedPaths(d.toJS({ maxAliasCount: -1 }), docsAfter[i]!.toJS({ maxAliasCount: -1 }))) {
      assert.ok(p.some((k) => ALLOWED.has(k)), `${what} changed only what it should, not ${p.join('.')}:\n${out}`);
    }
  });
  // Style: line endings, final newline and BOM as before.
  if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(out), `${what} keeps CRLF`);
  else assert.ok(!out.includes('\r'), `${what} adds no CR`);
  assert.equal(/\r?\n$/.test(out), /\r?\n$/.test(text), `${what} keeps the final newline or its absence`);
  assert.equal(out.startsWith('\uFEFF'), text.startsWith('\uFEFF'), `${what} keeps the BOM`);
  // Other documents byte for byte.
  const segsBefore = splitDocuments(text).map((s) => text.slice(s.start, s.end));
  const segsAfter = splitDocuments(out).map((s) => out.slice(s.start, s.end));
  assert.deepEqual(segsAfter.slice(1), segsBefore.slice(1), `${what} leaves the other documents alone`);
  // The finding is gone, nothing new appears, and applying it again has nothing to do.
  const after = findings(out);
  const count = (fs: Finding[], id: string) => fs.filter((x) => x.ruleId === id).length;
  assert.ok(count(after, f.ruleId) < count(before, f.ruleId), `${what} removes its finding:\n${out}`);
  for (const id of new Set(after.map((x) => x.ruleId))) {
    assert.ok(count(after, id) <= count(before, id), `${what} adds no ${id} finding:\n${out}`);
  }
  const again = after.filter((x) => x.ruleId === f.ruleId).flatMap((x) => x.fixes).find((x) => x.title === fix.title && JSON.stringify(x.edits) === JSON.stringify(fix.edits));
  assert.equal(again, undefined, `${what} is not offered again`);
}

it('every fix and suppression is valid, minimal, in style and idempotent on generated manifests', () => {
  fc.assert(
    fc.property(layoutArb, (layout) => {
      const text = render(layout);
      for (const d of parseAllDocuments(text)) assert.deepEqual(d.errors.map((e) => e.message), [], `generator made valid YAML:\n${text}`);
      const linted = lintFile(text, undefined, [], { rules: WORKLOAD_RULES });
      const before = fileFindings(linted);
      for (const f of before) {
        for (const fix of f.fixes) checkFix(text, before, f, fix);
        for (const fix of suppressionFixes(linted, f)) checkFix(text, before, f, fix);
      }
    }),
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 150), seed: Number(process.env.PROPERTY_SEED ?? 20261128) },
  );
});
