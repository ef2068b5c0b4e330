// GONGKAI_PUBLIC_URL: the one source of the absolute addresses the platform gives out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, publicBaseUrl } from './config.ts';

test('GONGKAI_PUBLIC_URL: an http(s) address, kept without its trailing slash', () => {
  assert.equal(loadConfig({ GONGKAI_PUBLIC_URL: 'https://gk.example.gov.cn/' }).publicUrl, 'https://gk.example.gov.cn');
  assert.equal(
    loadConfig({ GONGKAI_PUBLIC_URL: 'https://www.example.gov.cn/gongkai' }).publicUrl,
    'https://www.example.gov.cn/gongkai',
  );
  assert.equal(loadConfig({}).publicUrl, undefined);
  for (const bad of [
    'gk.example.gov.cn',
    'ftp://gk.example.gov.cn',
    'https://u:p@gk.example.gov.cn',
    'https://gk.example.gov.cn/?a=1',
    'javascript:alert(1)',
  ]) {
    assert.throws(
      () => loadConfig({ GONGKAI_PUBLIC_URL: bad }),
      (err: unknown) => {
        return (
          err instanceof ConfigError &&
          err.problems.length === 1 &&
          err.problems[0]!.startsWith('GONGKAI_PUBLIC_URL must be')
        );
      },
      bad,
    );
  }
});

test('without it, the configured listen address (never a request header)', () => {
  assert.equal(publicBaseUrl({ publicUrl: undefined, host: '127.0.0.1', port: 3000 }), 'http://localhost:3000');
  assert.equal(publicBaseUrl({ publicUrl: undefined, host: '0.0.0.0', port: 8080 }), 'http://localhost:8080');
  assert.equal(publicBaseUrl({ publicUrl: undefined, host: '10.1.2.3', port: 80 }), 'http://10.1.2.3:80');
  assert.equal(publicBaseUrl({ publicUrl: undefined, host: 'fd00::5', port: 3000 }), 'http://[fd00::5]:3000');
  assert.equal(
    publicBaseUrl({ publicUrl: 'https://gk.example.gov.cn', host: '0.0.0.0', port: 3000 }),
    'https://gk.example.gov.cn',
  );
});
