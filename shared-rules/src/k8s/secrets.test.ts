// The secret detector on its own. Credential-shaped test values are assembled at run time so that secret
// scanners run over this repository do not flag the file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasExpansion, isPlaceholder, isReferenceOrLocation, isSecretLikeName, judgeSecret, knownSecretFormat, nameParts } from './secrets.js';

const GITHUB = 'ghp_' + 'a1B2c3D4e5'.repeat(3) + 'F6g7H8';
const GITHUB_PAT = 'github_' + 'pat_' + '11ABCDEFG0' + 'x9Y8z7W6v5'.repeat(5);
const AWS = 'AKIA' + 'Q3EGRTNB7VJ2K5WZ';
const AWS_EXAMPLE = 'AKIA' + 'IOSFODNN7EXAMPLE';
const SLACK = 'xoxb-' + '2048-1024-' + 'k9ZqL3mN8pR2';
const GOOGLE = 'AIza' + 'SyD3k9ZqL3mN8pR2vT6wX1yB4cF7hJ0' + 'aBcd';
const PEM = '-----BEGIN ' + 'RSA PRIVATE KEY-----\nMIIEow…\n-----END RSA PRIVATE KEY-----\n';

describe('secret detector: names', () => {
  it('splits on _, -, . and camelCase', () => {
    assert.deepEqual(nameParts('DB_PASSWORD'), ['DB', 'PASSWORD']);
    assert.deepEqual(nameParts('dbPassword'), ['DB', 'PASSWORD']);
    assert.deepEqual(nameParts('APIKey'), ['API', 'KEY']);
    assert.deepEqual(nameParts('x-api-key.v2'), ['X', 'API', 'KEY', 'V', '2']);
    assert.deepEqual(nameParts('OAuthToken'), ['O', 'AUTH', 'TOKEN']);
  });

  it('recognises the secret words and pairs, case-insensitively', () => {
    for (const name of [
      'DB_PASSWORD', 'db-passwd', 'SMTP_PASS', 'jwtSecret', 'APP_SECRETS', 'GITHUB_TOKEN', 'refresh.tokens',
      'GOOGLE_CREDENTIALS', 'credential', 'STRIPE_APIKEY', 'apiKey', 'X_API_KEY', 'private.key', 'ssh-privatekey',
      'AWS_SECRET_ACCESS_KEY', 'accessKey', 'SECRET_KEY_BASE', 'OIDC_CLIENT_SECRET',
    ]) {
      assert.ok(isSecretLikeName(name), name);
    }
  });

  it('does not take look-alikes or descriptions of a secret for a secret', () => {
    for (const name of [
      'PASSTHROUGH', 'BYPASS_CACHE', 'COMPASS_URL', 'KEYCLOAK_REALM', 'TOKENIZER', 'API_URL', 'MONKEY',
      'DB_PASSWORD_FILE', 'TOKEN_URL', 'SECRET_NAME', 'JWT_SECRET_ALGORITHM', 'AWS_ACCESS_KEY_ID', 'SESSION_TOKEN_TTL', '',
    ]) {
      assert.ok(!isSecretLikeName(name), name);
    }
  });
});

describe('secret detector: values', () => {
  it('knows the usual placeholders', () => {
    for (const v of ['changeme', 'CHANGE_ME', 'change-it', 'replace-me', '<password>', '<your token>', 'TODO', 'todo: ask ops', 'xxx', 'XXXXXXXX', 'xxxx-xxxx-xxxx', '***', 'your-password-here', '...']) {
      assert.ok(isPlaceholder(v), v);
    }
    for (const v of ['hunter2', 'Todoist', 'xyz', 's3cr3t!', 'password']) assert.ok(!isPlaceholder(v), v);
  });

  it('knows references, locations, booleans and numbers', () => {
    for (const v of [
      '$(DB_PASSWORD)', 'Bearer $(TOKEN)', '${VAULT_TOKEN}', '{{ .Values.password }}', '/run/secrets/db-password',
      './creds.json', '../keys/id_rsa', '~/.aws/credentials', 'C:\\secrets\\token.txt', 'secrets/db.txt',
      'https://vault.internal:8200/v1/secret', 'true', 'No', '3600', '0.5',
    ]) {
      assert.ok(isReferenceOrLocation(v), v);
    }
    for (const v of ['hunter2', 'c2VjcmV0', 'postgres://app:hunter2@db:5432/shop', 'abc/def+ghi=']) assert.ok(!isReferenceOrLocation(v), v);
  });

  it('knows expansions and templates', () => {
    for (const v of ['$(DB_PASSWORD)', 'x-${TOKEN}', '{{ .Values.key }}']) assert.ok(hasExpansion(v), v);
    for (const v of ['$5 off', 'a{b}', 'p@$$w0rd']) assert.ok(!hasExpansion(v), v);
  });

  it('finds credentials in known formats anywhere in a value', () => {
    assert.equal(knownSecretFormat(PEM)?.format, 'a PEM private key');
    assert.equal(knownSecretFormat('---BEGIN OPENSSH PRIVATE KEY---')?.format, 'a PEM private key');
    assert.equal(knownSecretFormat('-----BEGIN PGP PRIVATE KEY BLOCK-----')?.format, 'a PEM private key');
    assert.equal(knownSecretFormat(`aws_access_key_id = ${AWS}`)?.format, 'an AWS access key id');
    assert.equal(knownSecretFormat(GITHUB)?.format, 'a GitHub token');
    assert.equal(knownSecretFormat(GITHUB_PAT)?.format, 'a GitHub token');
    assert.equal(knownSecretFormat(SLACK)?.format, 'a Slack token');
    assert.equal(knownSecretFormat(GOOGLE)?.format, 'a Google API key');
    assert.equal(knownSecretFormat('redis://:hunter2@cache:6379/0')?.format, 'a URL with a password');
    assert.equal(knownSecretFormat('spring.datasource.url=jdbc:postgresql://app:s3cret@db/shop')?.format, 'a URL with a password');
    assert.equal(knownSecretFormat(GITHUB)?.placeholder, false);
  });

  it('does not mistake certificates, public keys, plain URLs or expansions for credentials', () => {
    for (const v of [
      '-----BEGIN CERTIFICATE-----', '-----BEGIN PUBLIC KEY-----', 'https://user@example.com/x',
      'postgres://app:$(DB_PASSWORD)@db/shop', 'mysql://root:${MYSQL_ROOT_PASSWORD}@db', 'AKIA1234', 'ghp_short',
    ]) {
      assert.equal(knownSecretFormat(v), undefined, v);
    }
  });

  it('marks example and placeholder credentials as such', () => {
    assert.deepEqual(knownSecretFormat(AWS_EXAMPLE), { format: 'an AWS access key id', placeholder: true });
    assert.deepEqual(knownSecretFormat('postgres://app:changeme@db/shop'), { format: 'a URL with a password', placeholder: true });
    assert.deepEqual(knownSecretFormat('ghp_' + 'x'.repeat(36)), { format: 'a GitHub token', placeholder: true });
    // A real one beside a placeholder wins.
    assert.deepEqual(knownSecretFormat(`https://u:<pw>@a https://u:hunter2@b`), { format: 'a URL with a password', placeholder: false });
  });
});

describe('secret detector: verdicts', () => {
  it('a literal under a secret-like name is a secret', () => {
    assert.deepEqual(judgeSecret('DB_PASSWORD', 'hunter2'), { level: 'secret' });
    assert.deepEqual(judgeSecret('apiKey', 'c2VjcmV0LWtleQ=='), { level: 'secret' });
  });

  it('a known format is a secret whatever the name', () => {
    assert.deepEqual(judgeSecret('GIT_CONFIG', GITHUB), { level: 'secret', format: 'a GitHub token' });
    assert.deepEqual(judgeSecret(undefined, SLACK), { level: 'secret', format: 'a Slack token' });
    assert.deepEqual(judgeSecret('DATABASE_URL', 'postgres://app:hunter2@db/shop'), { level: 'secret', format: 'a URL with a password' });
  });

  it('placeholders are placeholders; references, locations, booleans, numbers and empty values are nothing', () => {
    assert.deepEqual(judgeSecret('DB_PASSWORD', 'changeme'), { level: 'placeholder' });
    assert.deepEqual(judgeSecret('AWS_ACCESS_KEY', AWS_EXAMPLE), { level: 'placeholder', format: 'an AWS access key id' });
    for (const v of ['', '  ', '$(PASSWORD)', '/etc/app/token', 'https://auth.example.com/token', 'true', '8080']) {
      assert.equal(judgeSecret('APP_TOKEN', v), undefined, v);
    }
    assert.equal(judgeSecret('LOG_LEVEL', 'debug'), undefined);
    assert.equal(judgeSecret('DATABASE_URL', 'postgres://db:5432/shop'), undefined);
  });
});
