import { testRule } from '../testing/rule-tester.js';
import rule from './selinux-apparmor.js';

testRule(rule, {
  valid: [
    {
      name: 'the runtime’s own SELinux type with an MCS level, RuntimeDefault AppArmor; an annotation for a container that does not exist',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/old-sidecar: unconfined
        container.apparmor.security.beta.kubernetes.io/web: runtime/default
    spec:
      securityContext:
        seLinuxOptions:
          type: container_t
          level: "s0:c123,c456"
        appArmorProfile:
          type: RuntimeDefault
      containers:
        - name: web
          image: nginx:1.25
`,
    },
    {
      name: 'a container whose own seLinuxOptions (level only) replace the pod’s spc_t; a Localhost AppArmor profile',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    seLinuxOptions: {type: spc_t}
  containers:
  - name: app
    image: app:1
    securityContext:
      seLinuxOptions: {level: "s0:c1,c2"}
      appArmorProfile:
        type: Localhost
        localhostProfile: k8s-app
`,
    },
    {
      name: 'a Windows pod is not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  os: {name: windows}
  containers:
  - name: app
    image: mcr.microsoft.com/windows/nanoserver:ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'spc_t on a container: the type goes, the level stays',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: csi-node
spec:
  template:
    spec:
      containers:
      - name: driver
        image: csi-driver:2.3
        securityContext:
          seLinuxOptions:
            type: spc_t # needs the host mounts
            level: s0
`,
      findings: [
        {
          line: 13, column: 19, text: 'spc_t', message: 'Container `driver` runs with the SELinux type spc_t: SELinux no longer confines it',
          fixes: [{
            title: 'Remove the SELinux type override from container `driver`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: csi-node
spec:
  template:
    spec:
      containers:
      - name: driver
        image: csi-driver:2.3
        securityContext:
          seLinuxOptions:
            level: s0
`,
          }],
        },
      ],
    },
    {
      name: 'a pod-level custom type in flow style fires on each container that inherits it; the emptied seLinuxOptions goes too',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  securityContext: {runAsNonRoot: true, seLinuxOptions: {type: unconfined_t}}
  containers:
  - name: a
    image: a:1
  - name: b
    image: b:1
`,
      findings: [
        {
          line: 6, column: 64, text: 'unconfined_t', message: 'Container `a` runs with the SELinux type unconfined_t (from the pod)',
          fixes: [{
            title: 'Remove the SELinux type override from the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: a
    image: a:1
  - name: b
    image: b:1
`,
          }],
        },
        {
          line: 6, column: 64, text: 'unconfined_t', message: 'Container `b`',
          fixes: [{
            title: 'Remove the SELinux type override from the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: a
    image: a:1
  - name: b
    image: b:1
`,
          }],
        },
      ],
    },
    {
      name: 'the legacy AppArmor annotation set to unconfined on a Deployment’s pod template',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels:
        app: api
      annotations:
        prometheus.io/scrape: "true"
        container.apparmor.security.beta.kubernetes.io/api: unconfined
    spec:
      containers:
        - name: api
          image: api:7
`,
      findings: [
        {
          line: 12, column: 61, text: 'unconfined',
          message: 'Container `api` runs unconfined by AppArmor (the annotation container.apparmor.security.beta.kubernetes.io/api)',
          fixes: [{
            title: 'Remove the unconfined AppArmor profile from the annotation container.apparmor.security.beta.kubernetes.io/api',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    metadata:
      labels:
        app: api
      annotations:
        prometheus.io/scrape: "true"
    spec:
      containers:
        - name: api
          image: api:7
`,
          }],
        },
      ],
    },
    {
      name: 'appArmorProfile Unconfined on the pod and on one container: that container’s fix removes both, the other’s the pod’s',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: scan
spec:
  template:
    spec:
      restartPolicy: Never
      securityContext:
        runAsNonRoot: true
        appArmorProfile:
          type: Unconfined
      containers:
      - name: scanner
        image: scanner:5
        securityContext:
          appArmorProfile: {type: Unconfined}
      - name: uploader
        image: uploader:1
`,
      findings: [
        {
          line: 12, column: 17, text: 'Unconfined', message: 'Container `uploader` runs unconfined by AppArmor (from the pod)',
          fixes: [{
            title: 'Remove the unconfined AppArmor profile from the pod',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: scan
spec:
  template:
    spec:
      restartPolicy: Never
      securityContext:
        runAsNonRoot: true
      containers:
      - name: scanner
        image: scanner:5
        securityContext:
          appArmorProfile: {type: Unconfined}
      - name: uploader
        image: uploader:1
`,
          }],
        },
        {
          line: 17, column: 35, text: 'Unconfined', message: /^Container `scanner` runs unconfined by AppArmor: /,
          fixes: [{
            title: 'Remove the unconfined AppArmor profile from container `scanner` and the pod',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: scan
spec:
  template:
    spec:
      restartPolicy: Never
      securityContext:
        runAsNonRoot: true
      containers:
      - name: scanner
        image: scanner:5
      - name: uploader
        image: uploader:1
`,
          }],
        },
      ],
    },
    {
      name: 'one container with both overrides, in 4-space indentation with CRLF: two findings; the emptied annotations map goes',
      yaml: `apiVersion: v1
kind: Pod
metadata:
    name: privileged-agent
    annotations:
        container.apparmor.security.beta.kubernetes.io/agent: unconfined
spec:
    containers:
        - name: agent
          image: agent:3
          securityContext:
              seLinuxOptions:
                  type: super_t
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 6, column: 63, text: 'unconfined',
          fixes: [{
            title: 'Remove the unconfined AppArmor profile from the annotation container.apparmor.security.beta.kubernetes.io/agent',
            output: `apiVersion: v1
kind: Pod
metadata:
    name: privileged-agent
spec:
    containers:
        - name: agent
          image: agent:3
          securityContext:
              seLinuxOptions:
                  type: super_t
`.replace(/\n/g, '\r\n'),
          }],
        },
        {
          line: 13, column: 25, text: 'super_t', message: 'SELinux type super_t',
          fixes: [{
            title: 'Remove the SELinux type override from container `agent`',
            output: `apiVersion: v1
kind: Pod
metadata:
    name: privileged-agent
    annotations:
        container.apparmor.security.beta.kubernetes.io/agent: unconfined
spec:
    containers:
        - name: agent
          image: agent:3
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
