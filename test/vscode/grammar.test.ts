// The suppression-directive injection grammar, tokenized by vscode-textmate with VS Code 1.100's own YAML grammar
// (from the code-server install the VS Code layer uses), exactly as the editor would.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import { REPO } from '../support/lsp-client.js';

const YAML_SYNTAXES = join(REPO, '.cache', 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'yaml', 'syntaxes');
const INJECTION = join(REPO, 'syntaxes', 'kube-hardening-directives.tmLanguage.json');
const FILES: Record<string, string> = {
  'source.yaml': 'yaml.tmLanguage.json',
  'source.yaml.1.3': 'yaml-1.3.tmLanguage.json',
  'source.yaml.1.2': 'yaml-1.2.tmLanguage.json',
  'source.yaml.1.1': 'yaml-1.1.tmLanguage.json',
  'source.yaml.1.0': 'yaml-1.0.tmLanguage.json',
  'source.yaml.embedded': 'yaml-embedded.tmLanguage.json',
};

/** Each token of each line with its innermost scope. */
function tokens(grammar: IGrammar, text: string): { text: string; scope: string }[][] {
  let stack = INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens
      .map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes[t.scopes.length - 1]! }))
      .filter((t) => t.text.trim() !== '' && t.scope !== 'meta.directive.kube-hardening');
  });
}

describe('suppression directive grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    const wasm = readFileSync(join(REPO, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope) => {
        if (scope === 'kube-hardening.directives.injection') return parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
        const file = FILES[scope];
        return file ? parseRawGrammar(readFileSync(join(YAML_SYNTAXES, file), 'utf8'), join(YAML_SYNTAXES, file)) : null;
      },
      getInjections: (scope) => (scope === 'source.yaml' ? ['kube-hardening.directives.injection'] : []),
    });
    grammar = (await registry.loadGrammar('source.yaml'))!;
    assert.ok(grammar, 'VS Code YAML grammar loaded (code-server is installed by the VS Code layer)');
  });

  it('highlights the keyword, each rule id and the reason of a next-line directive', () => {
    const [, line] = tokens(grammar, 'spec:\n  # kube-hardening-disable-next-line no-host-pid, run-as-non-root -- the profiler needs it\n  hostPID: true');
    const scoped = line!.filter((t) => t.scope.endsWith('.kube-hardening'));
    assert.deepEqual(scoped.map((t) => [t.text, t.scope]), [
      ['kube-hardening-disable-next-line', 'keyword.control.directive.kube-hardening'],
      ['no-host-pid', 'support.constant.rule-id.kube-hardening'],
      [',', 'punctuation.separator.comma.kube-hardening'],
      ['run-as-non-root', 'support.constant.rule-id.kube-hardening'],
      ['--', 'punctuation.separator.reason.kube-hardening'],
      ['the profiler needs it', 'string.unquoted.reason.kube-hardening'],
    ]);
  });

  it('highlights a whole-document directive at the top', () => {
    const [line] = tokens(grammar, '# kube-hardening-disable resource-limits\napiVersion: v1');
    assert.deepEqual(line!.filter((t) => t.scope.endsWith('.kube-hardening')).map((t) => t.text), ['kube-hardening-disable', 'resource-limits']);
  });

  it('leaves other comments and YAML values alone', () => {
    const lines = tokens(grammar, '# a comment about kube-hardening-disable-next-line\nkey: kube-hardening-disable-next-line x\n# kube-hardening-disabled is not a directive');
    for (const line of lines) assert.deepEqual(line.filter((t) => t.scope.endsWith('.kube-hardening')), []);
  });
});
