import { testRule } from '../testing/rule-tester.js';
import rule from './seccomp-profile.js';

testRule(rule, {
  valid: [
    {
      name: 'a pod-level RuntimeDefault is inherited by every container',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        seccompProfile:
          type: RuntimeDefault
      initContainers:
      - name: init
        image: init:1
      containers:
      - name: web
        image: nginx:1.25
`,
    },
    {
      name: 'a Localhost profile on each container',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          securityContext:
            seccompProfile: {type: Localhost, localhostProfile: profiles/postgres.json}
`,
    },
    {
      name: 'legacy annotations: docker/default for the pod, localhost/… for one container',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: old
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: docker/default
        container.seccomp.security.alpha.kubernetes.io/audit: localhost/profiles/audit.json
    spec:
      containers:
      - name: main
        image: main:1
      - name: audit
        image: audit:1
`,
    },
    {
      name: 'legacy runtime/default annotation on a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: legacy
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
spec:
  containers:
  - name: app
    image: app:1
`,
    },
    {
      name: 'a field wins over an annotation',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: migrated
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: unconfined
    spec:
      containers:
      - name: app
        image: app:3
        securityContext:
          seccompProfile:
            type: RuntimeDefault
`,
    },
    {
      name: 'a Windows pod is not judged',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: iis
spec:
  template:
    spec:
      os:
        name: windows
      containers:
      - name: iis
        image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'no profile anywhere: one finding per container, each fixed at the pod',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: shop
          image: shop:4
        - name: metrics
          image: exporter:1
      serviceAccountName: shop
`,
      findings: [
        {
          line: 12, column: 11, text: 'name', message: 'Container `shop` has no seccomp profile',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: shop
          image: shop:4
        - name: metrics
          image: exporter:1
      serviceAccountName: shop
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`,
          }],
        },
        {
          line: 14, column: 11, text: 'name', message: 'Container `metrics` has no seccomp profile',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: shop
          image: shop:4
        - name: metrics
          image: exporter:1
      serviceAccountName: shop
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`,
          }],
        },
      ],
    },
    {
      name: 'Unconfined at the pod is an error for the container that inherits it, fixed where it is written',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: strace
spec:
  securityContext:
    seccompProfile:
      type: Unconfined # strace needs ptrace
  containers:
  - name: strace
    image: strace:6
  - name: app
    image: app:1
    securityContext:
      seccompProfile:
        type: RuntimeDefault
`,
      findings: [
        {
          line: 8, column: 13, text: 'Unconfined', severity: 'error', message: 'Container `strace` runs Unconfined by seccomp (pod securityContext)',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: strace
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault # strace needs ptrace
  containers:
  - name: strace
    image: strace:6
  - name: app
    image: app:1
    securityContext:
      seccompProfile:
        type: RuntimeDefault
`,
          }],
        },
      ],
    },
    {
      name: 'when one container sets its own profile, the others are fixed in the container; a quoted value stays quoted',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
      - name: agent
        image: agent:1
        securityContext:
          seccompProfile: {type: RuntimeDefault}
      - name: shipper
        image: shipper:2
        securityContext:
          runAsUser: 65534
      - name: debugger
        image: debugger:1
        securityContext:
          seccompProfile:
            type: "Unconfined"
`,
      findings: [
        {
          line: 13, column: 9, text: 'name', message: 'Container `shipper` has no seccomp profile',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault in container `shipper`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
      - name: agent
        image: agent:1
        securityContext:
          seccompProfile: {type: RuntimeDefault}
      - name: shipper
        image: shipper:2
        securityContext:
          runAsUser: 65534
          seccompProfile:
            type: RuntimeDefault
      - name: debugger
        image: debugger:1
        securityContext:
          seccompProfile:
            type: "Unconfined"
`,
          }],
        },
        {
          line: 21, column: 19, text: '"Unconfined"', severity: 'error', message: 'Container `debugger` runs Unconfined by seccomp.',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault in container `debugger`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
      - name: agent
        image: agent:1
        securityContext:
          seccompProfile: {type: RuntimeDefault}
      - name: shipper
        image: shipper:2
        securityContext:
          runAsUser: 65534
      - name: debugger
        image: debugger:1
        securityContext:
          seccompProfile:
            type: "RuntimeDefault"
`,
          }],
        },
      ],
    },
    {
      name: 'a legacy unconfined pod annotation is an error; the fix sets the field and makes the annotation agree',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: unconfined
    spec:
      containers:
      - name: legacy
        image: legacy:1
`,
      findings: [
        {
          line: 9, column: 51, text: 'unconfined', severity: 'error',
          message: 'Container `legacy` runs Unconfined by seccomp (legacy annotation seccomp.security.alpha.kubernetes.io/pod)',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod and replace the unconfined seccomp annotation',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: legacy
spec:
  template:
    metadata:
      annotations:
        seccomp.security.alpha.kubernetes.io/pod: runtime/default
    spec:
      containers:
      - name: legacy
        image: legacy:1
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`,
          }],
        },
      ],
    },
    {
      name: 'a legacy container annotation beats the pod annotation for its container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: tracing
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.seccomp.security.alpha.kubernetes.io/tracer: "unconfined"
spec:
  containers:
  - name: app
    image: app:2
  - name: tracer
    image: tracer:1
`,
      findings: [
        {
          line: 7, column: 60, text: '"unconfined"', severity: 'error', message: 'Container `tracer` runs Unconfined by seccomp (legacy annotation container.seccomp.security.alpha.kubernetes.io/tracer)',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod and replace the unconfined seccomp annotation',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: tracing
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
    container.seccomp.security.alpha.kubernetes.io/tracer: "runtime/default"
spec:
  containers:
  - name: app
    image: app:2
  - name: tracer
    image: tracer:1
  securityContext:
    seccompProfile:
      type: RuntimeDefault
`,
          }],
        },
      ],
    },
    {
      name: 'a flow-style pod securityContext in a CronJob gets a flow-style addition',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "15 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {runAsNonRoot: true}
          restartPolicy: OnFailure
          containers:
          - name: cleanup
            image: cleanup:1
`,
      findings: [
        {
          line: 14, column: 13, text: 'name',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod',
            output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
spec:
  schedule: "15 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          restartPolicy: OnFailure
          containers:
          - name: cleanup
            image: cleanup:1
`,
          }],
        },
      ],
    },
    {
      name: 'a Job with an init container, in 4-space indentation and CRLF line endings',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
    name: seed
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: wait
                  image: busybox:1.36
            containers:
                - name: seed
                  image: seed:1
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 10, column: 19, text: 'name', message: 'Init container `wait` has no seccomp profile',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod',
            output: `apiVersion: batch/v1
kind: Job
metadata:
    name: seed
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: wait
                  image: busybox:1.36
            containers:
                - name: seed
                  image: seed:1
            securityContext:
                seccompProfile:
                    type: RuntimeDefault
`.replace(/\n/g, '\r\n'),
          }],
        },
        {
          line: 13, column: 19, text: 'name', message: 'Container `seed` has no seccomp profile',
          fixes: [{
            title: 'Set seccompProfile type RuntimeDefault for the pod',
            output: `apiVersion: batch/v1
kind: Job
metadata:
    name: seed
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: wait
                  image: busybox:1.36
            containers:
                - name: seed
                  image: seed:1
            securityContext:
                seccompProfile:
                    type: RuntimeDefault
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
