// Inputs the engine and the server must survive: each a name and a deterministic generator (workers build their
// own copy by name, so a 50 MB text is never copied between threads). Bounds live in bounds.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEEP_BLOCK_ENGINE_MS, HUGE_FILE_BYTES, HUGE_FILE_ENGINE_MS, HUGE_FILE_HEAP_MB, LONG_LINE_CHARS, NESTING_LEVELS } from './bounds.js';
import { REPO } from './support.js';

export interface HostileInput {
  readonly name: string;
  readonly make: () => string;
  /** Larger than the server's default maxFileSize (2 MB): the server must skip it with its information diagnostic. */
  readonly huge?: boolean;
  /** Its own lint time and heap bounds (ms, MB) instead of HOSTILE_LINT_MS and HOSTILE_HEAP_MB. */
  readonly timeMs?: number;
  readonly heapMb?: number;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n';

/** Deterministic pseudo-random bytes (no randomness between runs). */
export function pseudoRandomBytes(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** Bytes that are not valid UTF-8 (a lone continuation byte, overlong forms, a truncated sequence, 0xFF). */
export const INVALID_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xc0, 0xaf, 0xed, 0xa0, 0x80]);

/** A manifest with invalid UTF-8 inside a value, in a comment and at the end, as bytes on disk. */
export function invalidUtf8Bytes(): Buffer {
  return Buffer.concat([
    Buffer.from('# comment with bad bytes: '), INVALID_UTF8, Buffer.from('\n'),
    Buffer.from(POD.replace('image: nginx', 'image: "ngi')), INVALID_UTF8, Buffer.from('nx"\n'),
    Buffer.from('    securityContext: {privileged: true}\n'), INVALID_UTF8,
  ]);
}

/** How the server and the CLI decode a file (`fs.readFile(path, 'utf8')`): replacement characters. */
export const decodeUtf8 = (b: Buffer) => b.toString('utf8');

/** The billion laughs: 9 levels of 9 aliases each (9^9 nodes if expanded). */
function aliasBomb(indent: string): string {
  const lines = [`${indent}l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`];
  for (let i = 1; i < 10; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return lines.join('\n');
}

function deepBlockMap(levels: number): string {
  const parts: string[] = [];
  for (let i = 0; i < levels; i++) parts.push(`${' '.repeat(i)}a:\n`);
  return parts.join('');
}

/** A 20 MB file of what makes real files that big: a dashboards ConfigMap, a CRD bundle, and workloads. */
export function hugeFile(): string {
  const example = readFileSync(join(REPO, 'examples', 'multi-document.yaml'), 'utf8');
  const line = '    {"panel": "latency", "targets": [{"expr": "rate(http_requests_total[5m])"}], "gridPos": {"h": 8, "w": 12}}\n';
  const blob = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboards\ndata:\n  dashboard.json: |\n${line.repeat(Math.ceil((HUGE_FILE_BYTES * 0.6) / line.length))}`;
  const schema = (depth: number): string[] => {
    if (depth === 0) return ['type: string', `description: ${'a field of the custom resource '.repeat(2).trim()}`];
    const out = ['type: object', 'properties:'];
    for (let i = 0; i < 8; i++) out.push(`  field${i}:`, ...schema(depth - 1).map((l) => `    ${l}`));
    return out;
  };
  const crd = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com', 'spec:',
    '  group: example.com', '  versions:', '  - name: v1', '    schema:', '      openAPIV3Schema:', ...schema(4).map((l) => `        ${l}`)].join('\n');
  const docs = [blob, example];
  let size = blob.length + example.length;
  while (size < HUGE_FILE_BYTES) {
    docs.push(crd, example);
    size += crd.length + example.length + 10;
  }
  return `${docs.join('\n---\n')}\n`;
}

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  // Alias bombs: in a plain document, and where the rules walk (containers, env, labels, RBAC rules, flags).
  { name: 'alias bomb (billion laughs)', make: () => `${aliasBomb('')}\n` },
  { name: 'alias bomb as containers', make: () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n${aliasBomb('    ')}\nspec:\n  containers: *l9\n  initContainers: *l9\n  volumes: *l9\n` },
  { name: 'alias bomb in a container', make: () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels:\n${aliasBomb('    ')}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env: *l9\n    args: *l9\n    ports: *l9\n    volumeMounts: *l9\n    securityContext: {capabilities: {add: *l9, drop: *l9}, seLinuxOptions: *l9}\n    resources: {limits: *l9}\n` },
  { name: 'alias bomb in labels and RBAC rules', make: () => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: x\n  labels:\n${aliasBomb('    ')}\nrules:\n- apiGroups: *l9\n  resources: *l9\n  verbs: *l9\n` },
  { name: 'alias bomb as kube-apiserver flags', make: () => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: kube-apiserver\n  namespace: kube-system\n  annotations:\n${aliasBomb('    ')}\nspec:\n  containers:\n  - name: kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    command: *l9\n    args: *l9\n` },
  { name: 'self-referencing alias', make: () => `${POD}    env: &a\n    - name: X\n      valueFrom: *a\n` },
  // Nesting.
  { name: `${NESTING_LEVELS} levels of flow sequences`, make: () => `${'['.repeat(NESTING_LEVELS)}${']'.repeat(NESTING_LEVELS)}\n` },
  { name: `${NESTING_LEVELS} levels of flow maps`, make: () => `${'{a: '.repeat(NESTING_LEVELS)}1${'}'.repeat(NESTING_LEVELS)}\n` },
  { name: `${NESTING_LEVELS} levels of flow nesting in a container`, make: () => `${POD}    securityContext: ${'{a: ['.repeat(NESTING_LEVELS / 2)}${'1]}'.repeat(NESTING_LEVELS / 2)}\n` },
  { name: `${NESTING_LEVELS} levels of block sequences`, make: () => `${POD}    args:\n    ${'- '.repeat(NESTING_LEVELS)}x\n` },
  { name: `${NESTING_LEVELS} levels of block maps`, make: () => deepBlockMap(NESTING_LEVELS), huge: true, timeMs: DEEP_BLOCK_ENGINE_MS, heapMb: HUGE_FILE_HEAP_MB },
  { name: 'nesting just under the parser limit in a container', make: () => `${POD}    env: ${'['.repeat(700)}${']'.repeat(700)}\n    securityContext: ${'{a: '.repeat(700)}1${'}'.repeat(700)}\n` },
  { name: 'unclosed flow nesting', make: () => `${POD}    securityContext: ${'{a: ['.repeat(5000)}\n` },
  // Long lines.
  { name: `a single ${LONG_LINE_CHARS}-character value`, make: () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  blob: ${'QUJD'.repeat(LONG_LINE_CHARS / 4)}\n` },
  { name: `a single ${LONG_LINE_CHARS}-character flow map of labels`, make: () => {
    const pairs: string[] = [];
    for (let i = 0, n = 0; n < LONG_LINE_CHARS; i++) {
      pairs.push(`app.kubernetes.io/k${i}: v${i}`);
      n += pairs[pairs.length - 1]!.length + 2;
    }
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x, labels: {${pairs.join(', ')}}}\nspec: {template: {spec: {containers: [{name: c, image: nginx}]}}}\n`;
  } },
  { name: `a single ${LONG_LINE_CHARS}-character line of containers`, make: () => {
    const items: string[] = [];
    for (let i = 0, n = 0; n < LONG_LINE_CHARS; i++) {
      items.push(`{name: c${i}, image: "registry.example.com/app:${i}", securityContext: {privileged: true}}`);
      n += items[items.length - 1]!.length + 2;
    }
    return `apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [${items.join(', ')}]}`;
  } },
  { name: `a single ${LONG_LINE_CHARS}-character line of kube-apiserver flags`, make: () => {
    const flags: string[] = [];
    for (let i = 0, n = 0; n < LONG_LINE_CHARS; i++) {
      flags.push(i % 7 === 0 ? '--anonymous-auth=true' : `--feature-${i}=true`);
      n += flags[flags.length - 1]!.length + 2;
    }
    return `apiVersion: v1\nkind: Pod\nmetadata: {name: kube-apiserver, namespace: kube-system}\nspec:\n  containers:\n  - name: kube-apiserver\n    image: registry.k8s.io/kube-apiserver:v1.30.2\n    command: [kube-apiserver, ${flags.join(', ')}]\n`;
  } },
  { name: `a single ${LONG_LINE_CHARS}-character key`, make: () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  ${'k'.repeat(LONG_LINE_CHARS)}: v\n` },
  { name: `a single ${LONG_LINE_CHARS}-character comment and no final newline`, make: () => `${POD}# ${'c'.repeat(LONG_LINE_CHARS)}` },
  { name: `a single ${LONG_LINE_CHARS}-character line without a newline anywhere`, make: () => `{apiVersion: v1, kind: ConfigMap, data: {a: "${'x'.repeat(LONG_LINE_CHARS)}"}}` },
  { name: 'a ConfigMap with 20,000 keys', make: () => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n${Array.from({ length: 20_000 }, (_, i) => `  key${i}: value${i}`).join('\n')}\n` },
  // Size.
  { name: '20 MB file', make: hugeFile, huge: true, timeMs: HUGE_FILE_ENGINE_MS, heapMb: HUGE_FILE_HEAP_MB },
  // Bytes that are not YAML.
  { name: 'binary data', make: () => decodeUtf8(pseudoRandomBytes(200_000)) },
  { name: 'binary data after a manifest', make: () => POD + decodeUtf8(pseudoRandomBytes(20_000, 11)) },
  { name: 'NUL and control characters', make: () => `${POD.replace('nginx', 'ng\u0000inx')}\u0000\u0001\u0007\u001b[31m\u007f\n` },
  { name: 'invalid UTF-8 (decoded as the server and CLI decode it)', make: () => decodeUtf8(invalidUtf8Bytes()) },
  { name: 'lone surrogates', make: () => POD.replace('name: web', 'name: w\ud800eb').replace('image: nginx', 'image: "nginx\udfff"') },
  // Encodings and line ends.
  { name: 'a BOM', make: () => `\ufeff${POD}` },
  { name: 'a BOM in every document', make: () => `\ufeff${POD}---\n\ufeff${POD}` },
  { name: 'CRLF line endings', make: () => POD.replace(/\n/g, '\r\n') },
  { name: 'mixed line endings (CRLF, LF, lone CR)', make: () => POD.split('\n').map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('') },
  { name: 'lone CR line endings', make: () => POD.replace(/\n/g, '\r') },
  // YAML that is valid but unusual, or invalid in ways people type.
  { name: 'tabs where YAML forbids them', make: () => POD.replace(/\n {2}- /, '\n\t- ').replace(/\n {4}/g, '\n\t\t') },
  { name: 'a tab after an indicator', make: () => POD.replace('- name', '-\tname').replace('image: nginx', 'image:\tnginx') },
  { name: 'duplicate keys', make: () => `${POD}spec:\n  hostPID: true\n---\n${POD.replace('  name: web\n', '  name: web\n  name: api\n')}` },
  { name: '<< merge keys', make: () => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - &base\n    name: c\n    image: nginx\n    securityContext: {privileged: true}\n  - <<: *base\n    name: d\n  - <<: [*base, {image: x}]\n    name: e\n  - <<: 42\n    name: f\n' },
  { name: 'custom and unusual tags', make: () => 'apiVersion: !!str v1\nkind: !Pod Pod\nmetadata: !!map\n  name: !Ref x\nspec:\n  hostPID: !!bool true\n  containers: !!seq\n  - name: !!binary aGVsbG8=\n    image: !!js/function "function(){ process.exit(1) }"\n    securityContext: !!set {privileged}\n  - !!omap [name: d, image: e]\n  - !<tag:example.com,2000:app> {name: f}\n' },
  { name: 'tag directives', make: () => `%TAG !e! tag:example.com,2000:\n---\napiVersion: !e!v v1\nkind: !<tag:yaml.org,2002:str> Pod\nspec: !!timestamp 2001-12-14\n---\n%YAML 9.9\n%FOO bar\n---\n${POD}` },
  { name: 'documents that are scalars or sequences', make: () => `--- 42\n--- "kind: Pod"\n--- [apiVersion, kind]\n--- - kind: Pod\n  apiVersion: v1\n--- null\n---\n--- |\n  text\n--- - - - x\n` },
  { name: 'a top-level sequence of objects', make: () => '- apiVersion: v1\n  kind: Pod\n  spec: {hostPID: true, containers: [{name: c, image: x}]}\n' },
  { name: '`kind` that is a number', make: () => 'apiVersion: 1.0\nkind: 42\nmetadata: {name: 5}\nspec: {hostPID: true, containers: [{name: 1, image: 2}]}\n' },
  { name: '`kind` and `apiVersion` of every other type', make: () => ['apiVersion: [v1]\nkind: {Pod: 1}', 'apiVersion: v1\nkind: [Pod]', 'apiVersion: v1\nkind: null', 'apiVersion: v1\nkind: true', 'apiVersion: v1\nkind: Pod\nmetadata: {name: [1], namespace: {a: b}}', 'apiVersion: v1\nkind: !!binary UG9k'].join('\n---\n') },
  { name: '`containers` that is a map', make: () => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    name: c\n    image: nginx\n    securityContext: {privileged: true}\n' },
  { name: '`containers` of every other type', make: () => 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [null, 1, "x", [], {}, {name: null, image: null, securityContext: []}]\n  initContainers: 5\n  ephemeralContainers: {a: b}\n  volumes: [null, {hostPath: null}, {hostPath: 5}, {name: v, hostPath: {path: []}}]\n' },
  { name: 'a List of everything', make: () => 'apiVersion: v1\nkind: List\nitems:\n- null\n- 5\n- kind: Pod\n  apiVersion: v1\n  spec: null\n- kind: List\n  items: [{kind: Pod, spec: {hostPID: true}}, {kind: List, items: {a: b}}]\n- kind: List\n  items: null\n' },
  { name: 'complex keys', make: () => 'apiVersion: v1\nkind: Pod\n? [a, b]\n: c\n? {x: y}\n: d\nspec:\n  ? containers\n  : - name: c\n      image: x\n' },
  { name: 'anchors on every node', make: () => 'apiVersion: &v v1\nkind: &k Pod\nmetadata: &m\n  name: x\nspec: &s\n  containers: &c\n  - &c0 {name: c, image: *v}\n  initContainers: *c\n  securityContext: *m\n' },
  { name: 'an undefined alias', make: () => 'apiVersion: v1\nkind: Pod\nspec: *nope\n' },
  { name: 'document end markers', make: () => `${POD}...\n${POD}...\n---\n...\n` },
  { name: 'only document markers', make: () => '---\n---\n...\n---\n' },
  { name: 'empty', make: () => '' },
  { name: 'whitespace only', make: () => '   \n\t\n  \r\n' },
  { name: 'Helm template actions everywhere', make: () => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.x }}\n{{- if .Values.y }}\nspec:\n{{- toYaml .Values.spec | nindent 2 }}\n  containers:\n  - name: c\n    image: "{{ .Values.image }}"\n    {{ if x }}securityContext: {privileged: true}{{ end }}\n{{- end }}\n' },
  { name: 'an unclosed Helm action', make: () => 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.x \nspec: {}\n' },
  { name: 'deeply nested Helm braces', make: () => `${'{{'.repeat(5000)}${'}}'.repeat(5000)}\n` },
  { name: 'malformed suppressions', make: () => `# kube-hardening-disable-next-line ,,,, -- \n# kube-hardening-disable\n${POD.replace('metadata:\n', 'metadata:\n  annotations:\n    kube-hardening.io/ignore: [a, b]\n    kube-hardening.io/ignore.web: 5\n    kube-hardening.io/ignore-reason: {a: b}\n')}# kube-hardening-disable-next-line\n` },
];

/** "null everywhere a map is expected", and the other wrong types: values put in place of every map or sequence value. */
export const REPLACEMENTS = ['null', '~', '42', '"s"', '[]', '{}', '[null]', '{a: null}'] as const;
