import { testRule } from '../testing/rule-tester.js';
import rule from './no-dangerous-capabilities.js';

testRule(rule, {
  valid: [
    {
      name: 'harmless capabilities added back after dropping ALL; SYS_ADMIN in drop is not an addition',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          securityContext:
            capabilities:
              drop: [ALL, SYS_ADMIN]
              add: [NET_BIND_SERVICE, CHOWN]
`,
    },
    {
      name: 'CAP_ALL names no capability (runtimes only know the bare word ALL)',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: odd
spec:
  containers:
  - name: app
    image: app:1
    securityContext:
      capabilities:
        add:
        - CAP_ALL
`,
    },
    {
      name: 'a Windows pod is not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
  - name: app
    image: mcr.microsoft.com/windows/servercore:ltsc2022
    securityContext:
      capabilities:
        add: [SYS_ADMIN]
`,
    },
  ],
  invalid: [
    {
      name: 'a flow list: names are matched case-insensitively and with or without CAP_; each offending item has its own fix',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: vpn
spec:
  containers:
  - name: vpn
    image: wireguard:1
    securityContext:
      capabilities:
        add: [NET_ADMIN, NET_BIND_SERVICE, cap_sys_ptrace]
`,
      findings: [
        {
          line: 11, column: 15, text: 'NET_ADMIN', message: 'Container `vpn` adds the capability NET_ADMIN: it can reconfigure interfaces',
          fixes: [{
            title: 'Remove NET_ADMIN from the capabilities of container `vpn`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: vpn
spec:
  containers:
  - name: vpn
    image: wireguard:1
    securityContext:
      capabilities:
        add: [NET_BIND_SERVICE, cap_sys_ptrace]
`,
          }],
        },
        {
          line: 11, column: 44, text: 'cap_sys_ptrace', message: 'adds the capability cap_sys_ptrace: it can trace',
          fixes: [{
            title: 'Remove cap_sys_ptrace from the capabilities of container `vpn`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: vpn
spec:
  containers:
  - name: vpn
    image: wireguard:1
    securityContext:
      capabilities:
        add: [NET_ADMIN, NET_BIND_SERVICE]
`,
          }],
        },
      ],
    },
    {
      name: 'a block list: the item’s line goes, comment and all, the other items stay',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fuse
spec:
  template:
    spec:
      containers:
        - name: fuse
          image: s3fs:1.93
          securityContext:
            capabilities:
              add:
                - NET_BIND_SERVICE
                - SYS_ADMIN # mounts the bucket
                - NET_RAW
`,
      findings: [
        {
          line: 15, column: 19, text: 'SYS_ADMIN', message: 'nearly as root on the node',
          fixes: [{
            title: 'Remove SYS_ADMIN from the capabilities of container `fuse`',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fuse
spec:
  template:
    spec:
      containers:
        - name: fuse
          image: s3fs:1.93
          securityContext:
            capabilities:
              add:
                - NET_BIND_SERVICE
                - NET_RAW
`,
          }],
        },
        {
          line: 16, column: 19, text: 'NET_RAW',
          fixes: [{
            title: 'Remove NET_RAW from the capabilities of container `fuse`',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: fuse
spec:
  template:
    spec:
      containers:
        - name: fuse
          image: s3fs:1.93
          securityContext:
            capabilities:
              add:
                - NET_BIND_SERVICE
                - SYS_ADMIN # mounts the bucket
`,
          }],
        },
      ],
    },
    {
      name: 'the only item of a block list leaves an empty list; lower-case all is ALL',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: debug
spec:
  template:
    spec:
      containers:
      - name: debug
        image: nicolaka/netshoot:v0.13
        securityContext:
          capabilities:
            add:
            - all
            drop: [NET_RAW]
`,
      findings: [
        {
          line: 14, column: 15, text: 'all', message: 'adds the capability all: it gets every capability of the kernel',
          fixes: [{
            title: 'Remove all from the capabilities of container `debug`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: debug
spec:
  template:
    spec:
      containers:
      - name: debug
        image: nicolaka/netshoot:v0.13
        securityContext:
          capabilities:
            add: []
            drop: [NET_RAW]
`,
          }],
        },
      ],
    },
    {
      name: 'an init container in 4-space indentation with CRLF line endings; a single flow item leaves []',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
    name: trace
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: probe
                  image: bpftrace:0.20
                  securityContext:
                      capabilities:
                          add:
                              - BPF
                              - PERFMON
            containers:
                - name: main
                  image: main:1
                  securityContext:
                      capabilities: {add: [CAP_SYS_TIME]}
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 15, column: 33, text: 'BPF', message: 'Init container `probe` adds the capability BPF',
          fixes: [{
            title: 'Remove BPF from the capabilities of init container `probe`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
    name: trace
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: probe
                  image: bpftrace:0.20
                  securityContext:
                      capabilities:
                          add:
                              - PERFMON
            containers:
                - name: main
                  image: main:1
                  securityContext:
                      capabilities: {add: [CAP_SYS_TIME]}
`.replace(/\n/g, '\r\n'),
          }],
        },
        {
          line: 16, column: 33, text: 'PERFMON',
          fixes: [{
            title: 'Remove PERFMON from the capabilities of init container `probe`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
    name: trace
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: probe
                  image: bpftrace:0.20
                  securityContext:
                      capabilities:
                          add:
                              - BPF
            containers:
                - name: main
                  image: main:1
                  securityContext:
                      capabilities: {add: [CAP_SYS_TIME]}
`.replace(/\n/g, '\r\n'),
          }],
        },
        {
          line: 21, column: 44, text: 'CAP_SYS_TIME', message: 'Container `main` adds the capability CAP_SYS_TIME: it can set the node’s clock',
          fixes: [{
            title: 'Remove CAP_SYS_TIME from the capabilities of container `main`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
    name: trace
spec:
    template:
        spec:
            restartPolicy: Never
            initContainers:
                - name: probe
                  image: bpftrace:0.20
                  securityContext:
                      capabilities:
                          add:
                              - BPF
                              - PERFMON
            containers:
                - name: main
                  image: main:1
                  securityContext:
                      capabilities: {add: []}
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
