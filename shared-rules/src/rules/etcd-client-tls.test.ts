import { testRule } from '../testing/rule-tester.js';
import rule from './etcd-client-tls.js';

// The static Pod `kubeadm init` writes to /etc/kubernetes/manifests/etcd.yaml.
const KUBEADM = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/etcd.advertise-client-urls: https://10.0.0.10:2379
  creationTimestamp: null
  labels:
    component: etcd
    tier: control-plane
  name: etcd
  namespace: kube-system
spec:
  containers:
  - command:
    - etcd
    - --advertise-client-urls=https://10.0.0.10:2379
    - --cert-file=/etc/kubernetes/pki/etcd/server.crt
    - --client-cert-auth=true
    - --data-dir=/var/lib/etcd
    - --experimental-initial-corrupt-check=true
    - --experimental-watch-progress-notify-interval=5s
    - --initial-advertise-peer-urls=https://10.0.0.10:2380
    - --initial-cluster=cp-1=https://10.0.0.10:2380
    - --key-file=/etc/kubernetes/pki/etcd/server.key
    - --listen-client-urls=https://127.0.0.1:2379,https://10.0.0.10:2379
    - --listen-metrics-urls=http://127.0.0.1:2381
    - --listen-peer-urls=https://10.0.0.10:2380
    - --name=cp-1
    - --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt
    - --peer-client-cert-auth=true
    - --peer-key-file=/etc/kubernetes/pki/etcd/peer.key
    - --peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
    - --snapshot-count=10000
    - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
    image: registry.k8s.io/etcd:3.5.12-0
    imagePullPolicy: IfNotPresent
    name: etcd
    volumeMounts:
    - mountPath: /var/lib/etcd
      name: etcd-data
    - mountPath: /etc/kubernetes/pki/etcd
      name: etcd-certs
  hostNetwork: true
  priorityClassName: system-node-critical
  volumes:
  - hostPath:
      path: /etc/kubernetes/pki/etcd
      type: DirectoryOrCreate
    name: etcd-certs
  - hostPath:
      path: /var/lib/etcd
      type: DirectoryOrCreate
    name: etcd-data
status: {}
`;

// The Bitnami chart configures etcd through ETCD_* environment variables, which etcd reads like its flags.
const BITNAMI = (env: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: etcd
  namespace: data
spec:
  serviceName: etcd-headless
  template:
    spec:
      containers:
        - name: etcd
          image: docker.io/bitnami/etcd:3.5.14-debian-12-r1
          env:
            - name: ETCD_CLIENT_CERT_AUTH
              value: "true"
            - name: ETCD_PEER_CLIENT_CERT_AUTH
              value: "true"
            - name: ETCD_CERT_FILE
              value: /opt/bitnami/etcd/certs/client/tls.crt
            - name: ETCD_KEY_FILE
              value: /opt/bitnami/etcd/certs/client/tls.key
            - name: ETCD_TRUSTED_CA_FILE
              valueFrom:
                configMapKeyRef: {name: etcd-tls, key: ca-path}
${env}`;

testRule(rule, {
  valid: [
    { name: 'kubeadm as generated', yaml: KUBEADM },
    { name: 'Bitnami etcd configured through ETCD_* variables', yaml: BITNAMI('') },
    {
      name: 'a configuration file replaces flags and environment',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: etcd
spec:
  containers:
  - name: etcd
    image: quay.io/coreos/etcd:v3.5.14
    command: [/usr/local/bin/etcd, --config-file=/etc/etcd/etcd.conf.yml]
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm with client certificates turned off',
      yaml: KUBEADM.replace('--client-cert-auth=true', '--client-cert-auth=false'),
      findings: [
        { line: 18, column: 7, text: '--client-cert-auth=false', message: 'etcd sets --client-cert-auth=false: any client that reaches port 2379 is served without a certificate' },
      ],
    },
    {
      name: 'a quick-start etcd over plain http: every missing flag is its own finding on command',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: etcd
spec:
  template:
    spec:
      containers:
      - name: etcd
        image: quay.io/coreos/etcd:v3.5.14
        command:
        - /usr/local/bin/etcd
        - --name=etcd0
        - --listen-client-urls=http://0.0.0.0:2379
        - --advertise-client-urls=http://etcd:2379
`,
      findings: [
        { line: 11, column: 9, text: 'command', message: 'etcd does not set --client-cert-auth=true' },
        { line: 11, column: 9, text: 'command', message: 'etcd does not set --peer-client-cert-auth=true' },
        { line: 11, column: 9, text: 'command', message: 'etcd does not set --cert-file: clients are served over plain HTTP' },
        { line: 11, column: 9, text: 'command', message: 'etcd does not set --key-file' },
        { line: 11, column: 9, text: 'command', message: 'etcd does not set --trusted-ca-file' },
      ],
    },
    {
      name: 'auto TLS in the environment of the Bitnami chart',
      yaml: BITNAMI(`            - name: ETCD_PEER_AUTO_TLS
              value: "true"
`),
      findings: [
        { line: 26, column: 22, text: '"true"', message: "etcd's environment sets ETCD_PEER_AUTO_TLS=true: peers get a self-signed certificate" },
      ],
    },
    {
      name: 'a bare --auto-tls in a flow list, next to certificates',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: etcd
spec:
  containers:
  - name: etcd
    image: registry.k8s.io/etcd:3.5.12-0
    command: [etcd, --auto-tls, --cert-file=/pki/s.crt, --key-file=/pki/s.key, --trusted-ca-file=/pki/ca.crt, --client-cert-auth, --peer-client-cert-auth]
`,
      findings: [
        { line: 9, column: 21, text: '--auto-tls', message: 'etcd sets --auto-tls: clients get a self-signed certificate' },
      ],
    },
  ],
});
