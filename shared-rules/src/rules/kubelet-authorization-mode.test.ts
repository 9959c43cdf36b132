import { testRule } from '../testing/rule-tester.js';
import rule from './kubelet-authorization-mode.js';

const CONFIG = (authorization: string) => `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
${authorization}cgroupDriver: systemd
`;

// A kubelet as a static Pod of a self-hosted node, flags in args.
const STATIC_POD = (args: string) => `apiVersion: v1
kind: Pod
metadata:
  name: kubelet
  namespace: kube-system
spec:
  hostNetwork: true
  containers:
    - name: kubelet
      image: registry.example.com/node/kubelet:v1.30.2
      command: ["kubelet"]
      args: [${args}]
`;

testRule(rule, {
  valid: [
    { name: 'authorization.mode: Webhook', yaml: CONFIG('authorization:\n  mode: Webhook\n') },
    { name: 'no authorization section: the v1beta1 default is Webhook', yaml: CONFIG('') },
    { name: 'a kubelet command line with Webhook', yaml: STATIC_POD('"--kubeconfig=/etc/kubernetes/kubelet.conf", "--authorization-mode=Webhook"') },
  ],
  invalid: [
    {
      name: 'authorization.mode: AlwaysAllow becomes Webhook',
      yaml: CONFIG('authorization:\n  mode: AlwaysAllow # lab cluster\n'),
      findings: [
        {
          line: 11, column: 9, text: 'AlwaysAllow', message: 'every request to the kubelet API is authorized',
          fixes: [{ title: 'Set authorization.mode: Webhook', output: CONFIG('authorization:\n  mode: Webhook # lab cluster\n') }],
        },
      ],
    },
    {
      name: 'a kubelet command line without --config and without the flag: AlwaysAllow by default',
      yaml: STATIC_POD('"--kubeconfig=/etc/kubernetes/kubelet.conf"'),
      findings: [
        {
          line: 12, column: 7, text: 'args', message: 'the flag defaults to AlwaysAllow',
          fixes: [{ title: 'Add --authorization-mode=Webhook', output: STATIC_POD('"--kubeconfig=/etc/kubernetes/kubelet.conf", "--authorization-mode=Webhook"') }],
        },
      ],
    },
    {
      name: '--authorization-mode AlwaysAllow as two items, with --config',
      yaml: STATIC_POD('"--config=/var/lib/kubelet/config.yaml", "--authorization-mode", "AlwaysAllow"'),
      findings: [
        {
          line: 12, column: 55, text: '"--authorization-mode"', message: 'The kubelet sets --authorization-mode=AlwaysAllow',
          fixes: [{ title: 'Set --authorization-mode=Webhook', output: STATIC_POD('"--config=/var/lib/kubelet/config.yaml", "--authorization-mode", "Webhook"') }],
        },
      ],
    },
  ],
});
