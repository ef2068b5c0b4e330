// Boot: configuration → database → migrations → first-run bootstrap → HTTP server.
import { loadConfig, ConfigError, publicBaseUrl, type Config } from './config.ts';
import { connect } from './db/connect.ts';
import { prepareDatabase } from './prepare.ts';
import { buildApp } from './app.ts';
import { ValidationError } from './platform/errors.ts';
import { bootstrap } from './bootstrap.ts';
import { configureAudit } from './platform/audit/audit.ts';
import { resolveAuditKey } from './platform/crypto/keys.ts';

export async function serve(config: Config): Promise<void> {
  const database = connect(config);
  // Before anything is written: the start-up steps and the first-run bootstrap record audit events,
  // which must be chained with the configured algorithm and key like every later one.
  configureAudit({ algorithm: config.auditHash, key: resolveAuditKey(config) });
  await prepareDatabase(database, config);
  const first = await bootstrap(config, database, { demo: config.demo });
  const app = await buildApp(config, database);
  if (!config.publicUrl)
    app.log.warn(
      `GONGKAI_PUBLIC_URL is not set: the sitemap, feeds, API and CSV exports give addresses under ${publicBaseUrl(config)}. Set it to the portal's public address (e.g. https://gk.example.gov.cn).`,
    );
  if (first.adminPassword) {
    // Printed once, on purpose outside the JSON log, so that it is not shipped to log storage.
    process.stdout.write(
      `\n初始管理员 / initial administrator: admin\n密码 / password: ${first.adminPassword}\n(also written to ${first.passwordFile}; change it at first sign-in)\n` +
        (first.demo
          ? `演示数据已载入 / demo data loaded: every demo user (see README) has this password too.\n\n`
          : '\n'),
    );
  }
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
}

/** `npm start` (bin/start.mjs) and `node src/main.ts`: serve, or one line on stderr and an exit code. */
export async function runServer(argv: readonly string[]): Promise<void> {
  try {
    const noDemo = argv.includes('--no-demo');
    await serve(loadConfig(process.env, noDemo ? { demo: false } : {}));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`gongkai: ${error.message}\n`);
      process.exit(2);
    }
    // A refused setting (e.g. GONGKAI_ADMIN_PASSWORD on the common-password list) says what to fix.
    const reason =
      error instanceof ValidationError
        ? error.issues.map((i) => `${i.field}: ${i.message.zh} / ${i.message.en}`).join('; ')
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`gongkai: could not start: ${reason}\n`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runServer(process.argv.slice(2));
