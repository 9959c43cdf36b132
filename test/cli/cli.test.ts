// The CLI's command line: which files it checks (folders, globs, stdin, exclusions, big files), options, usage
// errors and exit codes, all through the built server/dist/cli.js.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cleanUp, findingKeys, fixture, json, kubeHarden, REPO, write } from './helpers.js';

after(cleanUp);

const DEPLOYMENT_ONLY = ['drop-all-capabilities', 'no-privilege-escalation', 'read-only-root-filesystem', 'run-as-non-root', 'seccomp-profile'];

describe('files', () => {
  it('walks folders like the workspace scan: .yaml/.yml files that look like Kubernetes, not .git or node_modules', () => {
    const ws = fixture('workspace');
    const r = kubeHarden(['--format', 'json'], ws);
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(json(r).files.map((f) => f.file).sort(), ['latest-tag.yml', 'web/deployment.yaml', 'web/namespace.yaml']);
  });

  it('judges all the files as one workspace: a namespace policy in another file counts', () => {
    const ws = fixture('workspace');
    const alone = findingKeys(json(kubeHarden(['--format', 'json', 'web/deployment.yaml'], ws)));
    assert.ok(alone.includes('web/deployment.yaml default-deny-network-policy'), alone.join('\n'));
    const together = findingKeys(json(kubeHarden(['--format', 'json', 'web/deployment.yaml', 'web/namespace.yaml'], ws)));
    assert.deepEqual(together, DEPLOYMENT_ONLY.map((id) => `web/deployment.yaml ${id}`));
  });

  it('checks a file named on the command line whatever it looks like, once', () => {
    const ws = fixture('workspace');
    const r = json(kubeHarden(['--format', 'json', 'web/values.yaml', 'web', 'web/values.yaml'], ws));
    assert.deepEqual(r.files.map((f) => f.file), ['web/values.yaml', 'web/deployment.yaml', 'web/namespace.yaml']);
  });

  it('expands globs itself (quoted, so no shell expands them)', () => {
    const ws = fixture('workspace');
    assert.deepEqual(json(kubeHarden(['--format', 'json', 'web/*.yaml'], ws)).files.map((f) => f.file), ['web/deployment.yaml', 'web/namespace.yaml']);
    assert.deepEqual(json(kubeHarden(['--format', 'json', '**/*.yml'], ws)).files.map((f) => f.file), ['latest-tag.yml']);
    assert.deepEqual(json(kubeHarden(['--format', 'json', './**/deploy*.{yaml,yml}'], ws)).files.map((f) => f.file), ['web/deployment.yaml']);
  });

  it('--exclude skips files matching a glob', () => {
    const ws = fixture('workspace');
    const r = json(kubeHarden(['--format', 'json', '--exclude', 'web/**', '.'], ws));
    assert.deepEqual(r.files.map((f) => f.file), ['latest-tag.yml']);
  });

  it('skips files larger than 2 MB with a note on stderr', () => {
    const ws = fixture('workspace');
    write(ws, 'big.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(2.2 * 1024 * 1024)}"\n`);
    const r = kubeHarden(['--format', 'json'], ws);
    assert.match(r.stderr, /skipped big\.yaml: larger than 2 MB/);
    assert.deepEqual(json(r).skipped.map((s) => s.file), ['big.yaml']);
    assert.ok(!json(r).files.some((f) => f.file === 'big.yaml'));
  });

  it('reads standard input for "-", named <stdin> or by --stdin-filename, judged with the other files', () => {
    const ws = fixture('workspace');
    const text = readFileSync(join(ws, 'web', 'deployment.yaml'), 'utf8');
    const plain = kubeHarden(['-'], ws, text);
    assert.equal(plain.status, 1);
    assert.match(plain.stdout, /^<stdin>$/m);
    const named = json(kubeHarden(['--format', 'json', '--stdin-filename', 'deploy/web.yaml', '-', 'web/namespace.yaml'], ws, text));
    assert.deepEqual(findingKeys(named), DEPLOYMENT_ONLY.map((id) => `deploy/web.yaml ${id}`));
  });
});

describe('options', () => {
  it('--version prints the package version', () => {
    const r = kubeHarden(['--version'], REPO);
    assert.equal(r.status, 0);
    assert.equal(r.stdout.trim(), (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('--help prints the usage', () => {
    const r = kubeHarden(['--help'], REPO);
    assert.equal(r.status, 0);
    for (const option of ['--format', '--severity-threshold', '--rule', '--disable', '--fix', '--fix-review', '--list-rules', '--stdin-filename']) assert.ok(r.stdout.includes(option), option);
  });

  it('--rule keeps only the named rules; --disable drops them (repeatable, or comma-separated)', () => {
    const ws = fixture('workspace');
    const only = json(kubeHarden(['--format', 'json', '--rule', 'seccomp-profile', '--rule=image-tag-pinned'], ws));
    assert.deepEqual(findingKeys(only), ['latest-tag.yml image-tag-pinned', 'web/deployment.yaml seccomp-profile']);
    const off = json(kubeHarden(['--format', 'json', '--disable', 'seccomp-profile,run-as-non-root', 'web'], ws));
    assert.deepEqual(findingKeys(off), DEPLOYMENT_ONLY.filter((id) => id !== 'seccomp-profile' && id !== 'run-as-non-root').map((id) => `web/deployment.yaml ${id}`));
  });

  it('--list-rules prints a table of every rule', () => {
    const r = kubeHarden(['--list-rules'], REPO);
    assert.equal(r.status, 0);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0]!, /^RULE\s+SEVERITY\s+GUIDANCE SECTION\s+FIX$/);
    assert.match(r.stdout, /^no-privileged\s+error\s+Pod security\s+review$/m);
    assert.match(r.stdout, /^seccomp-profile\s+warning\s+Pod security\s+safe$/m);
    const json = JSON.parse(kubeHarden(['--list-rules', '--format', 'json'], REPO).stdout) as { rules: { id: string }[] };
    assert.equal(lines.length - 1, json.rules.length);
    assert.ok(json.rules.length > 50);
  });
});

describe('exit codes', () => {
  it('0 when nothing is at or above the threshold, 1 when something is', () => {
    const ws = fixture('workspace');
    // latest-tag.yml alone: information findings only.
    assert.equal(kubeHarden(['latest-tag.yml'], ws).status, 0);
    assert.equal(kubeHarden(['--severity-threshold', 'information', 'latest-tag.yml'], ws).status, 1);
    // The deployment: warnings, no error.
    assert.equal(kubeHarden(['web'], ws).status, 1);
    assert.equal(kubeHarden(['--severity-threshold=error', 'web'], ws).status, 0);
    assert.equal(kubeHarden(['--rule', 'no-privileged', 'web'], ws).status, 0);
  });

  it('0 for a folder without Kubernetes files', () => {
    const ws = fixture('workspace');
    write(ws, 'charts/values.yaml', 'replicaCount: 1\n');
    const empty = kubeHarden(['charts'], ws);
    assert.equal(empty.status, 0, empty.stderr);
    assert.match(empty.stdout, /No findings in 0 files checked/);
  });

  const usageErrors: [string[], RegExp][] = [
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['--format', 'xml'], /unknown format "xml"/],
    [['--format'], /option --format needs a value/],
    [['--severity-threshold', 'critical'], /unknown severity threshold "critical"/],
    [['--rule', 'no-such-rule'], /unknown rule id "no-such-rule" in --rule/],
    [['--disable', 'seccomp-profile,nope'], /unknown rule id "nope" in --disable/],
    [['--fix', '-'], /cannot be used with standard input/],
    [['--stdin-filename', 'x.yaml', '.'], /--stdin-filename needs "-"/],
    [['--list-rules', '--format', 'sarif'], /--list-rules prints text or json, not sarif/],
    [['--version=1'], /option --version takes no value/],
    [['no/such/file.yaml'], /cannot read "no\/such\/file.yaml": no such file or folder/],
    [['nothing/**/*.yaml'], /no YAML file matches "nothing\/\*\*\/\*.yaml"/],
    [['--rule', 'seccomp-profile', '--disable', 'seccomp-profile'], /no rule left to run/],
  ];
  for (const [args, message] of usageErrors) {
    it(`2 for a usage error: ${args.join(' ')}`, () => {
      const ws = fixture('workspace');
      const r = kubeHarden(args, ws);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(r.stdout, '');
    });
  }
});

describe('progress', () => {
  it('writes no progress line when stderr is not a terminal', () => {
    const ws = fixture('workspace');
    for (let i = 0; i < 40; i++) write(ws, `many/pod-${i}.yaml`, readFileSync(join(ws, 'latest-tag.yml'), 'utf8'));
    const r = kubeHarden(['.'], ws);
    assert.equal(r.stderr, '');
    assert.ok(!r.stdout.includes('\r'));
  });
});
