import type { ViewContext } from '../../../platform/views/context.ts';
import type { AuditActor } from '../audit.presenter.ts';

/** Who acted, as the log shows it: a person by the name recorded then; the system as "系统". */
export function actorName(t: ViewContext['t'], actor: AuditActor): string {
  return actor.system ? t('audit.system_actor') : actor.name;
}
