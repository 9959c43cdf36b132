// The CLI's output formats: text, JSON (against schemas/cli-output.schema.json), SARIF (against the SARIF 2.1.0
// JSON schema) and the self-contained HTML page.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { cleanUp, fixture, json, kubeHarden, REPO, write } from './helpers.js';

after(cleanUp);

const DOCS = 'https://github.com/kube-hardening/kube-hardening/blob/main/docs/rules/';
const GUIDANCE = 'https://media.defense.gov/2021/Aug/03/2002820425/-1/-1/1/CTR_KUBERNETES%20HARDENING%20GUIDANCE.PDF';

function jsonValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(join(REPO, 'schemas', 'cli-output.schema.json'), 'utf8')) as object);
}

function sarifValidator() {
  // The SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif (draft-04, hence ajv-draft-04).
  const schema = JSON.parse(readFileSync(join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('text', () => {
  it('groups findings by file with line:column, severity and rule id, then a summary line; no colour off a terminal', () => {
    const ws = fixture('workspace');
    const r = kubeHarden(['web', 'latest-tag.yml'], ws);
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes('\x1b['), 'no ANSI escapes');
    const blocks = r.stdout.trim().split('\n\n');
    assert.equal(blocks.length, 3);
    assert.match(blocks[0]!, /^web\/deployment\.yaml\n  18:11  warning  drop-all-capabilities  +Container `web` keeps/);
    assert.match(blocks[1]!, /^latest-tag\.yml\n  17:14  information  image-tag-pinned  Container `tools` runs image busybox:latest/);
    assert.equal(blocks[2], '6 findings (0 errors, 5 warnings, 1 information) in 3 files checked; 5 at or above warning; 2 fixable with --fix, 3 more with --fix-review.');
  });

  it('--color colours it; NO_COLOR wins only when colour is not forced', () => {
    const ws = fixture('workspace');
    assert.match(kubeHarden(['--color', 'web'], ws).stdout, /\x1b\[33mwarning/);
    assert.match(kubeHarden(['--color', 'web'], ws, undefined, { NO_COLOR: '1' }).stdout, /\x1b\[/);
    assert.ok(!kubeHarden(['--no-color', 'web'], ws).stdout.includes('\x1b['));
  });

  it('says so when nothing is found', () => {
    const ws = fixture('workspace');
    const r = kubeHarden(['--rule', 'no-privileged'], ws);
    assert.equal(r.stdout, 'No findings in 3 files checked.\n');
  });
});

describe('json', () => {
  it('matches the published JSON schema, for a report and for the rule list', () => {
    const ws = fixture('workspace');
    write(ws, 'big.yaml', `apiVersion: v1\nkind: ConfigMap\n# ${'x'.repeat(2.1 * 1024 * 1024)}\n`);
    const validate = jsonValidator();
    for (const args of [['--format', 'json'], ['--format', 'json', '--rule', 'no-privileged'], ['--list-rules', '--format', 'json']]) {
      const out = JSON.parse(kubeHarden(args, ws).stdout) as unknown;
      assert.ok(validate(out), `${args.join(' ')}: ${JSON.stringify(validate.errors, null, 2)}`);
    }
  });

  it('gives 1-based ranges, guidance links, fixability and a summary', () => {
    const ws = fixture('workspace');
    const report = json(kubeHarden(['--format', 'json', 'web/deployment.yaml'], ws));
    assert.equal(report.version, 1);
    const findings = report.files[0]!.findings;
    const seccomp = findings.find((f) => f.ruleId === 'seccomp-profile')!;
    // Line 18 is `        - name: web`: the finding is on the key `name` (columns 11 to 15).
    assert.deepEqual(seccomp.range, { start: { line: 18, column: 11 }, end: { line: 18, column: 15 } });
    assert.equal(seccomp.severity, 'warning');
    assert.deepEqual(seccomp.fix && seccomp.fixable && seccomp.fix.safety, 'safe');
    assert.ok(seccomp.guidance.length > 0 && seccomp.guidance.every((g) => g.url.startsWith(`${GUIDANCE}#page=`) && g.page > 0 && g.section !== ''));
    assert.equal(findings.find((f) => f.ruleId === 'run-as-non-root')!.fix!.safety, 'review');
    // A cross-document finding: the editor can fix it, --fix cannot.
    assert.equal(findings.find((f) => f.ruleId === 'default-deny-network-policy')!.fixable, false);
    assert.equal(report.summary.findings, findings.length);
    assert.equal(report.summary.threshold, 'warning');
    assert.equal(report.summary.failing, findings.filter((f) => f.severity !== 'information').length);
  });
});

interface SarifLog {
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string }; properties: { guidanceSection: string; peers: string[]; tags: string[] } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[]; partialFingerprints: Record<string, string> }[];
  }[];
}

describe('sarif', () => {
  const sarif = (args: string[], cwd: string, input?: string) => JSON.parse(kubeHarden(['--format', 'sarif', ...args], cwd, input).stdout) as SarifLog;

  it('is valid SARIF 2.1.0 (one run, rules in the driver, results pointing at them)', () => {
    const ws = fixture('workspace');
    write(ws, 'big.yaml', `apiVersion: v1\nkind: ConfigMap\n# ${'x'.repeat(2.1 * 1024 * 1024)}\n`);
    const validate = sarifValidator();
    const log = sarif([], ws);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const stdin = sarif(['-'], ws, readFileSync(join(ws, 'web', 'deployment.yaml'), 'utf8'));
    assert.ok(validate(stdin), JSON.stringify(validate.errors, null, 2));
    assert.equal(stdin.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, '%3Cstdin%3E');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0]!.tool;
    assert.equal(driver.name, 'kube-harden');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    const seccomp = driver.rules.find((r) => r.id === 'seccomp-profile')!;
    assert.equal(seccomp.name, 'SeccompProfile');
    assert.equal(seccomp.helpUri, `${DOCS}seccomp-profile.md`);
    assert.equal(seccomp.defaultConfiguration.level, 'warning');
    assert.equal(seccomp.properties.guidanceSection, 'Pod security');
    assert.ok(seccomp.properties.tags.includes('security'));
    assert.ok(Array.isArray(seccomp.properties.peers) && seccomp.shortDescription.text !== '' && seccomp.fullDescription.text !== '');
    assert.equal(driver.rules.find((r) => r.id === 'image-tag-pinned')!.defaultConfiguration.level, 'note');
    for (const result of log.runs[0]!.results) assert.equal(driver.rules[result.ruleIndex]!.id, result.ruleId);
    const result = log.runs[0]!.results.find((r) => r.ruleId === 'seccomp-profile')!;
    assert.equal(result.level, 'warning');
    assert.deepEqual(result.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'web/deployment.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 11, endLine: 18, endColumn: 15 },
    });
  });

  it('fingerprints survive unrelated lines moving, and tell identical lines apart', () => {
    const ws = fixture('workspace');
    const path = join(ws, 'web', 'deployment.yaml');
    const prints = () => sarif(['web/deployment.yaml'], ws).runs[0]!.results.map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.region.startLine} ${Object.values(r.partialFingerprints).join()}`);
    const before = prints();
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, `# a comment\n# and another, moving every line down\n${text.replace('app: web\n', 'app: web\n    # re-indented comment\n')}`);
    const after = prints();
    assert.equal(after.length, before.length);
    for (let i = 0; i < before.length; i++) {
      const [id, line, print] = before[i]!.split(' ');
      const [id2, line2, print2] = after[i]!.split(' ');
      assert.equal(id2, id);
      assert.notEqual(line2, line);
      assert.equal(print2, print, `${id}: same fingerprint after the move`);
    }
    // The same manifest twice in one file: the same rule on the same line text, told apart by occurrence.
    writeFileSync(path, `${text}---\n${text}`);
    const twice = sarif(['web/deployment.yaml'], ws).runs[0]!.results.filter((r) => r.ruleId === 'seccomp-profile');
    assert.equal(twice.length, 2);
    assert.notEqual(Object.values(twice[0]!.partialFingerprints)[0], Object.values(twice[1]!.partialFingerprints)[0]);
  });
});

describe('html', () => {
  it('is one self-contained page: no scripts, no network, links only to the docs and the guidance', () => {
    const ws = fixture('workspace');
    const page = kubeHarden(['--format', 'html'], ws).stdout;
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<style>[^]*<\/style>/);
    assert.ok(!/<script|<link\b|<iframe|<object|<embed|@import|url\(/i.test(page), 'no scripts, stylesheets, frames or fetched resources');
    const urls = [...page.matchAll(/\b(?:src|href|srcset|action|data)\s*=\s*["']?([^"'\s>]+)/gi)].map((m) => m[1]!);
    assert.ok(urls.length > 0);
    for (const url of urls.filter((u) => /^(https?:)?\/\//i.test(u))) {
      assert.ok(url.startsWith(DOCS) || url.startsWith(GUIDANCE), `unexpected link ${url}`);
    }
    assert.ok(!/\bsrc\s*=/i.test(page), 'nothing is loaded');
  });

  it('has a chart per guidance section, a table per rule and each finding with its escaped excerpt', () => {
    const ws = fixture('workspace');
    const path = join(ws, 'web', 'deployment.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('      containers:\n', '      containers: # <script>alert("&")</script>\n'));
    const page = kubeHarden(['--format', 'html', 'web'], ws).stdout;
    assert.match(page, /<svg class="chart"[^]*Pod security[^]*Network separation[^]*<\/svg>/);
    assert.match(page, /<rect [^>]*><title>Pod security: 5 warning<\/title>/);
    for (const id of ['drop-all-capabilities', 'no-privilege-escalation', 'read-only-root-filesystem', 'run-as-non-root', 'seccomp-profile']) {
      assert.match(page, new RegExp(`<section class="rule" id="rule-${id}">[^]*?<table>[^]*?web/deployment.yaml:18:11[^]*?</table>`), id);
      assert.ok(page.includes(`href="${DOCS}${id}.md"`), `${id} docs link`);
    }
    // The flagged line with two lines of context each side, escaped.
    const excerpt = /<pre class="excerpt"><code>([^]*?)<\/code><\/pre>/.exec(page)![1]!;
    assert.equal(excerpt.split('\n').length, 5);
    assert.ok(excerpt.includes('containers: # &lt;script&gt;alert(&quot;&amp;&quot;)&lt;/script&gt;'), excerpt);
    assert.match(excerpt, /<mark><span class="ln">18<\/span>         - name: web<\/mark>/);
    assert.ok(!page.includes('<script>alert'));
  });
});
