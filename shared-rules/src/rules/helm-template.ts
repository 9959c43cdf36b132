// The note on a Helm chart template: the engine masks template actions and checks only the literal YAML
// (lint-document.ts, helm.ts). This file holds the note's metadata, so that it is documented and can be turned off.
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'helm-template',
    title: 'Helm templates are checked only where the YAML is literal',
    severity: 'information',
    category: 'Templates',
    guidance: [],
    why: 'A template action can become anything at render time; reporting on it would be guessing. Literal values are still judged (a literal `privileged: true` still fires), and an object with a templated block (`{{ toYaml .Values.securityContext }}`) is not told what it lacks.',
    remediation: 'Check the rendered output too (`helm template … | kube-harden -`) to judge what the templates produce.',
    peers: [],
    examples: {
      failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
spec:
  template:
    spec:
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`,
      passing: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: production
`,
    },
  },
  check() {
    // Reported once per file by the engine when the file holds template actions.
  },
});
