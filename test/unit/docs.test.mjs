// Generated rule docs must match the rules: regenerate with `npm run gen-docs`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { CONFIG_SCHEMA, DOCS_DIR, README, renderConfigSchema, renderDocs, renderReadme } from '../../scripts/gen-docs.mjs';

it('docs/rules is up to date with the rules (npm run gen-docs)', () => {
  const expected = renderDocs();
  assert.deepEqual(readdirSync(DOCS_DIR).sort(), [...expected.keys()].sort(), 'the same files');
  for (const [name, content] of expected) assert.equal(readFileSync(join(DOCS_DIR, name), 'utf8'), content, `docs/rules/${name} is stale`);
});

it('the README lists every rule by guidance section (npm run gen-docs)', () => {
  const readme = readFileSync(README, 'utf8');
  assert.equal(readme, renderReadme(readme), 'README.md rules section is stale');
});

it('the configuration schema is up to date with the rules (npm run gen-docs)', () => {
  assert.equal(readFileSync(CONFIG_SCHEMA, 'utf8'), renderConfigSchema(), 'schemas/kube-hardening-config.schema.json is stale');
});
