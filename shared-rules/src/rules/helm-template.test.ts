import { testRule } from '../testing/rule-tester.js';
import rule from './helm-template.js';

testRule(rule, {
  valid: [
    { name: 'a plain manifest', yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n' },
    { name: 'a manifest with no braces at all', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n' },
  ],
  invalid: [
    {
      name: 'a chart template: one note on the first line',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include "web.fullname" . }}\nspec:\n  ports:\n    - port: {{ .Values.port }}\n',
      findings: [{ line: 1, column: 1, text: 'apiVersion: v1' }],
    },
    {
      name: 'a template that starts with an if block: the note is still on the first line',
      yaml: '{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n{{- end }}\n',
      findings: [{ line: 1, column: 1, text: '{{- if .Values.enabled }}', message: 'Helm template' }],
    },
  ],
});
