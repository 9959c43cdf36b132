import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-anonymous-auth.js';

// The static Pod `kubeadm init` writes to /etc/kubernetes/manifests/kube-apiserver.yaml (v1.30).
const KUBEADM = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint: 10.0.0.10:6443
  creationTimestamp: null
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --advertise-address=10.0.0.10
    - --allow-privileged=true
    - --authorization-mode=Node,RBAC
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --enable-admission-plugins=NodeRestriction
    - --enable-bootstrap-token-auth=true
    - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt
    - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt
    - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key
    - --etcd-servers=https://127.0.0.1:2379
    - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt
    - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key
    - --kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname
    - --proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt
    - --proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key
    - --requestheader-allowed-names=front-proxy-client
    - --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt
    - --requestheader-extra-headers-prefix=X-Remote-Extra-
    - --requestheader-group-headers=X-Remote-Group
    - --requestheader-username-headers=X-Remote-User
    - --secure-port=6443
    - --service-account-issuer=https://kubernetes.default.svc.cluster.local
    - --service-account-key-file=/etc/kubernetes/pki/sa.pub
    - --service-account-signing-key-file=/etc/kubernetes/pki/sa.key
    - --service-cluster-ip-range=10.96.0.0/12
    - --tls-cert-file=/etc/kubernetes/pki/apiserver.crt
    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
    image: registry.k8s.io/kube-apiserver:v1.30.2
    imagePullPolicy: IfNotPresent
    livenessProbe:
      failureThreshold: 8
      httpGet:
        host: 10.0.0.10
        path: /livez
        port: 6443
        scheme: HTTPS
      initialDelaySeconds: 10
      periodSeconds: 10
      timeoutSeconds: 15
    name: kube-apiserver
    resources:
      requests:
        cpu: 250m
    volumeMounts:
    - mountPath: /etc/kubernetes/pki
      name: k8s-certs
      readOnly: true
  hostNetwork: true
  priorityClassName: system-node-critical
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  volumes:
  - hostPath:
      path: /etc/kubernetes/pki
      type: DirectoryOrCreate
    name: k8s-certs
status: {}
`;

const LAST_FLAG = '    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key\n';

testRule(rule, {
  valid: [
    {
      name: 'the kubeadm static Pod with --anonymous-auth=false added',
      yaml: KUBEADM.replace(LAST_FLAG, `${LAST_FLAG}    - --anonymous-auth=false\n`),
    },
    {
      name: 'a Deployment whose image is kube-apiserver, flags in a flow-style args list; Go booleans accept False',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vcluster-api
spec:
  template:
    spec:
      containers:
        - name: api
          image: registry.k8s.io/kube-apiserver:v1.29.4
          args: ["--secure-port=8443", "--anonymous-auth=False", "--authorization-mode=RBAC"]
`,
    },
    {
      name: 'a shell wrapper and a client image are not the API server',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: probe
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: wrapped
          image: registry.k8s.io/kube-apiserver:v1.30.2
          command: ["/bin/sh", "-c", "exec kube-apiserver --secure-port=6443"]
        - name: client
          image: bitnami/kubectl:1.30
          command: [kubectl, get, pods]
`,
    },
  ],
  invalid: [
    {
      name: 'the kubeadm static Pod as generated: its HTTPS liveness probe needs anonymous access, so no fix',
      yaml: KUBEADM,
      findings: [
        {
          line: 14, column: 5, text: 'command', message: /--anonymous-auth=false is not set \(the default is true\)\. Its livenessProbe calls the API server without credentials/,
        },
      ],
    },
    {
      name: 'the kubeadm static Pod without probes: the flag is added after the last item of command',
      yaml: KUBEADM.replace(/    livenessProbe:\n(?:      .*\n)+/, ''),
      findings: [
        {
          line: 14, column: 5, text: 'command', message: 'kube-apiserver allows anonymous requests: --anonymous-auth=false is not set',
          fixes: [{
            title: 'Add --anonymous-auth=false',
            output: KUBEADM.replace(/    livenessProbe:\n(?:      .*\n)+/, '').replace(LAST_FLAG, `${LAST_FLAG}    - --anonymous-auth=false\n`),
          }],
        },
      ],
    },
    {
      name: '--anonymous-auth=true in args (command names only the program): only the value is replaced',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command: [/usr/local/bin/kube-apiserver]
      args:
        - --anonymous-auth=true   # needed by the load balancer health check
        - --secure-port=6443
`,
      findings: [
        {
          line: 12, column: 11, text: '--anonymous-auth=true', message: 'kube-apiserver sets --anonymous-auth=true',
          fixes: [{
            title: 'Set --anonymous-auth=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command: [/usr/local/bin/kube-apiserver]
      args:
        - --anonymous-auth=false   # needed by the load balancer health check
        - --secure-port=6443
`,
          }],
        },
      ],
    },
    {
      name: 'a bare boolean flag in a quoted flow list: =false goes inside the quotes',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: ["kube-apiserver", "--anonymous-auth", "--secure-port=6443"]
`,
      findings: [
        {
          line: 9, column: 33, text: '"--anonymous-auth"', message: 'kube-apiserver sets --anonymous-auth:',
          fixes: [{
            title: 'Set --anonymous-auth=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: ["kube-apiserver", "--anonymous-auth", "--secure-port=6443"]
`.replace('"--anonymous-auth"', '"--anonymous-auth=false"'),
          }],
        },
      ],
    },
    {
      name: 'several flags in one item: the finding covers the flag\'s own words; the last occurrence wins',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command:
    - kube-apiserver --anonymous-auth=false --secure-port=6443 --anonymous-auth=1
`,
      findings: [
        {
          line: 10, column: 64, text: '--anonymous-auth=1',
          fixes: [{
            title: 'Set --anonymous-auth=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command:
    - kube-apiserver --anonymous-auth=false --secure-port=6443 --anonymous-auth=false
`,
          }],
        },
      ],
    },
    {
      name: 'command names only the program and there is no args: a new args list, written like command',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: apiserver
spec:
  template:
    spec:
      containers:
      - name: apiserver
        image: example.com/k8s/kube-apiserver-amd64:v1.28.9
        command:
        - kube-apiserver
        ports:
        - containerPort: 6443
`,
      findings: [
        {
          line: 11, column: 9, text: 'command',
          fixes: [{
            title: 'Add --anonymous-auth=false',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: apiserver
spec:
  template:
    spec:
      containers:
      - name: apiserver
        image: example.com/k8s/kube-apiserver-amd64:v1.28.9
        command:
        - kube-apiserver
        ports:
        - containerPort: 6443
        args:
        - --anonymous-auth=false
`,
          }],
        },
      ],
    },
    {
      name: 'recognised by its image, without command or args: at the container name',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
    - name: apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
      findings: [
        {
          line: 7, column: 7, text: 'name',
          fixes: [{
            title: 'Add --anonymous-auth=false',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
    - name: apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
      args:
        - --anonymous-auth=false
`,
          }],
        },
      ],
    },
    {
      name: 'structured authentication configuration: information, without a fix',
      yaml: KUBEADM.replace(LAST_FLAG, `${LAST_FLAG}    - --authentication-config=/etc/kubernetes/authn.yaml\n`),
      findings: [
        { line: 14, column: 5, text: 'command', severity: 'information', message: 'unless that file sets anonymous.enabled: false' },
      ],
    },
  ],
});
