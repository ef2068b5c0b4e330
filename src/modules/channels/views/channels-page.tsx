/**
 * ChannelsPage({ ctx, year, counts, recent, issues, values, canRecord, saved? }) — the year's
 * publications per channel (website items each once, the total of all channels), the recent
 * records, and for the disclosure office the form to record a publication on a channel that is
 * not a website.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { YearFilter } from '../../../platform/views/year-filter.tsx';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitRow,
  TableWrap,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { channels, websiteChannels } from '../channels.ts';
import type { ChannelPublicationItem, ChannelYearCounts } from '../channels.presenter.ts';

export function ChannelsPage(props: {
  ctx: ViewContext;
  year: number;
  counts: ChannelYearCounts;
  recent: readonly ChannelPublicationItem[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  canRecord: boolean;
  saved?: boolean;
}) {
  const { ctx, counts, issues } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('channels.title')} wide>
      <h1>{t('channels.title')}</h1>
      <p class="lead">{t('channels.lead')}</p>
      {props.saved && <Notice kind="success">{t('channels.saved')}</Notice>}
      <YearFilter ctx={ctx} action="/admin/channels" year={props.year} label={t('channels.year')} />
      <ChannelCounts ctx={ctx} year={props.year} counts={counts} />
      {props.canRecord && <RecordForm ctx={ctx} issues={issues} values={props.values} />}
      <RecentRecords ctx={ctx} recent={props.recent} />
    </Layout>
  );
}

/** The year's publications per channel: website items each once, and the total of all channels. */
function ChannelCounts(props: { ctx: ViewContext; year: number; counts: ChannelYearCounts }) {
  const { ctx, counts } = props;
  const { t } = ctx;
  return (
    <>
      <TableWrap ctx={ctx}>
        <table class="table">
          <caption>
            {t('channels.title')}（{props.year}）
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('channels.field.channel')}</th>
              <th scope="col">{t('channels.count')}</th>
            </tr>
          </thead>
          <tbody>
            {channels.map((c) => (
              <tr>
                <td>{t(`channel.${c}`)}</td>
                <td>{counts.byChannel[c]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('channels.website_items')}</th>
              <td>{counts.websiteItems}</td>
            </tr>
            <tr>
              <th scope="row">{t('channels.total')}</th>
              <td>
                <strong>{counts.total}</strong>
              </td>
            </tr>
          </tbody>
        </table>
      </TableWrap>
      {counts.overlap > 0 && (
        <p class="muted" data-note="overlap">
          {t('channels.overlap_note', {
            rows: counts.rowsSum,
            overlap: counts.overlap,
            websiteItems: counts.websiteItems,
          })}
        </p>
      )}
    </>
  );
}

/** The disclosure office's form to record a publication on a channel that is not a website. */
function RecordForm(props: { ctx: ViewContext; issues: readonly ValidationIssue[]; values: Record<string, string> }) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="add">{t('channels.add')}</h2>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/admin/channels" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="channel"
          label={t('channels.field.channel')}
          value={props.values.channel ?? ''}
          issues={issues}
          required
          options={[
            { value: '', label: t('pub.choose') },
            ...channels
              .filter((c) => !websiteChannels.includes(c))
              .map((c) => ({ value: c, label: t(`channel.${c}`) })),
          ]}
        />
        <TextField
          ctx={ctx}
          name="published_on"
          label={t('channels.field.published_on')}
          value={props.values.published_on}
          issues={issues}
          type="date"
          width="short"
          required
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('channels.field.title')}
          value={props.values.title}
          issues={issues}
          required
        />
        <TextField
          ctx={ctx}
          name="item_id"
          label={t('channels.field.item_id')}
          value={props.values.item_id}
          issues={issues}
          width="short"
        />
        <TextField ctx={ctx} name="note" label={t('channels.field.note')} value={props.values.note} issues={issues} />
        <SubmitRow ctx={ctx} />
      </form>
    </>
  );
}

/** The most recent publications recorded on any channel. */
function RecentRecords(props: { ctx: ViewContext; recent: readonly ChannelPublicationItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2>{t('channels.recent')}</h2>
      <TableWrap ctx={ctx}>
        <table class="table">
          <caption class="visually-hidden">{t('channels.recent')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('channels.field.published_on')}</th>
              <th scope="col">{t('channels.field.channel')}</th>
              <th scope="col">{t('channels.field.title')}</th>
            </tr>
          </thead>
          <tbody>
            {props.recent.map((r) => (
              <tr>
                <td>{r.publishedOn}</td>
                <td>{t(`channel.${r.channel}`)}</td>
                <td>{r.itemId ? <a href={`/admin/items/${r.itemId}`}>{r.title}</a> : r.title}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
