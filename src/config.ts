// The environment is parsed once at start-up; every problem is listed together so an operator
// fixes a deployment in one round, and the result is frozen so nothing mutates it later.
import { relative, resolve } from 'node:path';
import { defaultKeyDir } from './platform/crypto/keys.ts';

export type AuditHash = 'sha256' | 'sm3';
export type PersonalDataCipher = 'aes-256-gcm' | 'sm4';

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  /** Keys (personal data, audit chain) and the audit anchors: outside the data directory and the
   *  database (GONGKAI_KEY_DIR; by default `<data dir>-keys`, i.e. ./data-keys). */
  readonly keyDir: string;
  /** How often the server anchors the audit chain's head outside the database (minutes). */
  readonly auditAnchorMinutes: number;
  /** postgres://… when set; otherwise the embedded SQLite file under dataDir */
  readonly databaseUrl: string | undefined;
  readonly demo: boolean;
  readonly adminPassword: string | undefined;
  readonly logLevel: string;
  /** Set when the platform sits behind HTTPS (directly or via a proxy): cookies become Secure. */
  readonly secureCookies: boolean;
  readonly trustProxy: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteHours: number;
  readonly lockoutThreshold: number;
  readonly lockoutMinutes: number;
  readonly auditHash: AuditHash;
  /** The audit chain's HMAC key when set (GONGKAI_AUDIT_KEY); otherwise one is generated into the
   *  key directory at first start (resolveAuditKey), so the chain is keyed by default. */
  readonly auditKey: string | undefined;
  readonly personalDataCipher: PersonalDataCipher;
  readonly personalDataKeys: readonly string[];
  readonly defaultLocale: 'zh-CN' | 'en';
  /** Largest accepted uploaded file, in bytes (GONGKAI_UPLOAD_MAX_BYTES). */
  readonly uploadMaxBytes: number;
  /** Largest total of the files in one upload request, in bytes. */
  readonly uploadMaxRequestBytes: number;
  /** Most files in one upload request. */
  readonly uploadMaxFiles: number;
  /** Outgoing mail (reminders); undefined when GONGKAI_SMTP_HOST is unset: nothing is sent. */
  readonly smtp: SmtpConfig | undefined;
  /** Text messages to applicants (GONGKAI_SMS_GATEWAY): the logging gateway unless configured. */
  readonly sms: SmsConfig;
  /** Leading zero bits the public forms' proof-of-work asks for (GONGKAI_POW_DIFFICULTY). */
  readonly powDifficulty: number;
  /** URLs per sitemap file (GONGKAI_SITEMAP_URL_LIMIT; the protocol's maximum, 50,000, by default): beyond it /sitemap.xml is an index. */
  readonly sitemapUrlLimit: number;
  /** The portal's public address (GONGKAI_PUBLIC_URL, no trailing slash), for the absolute URLs of
   *  the sitemap, feeds, API and CSV; see publicBaseUrl for what is used without it. */
  readonly publicUrl: string | undefined;
  /** The agency the portal's guide and application form open on (GONGKAI_PORTAL_AGENCY, an agency
   *  code); unset: the agency with the most public items. */
  readonly portalAgency: string | undefined;
}

export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly from: string;
}

/** `log` writes each message to the server log and keeps it in the outbox (the default: nothing
 *  leaves the machine); `webhook` POSTs it as JSON to the operator's SMS service. */
export type SmsConfig =
  | { readonly gateway: 'log' }
  | { readonly gateway: 'webhook'; readonly url: string; readonly token: string | undefined };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration error: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export const DEFAULT_POW_DIFFICULTY = 16;
export const MIN_POW_DIFFICULTY = 8;
export const MAX_POW_DIFFICULTY = 24;

function intSetting(env: Env, name: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) {
    problems.push(`${name} must be a whole number between ${min} and ${max}, got "${raw}"`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min || value > max) problems.push(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolSetting(env: Env, name: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  problems.push(`${name} must be 1 or 0 (true/false), got "${raw}"`);
  return fallback;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  return fallback;
}

function smtpSetting(env: Env, problems: string[]): SmtpConfig | undefined {
  const host = env.GONGKAI_SMTP_HOST;
  if (!host) return undefined;
  const secure = boolSetting(env, 'GONGKAI_SMTP_SECURE', false, problems);
  const from = env.GONGKAI_SMTP_FROM ?? '';
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(from) && !/<[^\s@<>]+@[^\s@<>]+>$/.test(from))
    problems.push(
      'GONGKAI_SMTP_FROM must be an e-mail address (optionally "Name <address>") when GONGKAI_SMTP_HOST is set',
    );
  return {
    host,
    port: intSetting(env, 'GONGKAI_SMTP_PORT', secure ? 465 : 587, 1, 65535, problems),
    secure,
    user: env.GONGKAI_SMTP_USER || undefined,
    password: env.GONGKAI_SMTP_PASSWORD || undefined,
    from,
  };
}

function smsSetting(env: Env, problems: string[]): SmsConfig {
  const gateway = oneOf(env, 'GONGKAI_SMS_GATEWAY', ['log', 'webhook'] as const, 'log', problems);
  if (gateway === 'log') return { gateway };
  const url = env.GONGKAI_SMS_WEBHOOK_URL ?? '';
  if (!/^https?:\/\/[^\s]+$/.test(url))
    problems.push('GONGKAI_SMS_WEBHOOK_URL must be an http(s) URL when GONGKAI_SMS_GATEWAY is webhook');
  return { gateway, url, token: env.GONGKAI_SMS_WEBHOOK_TOKEN || undefined };
}

function publicUrlSetting(env: Env, problems: string[]): string | undefined {
  const raw = env.GONGKAI_PUBLIC_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    problems.push(
      `GONGKAI_PUBLIC_URL must be the portal's address, http(s)://host[:port][/path] without query or credentials, got "${raw}"`,
    );
    return undefined;
  }
  return url.href.replace(/\/+$/, '');
}

/** The base of every absolute URL the platform gives out. Never the request's Host header: a
 *  forged one would put an attacker's address into feeds, the sitemap and cached pages. Without
 *  GONGKAI_PUBLIC_URL it is the configured listen address (http://localhost:PORT when listening
 *  on a loopback or every interface), which is right for a single machine and the demo, and
 *  which the server warns about at start for anything else. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  if (config.publicUrl) return config.publicUrl;
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', ''].includes(config.host);
  const host = local ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  return `http://${host}:${config.port}`;
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  }
  const adminPassword = env.GONGKAI_ADMIN_PASSWORD || undefined;
  const keys = (env.GONGKAI_DATA_KEYS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const key of keys) {
    if (!/^[0-9a-fA-F]{64}$/.test(key))
      problems.push('GONGKAI_DATA_KEYS must be a comma-separated list of 64-hex-digit (256-bit) keys, newest first');
  }
  const dataDir = resolve(overrides.dataDir ?? (env.GONGKAI_DATA_DIR || 'data'));
  const keyDir = resolve(env.GONGKAI_KEY_DIR || defaultKeyDir(dataDir));
  const inside = relative(dataDir, keyDir);
  if (!inside.startsWith('..') && !inside.startsWith('/'))
    problems.push(
      `GONGKAI_KEY_DIR (${keyDir}) must not be the data directory or inside it (${dataDir}): keys must not travel with the data`,
    );
  const config: Config = {
    host: env.HOST || '127.0.0.1',
    port: intSetting(env, 'PORT', 3000, 0, 65535, problems),
    dataDir,
    keyDir,
    auditAnchorMinutes: intSetting(env, 'GONGKAI_AUDIT_ANCHOR_MINUTES', 5, 1, 24 * 60, problems),
    databaseUrl,
    demo: boolSetting(env, 'GONGKAI_DEMO', true, problems),
    adminPassword,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
      problems,
    ),
    secureCookies: boolSetting(env, 'GONGKAI_SECURE_COOKIES', false, problems),
    trustProxy: boolSetting(env, 'GONGKAI_TRUST_PROXY', false, problems),
    sessionIdleMinutes: intSetting(env, 'GONGKAI_SESSION_IDLE_MINUTES', 30, 1, 24 * 60, problems),
    sessionAbsoluteHours: intSetting(env, 'GONGKAI_SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 7, problems),
    lockoutThreshold: intSetting(env, 'GONGKAI_LOCKOUT_THRESHOLD', 20, 1, 100, problems),
    lockoutMinutes: intSetting(env, 'GONGKAI_LOCKOUT_MINUTES', 15, 1, 24 * 60, problems),
    auditHash: oneOf(env, 'GONGKAI_AUDIT_HASH', ['sha256', 'sm3'] as const, 'sha256', problems),
    auditKey: env.GONGKAI_AUDIT_KEY || undefined,
    personalDataCipher: oneOf(env, 'GONGKAI_DATA_CIPHER', ['aes-256-gcm', 'sm4'] as const, 'aes-256-gcm', problems),
    personalDataKeys: keys,
    defaultLocale: oneOf(env, 'GONGKAI_LOCALE', ['zh-CN', 'en'] as const, 'zh-CN', problems),
    uploadMaxBytes: intSetting(env, 'GONGKAI_UPLOAD_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024, problems),
    uploadMaxRequestBytes: intSetting(
      env,
      'GONGKAI_UPLOAD_MAX_REQUEST_BYTES',
      50 * 1024 * 1024,
      1024,
      4 * 1024 * 1024 * 1024,
      problems,
    ),
    uploadMaxFiles: intSetting(env, 'GONGKAI_UPLOAD_MAX_FILES', 10, 1, 100, problems),
    smtp: smtpSetting(env, problems),
    sms: smsSetting(env, problems),
    // 16 bits take a phone about a second. Below 8 the check stops slowing a script at all, above
    // 24 an old phone works for minutes: both are refused rather than silently clamped.
    powDifficulty: intSetting(
      env,
      'GONGKAI_POW_DIFFICULTY',
      DEFAULT_POW_DIFFICULTY,
      MIN_POW_DIFFICULTY,
      MAX_POW_DIFFICULTY,
      problems,
    ),
    sitemapUrlLimit: intSetting(env, 'GONGKAI_SITEMAP_URL_LIMIT', 50_000, 10, 50_000, problems),
    publicUrl: publicUrlSetting(env, problems),
    portalAgency: env.GONGKAI_PORTAL_AGENCY?.trim() || undefined,
    ...overrides,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}
