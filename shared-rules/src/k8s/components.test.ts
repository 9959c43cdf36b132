// Unit tests of component recognition.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocumentText } from '../lint-document.js';
import { detectStyle } from '../yaml/source.js';
import { componentOfImage, envVar, isKubeletConfiguration, isLoopback, runningComponents, type Component } from './components.js';
import { objectsOf } from './objects.js';

function recognise(text: string, component: Component): string[] {
  const doc = parseDocumentText(text)[0]!;
  const src = { text, doc, style: detectStyle(text, doc) };
  return objectsOf(src).flatMap((o) => runningComponents(src, o, component)).map((rc) => `${rc.container.name}:${rc.by}:${rc.flags.flags.map((f) => f.name).join(',')}`);
}

describe('componentOfImage', () => {
  it('reads the last path segment without tag, digest or architecture suffix', () => {
    assert.equal(componentOfImage('registry.k8s.io/kube-apiserver:v1.30.0'), 'kube-apiserver');
    assert.equal(componentOfImage('k8s.gcr.io/kube-controller-manager-amd64:v1.10.0'), 'kube-controller-manager');
    assert.equal(componentOfImage('localhost:5000/etcd@sha256:0123'), 'etcd');
    assert.equal(componentOfImage('quay.io/coreos/etcd'), 'etcd');
    assert.equal(componentOfImage('bitnami/kubectl:1.30'), undefined);
    assert.equal(componentOfImage('example.com/kube-apiserver-proxy:1'), undefined);
  });
});

describe('runningComponents', () => {
  it('recognises the program by the first word of command, also as a path, in any workload kind', () => {
    const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: etcd
spec:
  template:
    spec:
      containers:
      - name: by-path
        image: example.com/db:1
        command: [/usr/local/bin/etcd, --client-cert-auth=true]
      - name: whole-line
        image: example.com/db:1
        command: ["etcd --name=e1 --data-dir=/var/lib/etcd"]
      - name: shell
        image: registry.k8s.io/etcd:3.5.12-0
        command: [sh, -c, "etcd --client-cert-auth=true"]
      - name: by-image
        image: registry.k8s.io/etcd:3.5.12-0
        args: [--cert-file=/pki/server.crt]
`;
    assert.deepEqual(recognise(text, 'etcd'), ['by-path:command:client-cert-auth', 'whole-line:command:name,data-dir', 'by-image:image:cert-file']);
  });
  it('recognises hyperkube sub-commands and a kubelet in a static Pod', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: control-plane
spec:
  containers:
  - name: api
    image: k8s.gcr.io/hyperkube:v1.18.0
    command: [/hyperkube, apiserver, --secure-port=6443]
  - name: kubelet
    image: example.com/node:1
    command: [kubelet]
    args: [--config=/var/lib/kubelet/config.yaml]
`;
    assert.deepEqual(recognise(text, 'kube-apiserver'), ['api:command:secure-port']);
    assert.deepEqual(recognise(text, 'kubelet'), ['kubelet:command:config']);
  });
  it('ignores objects without pods and never throws on odd shapes', () => {
    assert.deepEqual(recognise('kind: ConfigMap\ndata: {a: b}\n', 'etcd'), []);
    assert.deepEqual(recognise('kind: Pod\nspec:\n  containers:\n  - name: x\n    command: etcd\n    image: 7\n', 'etcd'), []);
    assert.deepEqual(recognise('kind: Pod\nspec:\n  containers:\n  - name: x\n    command: [~, 1]\n    args: {a: 1}\n', 'etcd'), []);
  });
});

describe('envVar', () => {
  it('reads the last entry of a name; valueFrom has no literal value', () => {
    const text = `kind: Pod
spec:
  containers:
  - name: etcd
    image: bitnami/etcd:3.5
    env:
    - name: ETCD_CLIENT_CERT_AUTH
      value: "false"
    - name: ETCD_CLIENT_CERT_AUTH
      value: "true"
    - name: ETCD_CERT_FILE
      valueFrom: {configMapKeyRef: {name: etcd, key: cert}}
`;
    const doc = parseDocumentText(text)[0]!;
    const src = { text, doc, style: detectStyle(text, doc) };
    const [rc] = objectsOf(src).flatMap((o) => runningComponents(src, o, 'etcd'));
    assert.equal(envVar(src, rc!.container, 'ETCD_CLIENT_CERT_AUTH')?.value, 'true');
    assert.equal(envVar(src, rc!.container, 'ETCD_CERT_FILE')?.value, undefined);
    assert.equal(envVar(src, rc!.container, 'ETCD_KEY_FILE'), undefined);
  });
});

describe('helpers', () => {
  it('isLoopback', () => {
    assert.deepEqual(['127.0.0.1', '127.1.2.3', '::1', '0.0.0.0', '10.0.0.1', 'localhost'].map(isLoopback), [true, true, true, false, false, false]);
  });
  it('isKubeletConfiguration', () => {
    const objects = (text: string) => {
      const doc = parseDocumentText(text)[0]!;
      return objectsOf({ text, doc, style: detectStyle(text, doc) });
    };
    assert.equal(isKubeletConfiguration(objects('apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n')[0]!), true);
    assert.equal(isKubeletConfiguration(objects('apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeletConfiguration\n')[0]!), false);
  });
});
