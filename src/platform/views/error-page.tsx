/**
 * ErrorPage — 403, 404 and 500 for the console and the portal. Never shows a stack trace; the
 * 500 page shows the request id so that an operator can find the log line.
 */
import type { ViewContext } from './context.ts';
import { Layout } from './layout.tsx';

export function ErrorPage(props: { ctx: ViewContext; status: number; title: string; hint: string }) {
  return (
    <Layout ctx={props.ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p class="lead">{props.hint}</p>
      <p>
        <a href={props.ctx.actor ? '/admin' : '/'}>{props.ctx.t('error.back_home')}</a>
      </p>
      <p class="muted">HTTP {props.status}</p>
    </Layout>
  );
}
