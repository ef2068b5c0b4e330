// The citizen's side of the mailbox, as one route plugin, one job and one start-page panel for the
// module's definition: the letter form and tracking, the 互动交流 column, the rating link, and the
// writers' ratings the disclosure office decides on. A letter is received by the module's core
// (mailbox.service.ts), so these pages follow whatever the core records on receipt.
import type { FastifyInstance } from 'fastify';
import { publicBaseUrl } from '../../config.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { powSecret, type PowOptions } from '../../platform/pow.ts';
import type { BackgroundJob } from '../../platform/http/background-job.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createLetterService } from './letter.service.ts';
import { createMailboxService } from './mailbox.service.ts';
import { letterRoutes } from './letter.routes.tsx';
import { answerRoutes } from './answers.routes.tsx';
import { ratingRoutes } from './rating.routes.tsx';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { reachOf } from '../../platform/reach.ts';
import { letterStore } from './letter.store.ts';
import { isRating, type Rating } from './rating.ts';
import { WriterRatingsPanel, type AwaitingCallback } from './views/ratings-panel.tsx';

function letterService(app: FastifyInstance) {
  const { config } = app.deps;
  const keys = resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir);
  const vault = createVault(config.personalDataCipher, keys);
  return { keys, vault, service: createLetterService(vault, createMailboxService(vault), publicBaseUrl(config)) };
}

export async function letterPortalRoutes(app: FastifyInstance): Promise<void> {
  const { keys, vault, service } = letterService(app);
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
}

/** Tells writers of newly answered letters, with the rating link (letter.service.ts notifyDue). */
export function answeredLettersJob(app: FastifyInstance): BackgroundJob {
  const { service } = letterService(app);
  return {
    name: 'mailbox answered letters',
    intervalMs: 60_000,
    runOnListen: true,
    run: async () => {
      const sent = await service.notifyDue(app.deps.database.db, systemContext);
      return sent ? { sent } : undefined;
    },
  };
}

// The writers' ratings of the office's answered letters still awaiting the callback, on the
// console's start page (left out when none): a dissatisfied writer's comment is what the office
// reads before it records the callback or sends the letter back to be redone.
export const writerRatingsPanel: DashboardPanel<readonly AwaitingCallback[]> = {
  id: 'mailbox.writer_ratings',
  policy: 'mailbox.manage',
  order: 9,
  async load(db, actor) {
    const rows = await letterStore.ratingsAwaitingCallback(db, reachOf(actor, ['disclosure_officer']));
    const shown = rows
      .filter((r) => isRating(r.rating))
      .map((r) => ({
        id: Number(r.id),
        subject: r.subject,
        rating: r.rating as Rating,
        comment: r.comment,
        ratedOn: r.rated_on,
      }))
      .sort((a, b) => Number(b.rating === 'dissatisfied') - Number(a.rating === 'dissatisfied'));
    return shown.length ? shown : null;
  },
  render: (ctx, rows) => <WriterRatingsPanel ctx={ctx} rows={rows} />,
};
