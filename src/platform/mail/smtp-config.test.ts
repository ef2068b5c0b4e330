import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../config.ts';

test('SMTP settings: unset host sends nothing; ports default by TLS mode; a from address is required', () => {
  assert.equal(loadConfig({}).smtp, undefined);
  assert.deepEqual(
    loadConfig({
      GONGKAI_SMTP_HOST: 'smtp.example.cn',
      GONGKAI_SMTP_FROM: '政务公开办 <gk@example.cn>',
      GONGKAI_SMTP_USER: 'gk',
      GONGKAI_SMTP_PASSWORD: 's3cret',
    }).smtp,
    {
      host: 'smtp.example.cn',
      port: 587,
      secure: false,
      user: 'gk',
      password: 's3cret',
      from: '政务公开办 <gk@example.cn>',
    },
  );
  assert.equal(
    loadConfig({ GONGKAI_SMTP_HOST: 'smtp.example.cn', GONGKAI_SMTP_FROM: 'gk@example.cn', GONGKAI_SMTP_SECURE: '1' })
      .smtp?.port,
    465,
  );
  assert.throws(
    () => loadConfig({ GONGKAI_SMTP_HOST: 'smtp.example.cn' }),
    (e: unknown) => e instanceof ConfigError && /GONGKAI_SMTP_FROM/.test(e.message),
  );
  assert.throws(
    () =>
      loadConfig({ GONGKAI_SMTP_HOST: 'smtp.example.cn', GONGKAI_SMTP_FROM: 'gk@example.cn', GONGKAI_SMTP_PORT: 'x' }),
    ConfigError,
  );
});
