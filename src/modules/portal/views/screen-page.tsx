// The service-hall display screen: every slide is in the HTML (so the page shows content without
// script); screen.js, when it runs, shows one slide at a time, moves on every few seconds and
// refreshes the slides from content.json — keeping the last ones whenever the network is down.
import type { PortalContext } from './portal-context.ts';
import { modeClasses } from './portal-layout.tsx';

export interface Slide {
  readonly kind: string;
  readonly heading: string;
  readonly lines: readonly { text: string; detail?: string }[];
}

export interface ScreenContent {
  readonly name: string;
  readonly title: string;
  readonly seconds: number;
  readonly slides: readonly Slide[];
}

export function ScreenPage(props: { ctx: PortalContext; content: ScreenContent; script: string }) {
  const { ctx, content } = props;
  const { t } = ctx;
  return (
    <html lang={ctx.locale} class={modeClasses(ctx.mode)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{content.title}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
        <script src={props.script} defer />
      </head>
      <body class="screen" data-screen={content.name} data-seconds={String(content.seconds)}>
        <main id="main" class="screen__main">
          <h1 class="screen__title">{content.title}</h1>
          <p class="screen__status" role="status" hidden data-offline={t('portal.screen.offline')} />
          <div class="screen__slides" aria-live="polite">
            {content.slides.length === 0 && <p class="screen__empty">{t('portal.screen.empty')}</p>}
            {content.slides.map((s, i) => (
              <section class="screen__slide" data-index={String(i)} aria-labelledby={`slide-${i}`}>
                <h2 id={`slide-${i}`}>{s.heading}</h2>
                <ul>
                  {s.lines.map((l) => (
                    <li>
                      {l.text}
                      {l.detail && <span class="screen__detail">{l.detail}</span>}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </main>
      </body>
    </html>
  );
}
