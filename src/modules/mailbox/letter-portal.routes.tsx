// The citizen's side of the mailbox, as one route plugin and one job for the module's definition:
// the letter form and tracking, the 互动交流 column, and the rating link. The core's reception of
// a letter is handed in, so that these pages follow whatever the core records on receipt.
import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../config.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { powSecret, type PowOptions } from '../../platform/pow.ts';
import type { BackgroundJob } from '../../platform/http/background-job.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createLetterService, type ReceiveLetter } from './letter.service.ts';
import { letterRoutes } from './letter.routes.tsx';
import { answerRoutes } from './answers.routes.tsx';
import { ratingRoutes } from './rating.routes.tsx';

function letterService(app: FastifyInstance, receiveLetter: ReceiveLetter) {
  const { config } = app.deps;
  const keys = resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir);
  const vault = createVault(config.personalDataCipher, keys);
  return { keys, vault, service: createLetterService(vault, receiveLetter, publicBaseUrl(config)) };
}

export function letterPortalRoutes(receiveLetter: ReceiveLetter) {
  return async (app: FastifyInstance): Promise<void> => {
    const { keys, vault, service } = letterService(app, receiveLetter);
    // The application form's settings: the same difficulty, a long form's half hour.
    const pow: PowOptions = {
      secret: powSecret(keys[0]!),
      difficulty: app.deps.config.powDifficulty,
      ttlSeconds: 30 * 60,
      minSecondsForQuestion: 3,
    };
    letterRoutes(app, service, vault, pow);
    answerRoutes(app, vault, publicBaseUrl(app.deps.config));
    ratingRoutes(app, service);
  };
}

/** Tells writers of newly answered letters, with the rating link (letter.service.ts notifyDue). */
export function answeredLettersJob(receiveLetter: ReceiveLetter) {
  return (app: FastifyInstance): BackgroundJob => {
    const { service } = letterService(app, receiveLetter);
    return {
      name: 'mailbox answered letters',
      intervalMs: 60_000,
      runOnListen: true,
      run: async () => {
        const sent = await service.notifyDue(app.deps.database.db, systemContext);
        return sent ? { sent } : undefined;
      },
    };
  };
}
