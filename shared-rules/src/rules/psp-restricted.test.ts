import { testRule } from '../testing/rule-tester.js';
import rule from './psp-restricted.js';

testRule(rule, {
  valid: [
    {
      name: 'the Appendix C policy',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
  annotations:
    seccomp.security.alpha.kubernetes.io/allowedProfileNames: 'docker/default,runtime/default'
spec:
  privileged: false
  allowPrivilegeEscalation: false
  requiredDropCapabilities:
    - ALL
  volumes: ['configMap', 'emptyDir', 'projected', 'secret', 'downwardAPI', 'persistentVolumeClaim']
  hostNetwork: false
  hostIPC: false
  hostPID: false
  runAsUser:
    rule: 'MustRunAsNonRoot'
  seLinux:
    rule: 'RunAsAny'
  supplementalGroups:
    rule: 'MustRunAs'
    ranges:
      - min: 1
        max: 65535
  fsGroup:
    rule: 'MustRunAs'
    ranges:
      - min: 1
        max: 65535
  readOnlyRootFilesystem: true
`,
    },
    {
      name: 'MustRunAs with ranges that start above 0 admits no root either; drop all is case-insensitive',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: ranged}
spec: {allowPrivilegeEscalation: false, requiredDropCapabilities: [all], readOnlyRootFilesystem: true, runAsUser: {rule: MustRunAs, ranges: [{min: 1000, max: 2000}]}}
`,
    },
    {
      name: 'other kinds are not PodSecurityPolicies',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
  containers:
    - name: web
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: 'a permissive policy: one finding per field, each with its own fix',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: true
  hostNetwork: true
  hostPID: false
  requiredDropCapabilities:
    - NET_RAW
  runAsUser:
    rule: RunAsAny
  seLinux:
    rule: RunAsAny
`,
      findings: [
        {
          line: 5, column: 1, text: 'spec', message: 'PodSecurityPolicy `permissive` does not set allowPrivilegeEscalation: false',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: true
  hostNetwork: true
  hostPID: false
  requiredDropCapabilities:
    - NET_RAW
  runAsUser:
    rule: RunAsAny
  seLinux:
    rule: RunAsAny
  allowPrivilegeEscalation: false
`,
          }],
        },
        { line: 5, column: 1, text: 'spec', severity: 'information', message: 'does not require readOnlyRootFilesystem: true' },
        {
          line: 6, column: 15, text: 'true', message: 'sets privileged: true',
          fixes: [{
            title: 'Set privileged: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: false
  hostNetwork: true
  hostPID: false
  requiredDropCapabilities:
    - NET_RAW
  runAsUser:
    rule: RunAsAny
  seLinux:
    rule: RunAsAny
`,
          }],
        },
        {
          line: 7, column: 16, text: 'true', message: 'sets hostNetwork: true',
          fixes: [{
            title: 'Set hostNetwork: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: true
  hostNetwork: false
  hostPID: false
  requiredDropCapabilities:
    - NET_RAW
  runAsUser:
    rule: RunAsAny
  seLinux:
    rule: RunAsAny
`,
          }],
        },
        {
          line: 9, column: 3, text: 'requiredDropCapabilities', message: 'does not require dropping ALL capabilities',
          fixes: [{
            title: 'Add ALL to requiredDropCapabilities',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: true
  hostNetwork: true
  hostPID: false
  requiredDropCapabilities:
    - NET_RAW
    - ALL
  runAsUser:
    rule: RunAsAny
  seLinux:
    rule: RunAsAny
`,
          }],
        },
        {
          line: 12, column: 11, text: 'RunAsAny', message: 'admits containers that run as root (runAsUser rule `RunAsAny`)',
          fixes: [{
            title: 'Set runAsUser.rule: MustRunAsNonRoot',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: permissive
spec:
  privileged: true
  hostNetwork: true
  hostPID: false
  requiredDropCapabilities:
    - NET_RAW
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
`,
          }],
        },
      ],
    },
    {
      name: 'a flow spec: escalation allowed, and a MustRunAs range that admits uid 0',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: flow}
spec: {allowPrivilegeEscalation: true, requiredDropCapabilities: [ALL], readOnlyRootFilesystem: true, runAsUser: {rule: MustRunAs, ranges: [{min: 0, max: 65535}]}}
`,
      findings: [
        {
          line: 4, column: 34, text: 'true', message: 'PodSecurityPolicy `flow` allows privilege escalation',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: flow}
spec: {allowPrivilegeEscalation: false, requiredDropCapabilities: [ALL], readOnlyRootFilesystem: true, runAsUser: {rule: MustRunAs, ranges: [{min: 0, max: 65535}]}}
`,
          }],
        },
        {
          line: 4, column: 121, text: 'MustRunAs', message: 'runAsUser rule `MustRunAs`',
          fixes: [{
            title: 'Set runAsUser.rule: MustRunAsNonRoot',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: flow}
spec: {allowPrivilegeEscalation: true, requiredDropCapabilities: [ALL], readOnlyRootFilesystem: true, runAsUser: {rule: MustRunAsNonRoot, ranges: [{min: 0, max: 65535}]}}
`,
          }],
        },
      ],
    },
    {
      name: 'hostIPC and hostPID allowed, no requiredDropCapabilities, runAsUser without a rule',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: node-agent
spec:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: false
  hostIPC: true
  hostPID: true
  runAsUser:
    ranges: [{min: 0, max: 0}]
`,
      findings: [
        {
          line: 5, column: 1, text: 'spec', message: 'does not require dropping capabilities',
          fixes: [{
            title: 'Add ALL to requiredDropCapabilities',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: node-agent
spec:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: false
  hostIPC: true
  hostPID: true
  runAsUser:
    ranges: [{min: 0, max: 0}]
  requiredDropCapabilities:
    - ALL
`,
          }],
        },
        { line: 7, column: 27, text: 'false', severity: 'information' },
        {
          line: 8, column: 12, text: 'true', message: 'sets hostIPC: true',
          fixes: [{
            title: 'Set hostIPC: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: node-agent
spec:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: false
  hostIPC: false
  hostPID: true
  runAsUser:
    ranges: [{min: 0, max: 0}]
`,
          }],
        },
        {
          line: 9, column: 12, text: 'true', message: 'sets hostPID: true',
          fixes: [{
            title: 'Set hostPID: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: node-agent
spec:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: false
  hostIPC: true
  hostPID: false
  runAsUser:
    ranges: [{min: 0, max: 0}]
`,
          }],
        },
        {
          line: 10, column: 3, text: 'runAsUser', message: 'does not restrict users',
          fixes: [{
            title: 'Set runAsUser.rule: MustRunAsNonRoot',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: node-agent
spec:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: false
  hostIPC: true
  hostPID: true
  runAsUser:
    ranges: [{min: 0, max: 0}]
    rule: MustRunAsNonRoot
`,
          }],
        },
      ],
    },
    {
      name: 'a flow spec whose last key has no value yet: the new field goes after its colon',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: typing}
spec: {readOnlyRootFilesystem: true, requiredDropCapabilities: [ALL], runAsUser: {rule: MustRunAsNonRoot}, hostPID: }
`,
      findings: [
        {
          line: 4, column: 1, text: 'spec', message: 'does not set allowPrivilegeEscalation: false',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false',
            output: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata: {name: typing}
spec: {readOnlyRootFilesystem: true, requiredDropCapabilities: [ALL], runAsUser: {rule: MustRunAsNonRoot}, hostPID:, allowPrivilegeEscalation: false }
`,
          }],
        },
      ],
    },
  ],
});
