import { testRule } from '../testing/rule-tester.js';
import rule from './kubelet-anonymous-auth.js';

// /var/lib/kubelet/config.yaml as kubeadm writes it (keys in alphabetical order, kind in the middle).
const KUBEADM_CONFIG = `apiVersion: kubelet.config.k8s.io/v1beta1
authentication:
  anonymous:
    enabled: false
  webhook:
    cacheTTL: 0s
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
  webhook:
    cacheAuthorizedTTL: 0s
    cacheUnauthorizedTTL: 0s
cgroupDriver: systemd
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
healthzBindAddress: 127.0.0.1
healthzPort: 10248
kind: KubeletConfiguration
rotateCertificates: true
staticPodPath: /etc/kubernetes/manifests
`;

// A kubelet run by a DaemonSet (a node image that starts its kubelet from the cluster).
const DAEMONSET = (flags: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kubelet
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: kubelet
  template:
    metadata:
      labels:
        app: kubelet
    spec:
      hostNetwork: true
      hostPID: true
      containers:
      - name: kubelet
        image: registry.example.com/node/kubelet:v1.30.2
        command:
        - /usr/local/bin/kubelet
        - --kubeconfig=/etc/kubernetes/kubelet.conf
        - --container-runtime-endpoint=unix:///run/containerd/containerd.sock
${flags}        securityContext:
          privileged: true
`;

testRule(rule, {
  valid: [
    { name: 'the kubeadm KubeletConfiguration', yaml: KUBEADM_CONFIG },
    {
      name: 'a KubeletConfiguration without authentication: the v1beta1 default is off',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
cgroupDriver: systemd
`,
    },
    {
      name: 'a DaemonSet kubelet with --config: the file decides, its default is off',
      yaml: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n'),
    },
  ],
  invalid: [
    {
      name: 'the kubeadm configuration with anonymous requests turned on',
      yaml: KUBEADM_CONFIG.replace('    enabled: false', '    enabled: true'),
      findings: [
        {
          line: 4, column: 14, text: 'true', message: 'authentication.anonymous.enabled: true',
          fixes: [{ title: 'Set authentication.anonymous.enabled: false', output: KUBEADM_CONFIG }],
        },
      ],
    },
    {
      name: 'a flow-style KubeletConfiguration',
      yaml: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication: {anonymous: {enabled: true}, webhook: {enabled: true}}
`,
      findings: [
        {
          line: 3, column: 39, text: 'true',
          fixes: [{
            title: 'Set authentication.anonymous.enabled: false',
            output: `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication: {anonymous: {enabled: false}, webhook: {enabled: true}}
`,
          }],
        },
      ],
    },
    {
      name: 'a DaemonSet kubelet without --config: the flag default (true) applies, the flag is added',
      yaml: DAEMONSET(''),
      findings: [
        {
          line: 20, column: 9, text: 'command', message: 'there is no --config (the flag defaults to true)',
          fixes: [{ title: 'Add --anonymous-auth=false', output: DAEMONSET('        - --anonymous-auth=false\n') }],
        },
      ],
    },
    {
      name: 'an explicit --anonymous-auth=true overrides the config file',
      yaml: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n        - --anonymous-auth=true\n'),
      findings: [
        {
          line: 25, column: 11, text: '--anonymous-auth=true', message: 'The kubelet sets --anonymous-auth=true',
          fixes: [{ title: 'Set --anonymous-auth=false', output: DAEMONSET('        - --config=/var/lib/kubelet/config.yaml\n        - --anonymous-auth=false\n') }],
        },
      ],
    },
  ],
});
