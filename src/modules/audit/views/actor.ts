import type { ViewContext } from '../../../platform/views/context.ts';
import { systemContext } from '../../../platform/audit/audit.ts';

/** Who acted, as the log shows it: a person by the name recorded then; work no person did (jobs,
 *  the demo loader, the command line) as "系统" rather than the code it is recorded under. */
export function actorName(t: ViewContext['t'], row: { actor_user_id: number | null; actor_name: string }): string {
  return row.actor_user_id === systemContext.actorUserId && row.actor_name === systemContext.actorName
    ? t('audit.system_actor')
    : row.actor_name;
}
