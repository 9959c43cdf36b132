// Unit tests of the command-line flag reader and its edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, type YAMLMap } from 'yaml';
import { parseDocumentText } from '../lint-document.js';
import { applyEdits } from '../testing/rule-tester.js';
import type { OffsetRange } from '../types.js';
import { detectStyle, type SourceDoc } from '../yaml/source.js';
import { addFlag, flagRange, flagValue, lastFlag, listValues, parseBool, readFlags, removeFlag, setFlagValue, targetList, type FlagSet } from './flags.js';

/** The first container of a Pod written in `text`, as a SourceDoc and its map. */
function container(text: string): { src: SourceDoc; node: YAMLMap } {
  const doc = parseDocumentText(text)[0]!;
  const src = { text, doc, style: detectStyle(text, doc) };
  const root = doc.contents as YAMLMap;
  const spec = root.get('spec') as YAMLMap;
  const node = (spec.get('containers') as { items: unknown[] }).items[0];
  assert.ok(isMap(node));
  return { src, node };
}

function read(text: string, programWords = 1): { src: SourceDoc; set: FlagSet } {
  const { src, node } = container(text);
  return { src, set: readFlags(src, node, programWords) };
}

const pod = (lists: string) => `kind: Pod
spec:
  containers:
  - name: c
    image: x:1
${lists}`;

function summary(set: FlagSet): string[] {
  return set.flags.map((f) => `${f.list.name}:${f.name}=${f.value ?? '<bare>'}`);
}

describe('readFlags', () => {
  it('reads --flag=value items of command after the program, then args', () => {
    const { set } = read(pod(`    command:
    - kube-apiserver
    - --secure-port=6443
    args:
    - --authorization-mode=Node,RBAC
`));
    assert.deepEqual(summary(set), ['command:secure-port=6443', 'args:authorization-mode=Node,RBAC']);
    assert.deepEqual(listValues(lastFlag(set, 'authorization-mode')!.value), ['Node', 'RBAC']);
  });

  it('reads --flag value with the value in the next item or the next word', () => {
    const { set } = read(pod(`    command: ["etcd", "--data-dir", "/var/lib/etcd", "--name etcd-0"]
`));
    assert.deepEqual(summary(set), ['command:data-dir=/var/lib/etcd', 'command:name=etcd-0']);
    const dataDir = lastFlag(set, 'data-dir')!;
    assert.equal(dataDir.item.value, '--data-dir');
    assert.equal(dataDir.valueWord?.item.value, '/var/lib/etcd');
  });

  it('reads several flags in one item, and a whole command line in one item', () => {
    const { set } = read(pod(`    command:
    - kube-scheduler --bind-address=127.0.0.1   --profiling=false
    - --leader-elect=true --kubeconfig /etc/kubernetes/scheduler.conf
`));
    assert.deepEqual(summary(set), [
      'command:bind-address=127.0.0.1', 'command:profiling=false', 'command:leader-elect=true', 'command:kubeconfig=/etc/kubernetes/scheduler.conf',
    ]);
  });

  it('does not take the next word as the value of a boolean flag, nor another flag as a value', () => {
    const { set } = read(pod(`    args: [--profiling, "false", --kubeconfig, --v=2]
`, ), 0);
    assert.deepEqual(summary(set), ['args:profiling=<bare>', 'args:kubeconfig=<bare>', 'args:v=2']);
    assert.equal(flagValue(set.flags[0]!), 'true');
  });

  it('stops at --, skips non-string items and the program words (hyperkube apiserver)', () => {
    const { set } = read(pod(`    command: [/hyperkube, apiserver, --secure-port=6443, {a: 1}, --, --profiling=true]
`), 2);
    assert.deepEqual(summary(set), ['command:secure-port=6443']);
  });

  it('the last occurrence wins', () => {
    const { set } = read(pod(`    args: ["--anonymous-auth=true", "--anonymous-auth=false"]
`), 0);
    assert.equal(lastFlag(set, 'anonymous-auth')!.value, 'false');
  });

  it('reads an aliased list but offers no edit of it', () => {
    const text = `kind: Pod
spec:
  containers:
  - name: a
    image: x:1
    args: &common
    - --profiling=true
  - name: b
    image: x:1
    args: *common
`;
    const doc = parseDocumentText(text)[0]!;
    const src = { text, doc, style: detectStyle(text, doc) };
    const b = ((doc.contents as YAMLMap).get('spec') as YAMLMap).get('containers') as { items: YAMLMap[] };
    const set = readFlags(src, b.items[1]!, 0);
    assert.deepEqual(summary(set), ['args:profiling=true']);
    const at = flagRange(set.flags[0]!);
    assert.ok(!('start' in at) && at.range, 'points at a node');
    assert.equal(text.slice(at.range[0], at.range[1]), 'args');
    assert.equal(setFlagValue(src, set.flags[0]!, 'false'), undefined);
    assert.equal(addFlag(src, set, '--bind-address=127.0.0.1'), undefined);
  });
});

describe('parseBool', () => {
  it('reads Go booleans; a bare flag is true', () => {
    assert.deepEqual(['1', 't', 'TRUE', 'True', '0', 'f', 'False', 'FALSE', 'yes', ''].map(parseBool), [true, true, true, true, false, false, false, false, undefined, undefined]);
    assert.equal(parseBool(undefined), true);
  });
});

describe('flagRange', () => {
  it('is the list item when the flag is alone in it, its own words otherwise', () => {
    const text = pod(`    command:
    - kube-apiserver --anonymous-auth true --secure-port=6443
    - --profiling=true
`);
    const { set } = read(text);
    const at = (r: ReturnType<typeof flagRange>) => ('start' in r ? text.slice((r as OffsetRange).start, (r as OffsetRange).end) : text.slice(r.range![0], r.range![1]));
    assert.equal(at(flagRange(lastFlag(set, 'anonymous-auth')!)), '--anonymous-auth');
    assert.equal(at(flagRange(lastFlag(set, 'secure-port')!)), '--secure-port=6443');
    assert.equal(at(flagRange(lastFlag(set, 'profiling')!)), '--profiling=true');
  });
});

describe('setFlagValue', () => {
  it('replaces only the value part of --flag=value, keeping quotes and comments', () => {
    const text = pod(`    args:
    - "--authorization-mode=AlwaysAllow" # legacy
`);
    const { src, set } = read(text, 0);
    assert.equal(applyEdits(text, setFlagValue(src, set.flags[0]!, 'Node,RBAC')!), text.replace('AlwaysAllow', 'Node,RBAC'));
  });
  it('edits the value item of --flag value', () => {
    const text = pod(`    args:
    - --read-only-port
    - '10255'
`);
    const { src, set } = read(text, 0);
    assert.equal(applyEdits(text, setFlagValue(src, set.flags[0]!, '0')!), text.replace("'10255'", "'0'"));
  });
  it('adds =value after a bare flag inside a shared item', () => {
    const text = pod(`    command: [kube-apiserver --profiling --secure-port=6443]
`);
    const { src, set } = read(text);
    assert.equal(applyEdits(text, setFlagValue(src, set.flags[0]!, 'false')!), text.replace('--profiling', '--profiling=false'));
  });
  it('quotes a plain flow item when the new value holds a comma', () => {
    const text = pod(`    args: [--authorization-mode=AlwaysAllow, --secure-port=6443]
`);
    const { src, set } = read(text, 0);
    assert.equal(applyEdits(text, setFlagValue(src, set.flags[0]!, 'Node,RBAC')!), text.replace('--authorization-mode=AlwaysAllow', '"--authorization-mode=Node,RBAC"'));
  });
  it('offers nothing for a block scalar item', () => {
    const text = pod(`    args:
    - >-
      --profiling=true
`);
    const { src, set } = read(text, 0);
    assert.equal(set.flags[0]!.value, 'true');
    assert.equal(setFlagValue(src, set.flags[0]!, 'false'), undefined);
  });
});

describe('addFlag', () => {
  it('appends to the list holding the flags, plain like its neighbours, with CRLF kept', () => {
    const text = pod(`    command:
      - kube-scheduler
      - --kubeconfig=/etc/kubernetes/scheduler.conf
    image: y
`).replace(/\n/g, '\r\n');
    const { src, set } = read(text);
    assert.equal(applyEdits(text, addFlag(src, set, '--profiling=false')!), text.replace('scheduler.conf\r\n', 'scheduler.conf\r\n      - --profiling=false\r\n'));
  });
  it('prefers args over a command that names only the program, quoting like args', () => {
    const text = pod(`    command: [kube-scheduler]
    args: ['--kubeconfig=/etc/kubernetes/scheduler.conf']
`);
    const { src, set } = read(text);
    assert.equal(targetList(set)?.name, 'args');
    assert.equal(applyEdits(text, addFlag(src, set, '--bind-address=127.0.0.1')!), text.replace("scheduler.conf']", "scheduler.conf', '--bind-address=127.0.0.1']"));
  });
  it('quotes a value with a comma in a plain flow list', () => {
    const text = pod(`    args: [--secure-port=6443]
`);
    const { src, set } = read(text, 0);
    assert.equal(applyEdits(text, addFlag(src, set, '--authorization-mode=Node,RBAC')!), text.replace('6443]', '6443, "--authorization-mode=Node,RBAC"]'));
  });
  it('creates args when command names only the program, and puts a comment after the item', () => {
    const text = pod(`    command:
    - kube-apiserver
`);
    const { src, set } = read(text);
    assert.equal(applyEdits(text, addFlag(src, set, '--encryption-provider-config=/etc/kubernetes/enc/enc.yaml', 'TODO: write it')!),
      `${text}    args:\n    - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml # TODO: write it\n`);
  });
});

describe('removeFlag', () => {
  it('removes the whole line of a block item, comment included', () => {
    const text = pod(`    command:
    - kube-apiserver
    - --token-auth-file=/etc/kubernetes/tokens.csv # bootstrap
    - --secure-port=6443
`);
    const { src, set } = read(text);
    assert.equal(applyEdits(text, removeFlag(src, lastFlag(set, 'token-auth-file')!)!), text.replace('    - --token-auth-file=/etc/kubernetes/tokens.csv # bootstrap\n', ''));
  });
  it('removes the flag item and its value item', () => {
    const text = pod(`    command:
    - kube-apiserver
    - --token-auth-file
    - /etc/kubernetes/tokens.csv
    - --secure-port=6443
`);
    const { src, set } = read(text);
    assert.equal(applyEdits(text, removeFlag(src, lastFlag(set, 'token-auth-file')!)!), text.replace('    - --token-auth-file\n    - /etc/kubernetes/tokens.csv\n', ''));
  });
  it('removes flow items with one comma, and words inside a shared item', () => {
    const flow = pod(`    args: ["--secure-port=6443", "--token-auth-file", "/t.csv"]
`);
    const a = read(flow, 0);
    assert.equal(applyEdits(flow, removeFlag(a.src, lastFlag(a.set, 'token-auth-file')!)!), flow.replace(', "--token-auth-file", "/t.csv"', ''));
    const shared = pod(`    command: ["kube-apiserver --token-auth-file=/t.csv --secure-port=6443"]
`);
    const b = read(shared);
    assert.equal(applyEdits(shared, removeFlag(b.src, lastFlag(b.set, 'token-auth-file')!)!), shared.replace('--token-auth-file=/t.csv ', ''));
  });
  it('never leaves an empty block list', () => {
    const text = pod(`    args:
    - --token-auth-file=/t.csv
`);
    const { src, set } = read(text, 0);
    assert.equal(removeFlag(src, set.flags[0]!), undefined);
  });
});
