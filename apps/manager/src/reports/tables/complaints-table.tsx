import type { ReactElement } from 'react';
import { complaintChannelNames, complaintChannels, type ComplaintTotals, type HallReport } from '@yichuang/protocol';
import { makeStrings, type Lang } from '../../shell/make-strings.ts';

/** 投诉与回访 in the report (issue 17): its own strings, kept apart from the report's table. */
export const ct = makeStrings(
  {
    title: '投诉与回访',
    note: '按收到日期统计；已办结、未办结为当前状态',
    received: '收到投诉',
    closed: '已办结',
    open: '未办结',
    followUps: '差评回访',
    fuClosed: '已整改',
    fuOpen: '未整改',
    byChannel: '按渠道',
    byWindow: '按窗口',
    byOfficer: '按民警',
    none: '无',
  },
  {
    title: 'Complaints & follow-ups',
    note: 'By the day received; closed and open as they stand now',
    received: 'Received',
    closed: 'Closed',
    open: 'Open',
    followUps: 'Low-rating follow-ups',
    fuClosed: 'Closed',
    fuOpen: 'Open',
    byChannel: 'By channel',
    byWindow: 'By window',
    byOfficer: 'By officer',
    none: 'None',
  },
);

function Breakdown(p: { lang: Lang; title: string; rows: [string, number][]; testId: string }): ReactElement {
  return (
    <div className="r-cp__group" data-testid={p.testId}>
      <div className="m-muted">{p.title}</div>
      {p.rows.length === 0 ? (
        <span className="m-muted">{ct(p.lang, 'none')}</span>
      ) : (
        <ul className="r-cp__list">
          {p.rows.map(([name, n]) => (
            <li key={name}>
              <span>{name}</span>
              <b className="m-num">{n}</b>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Counts of complaints (received, closed, open) and their spread; follow-ups of low ratings. Names never. */
export function ComplaintsTable(p: { lang: Lang; report: HallReport; totals: ComplaintTotals }): ReactElement {
  const { lang, report, totals: c } = p;
  const windows = new Map(report.windows.map((w) => [w.id, w.name]));
  const officers = new Map(report.officers.map((o) => [o.id, o.name]));
  const figure = (key: Parameters<typeof ct>[1], n: number, tone = ''): ReactElement => (
    <div className={`r-cp__figure ${tone}`} data-testid={`cp-${key}`}>
      <b className="m-num">{n}</b>
      <span className="m-muted">{ct(lang, key)}</span>
    </div>
  );
  return (
    <div className="r-cp">
      <div className="r-cp__figures">
        {figure('received', c.received)}
        {figure('closed', c.closed)}
        {figure('open', c.open, c.open > 0 ? 'r-cp__figure--warn' : '')}
        {figure('followUps', c.followUps.opened)}
        {figure('fuClosed', c.followUps.closed)}
        {figure('fuOpen', c.followUps.open, c.followUps.open > 0 ? 'r-cp__figure--warn' : '')}
      </div>
      <div className="r-cp__groups">
        <Breakdown
          lang={lang}
          title={ct(lang, 'byChannel')}
          testId="cp-by-channel"
          rows={complaintChannels
            .filter((ch) => c.byChannel[ch] > 0)
            .map((ch) => [complaintChannelNames[ch][lang], c.byChannel[ch]])}
        />
        <Breakdown
          lang={lang}
          title={ct(lang, 'byWindow')}
          testId="cp-by-window"
          rows={c.byWindow.map((w) => [windows.get(w.id) ?? w.id, w.count])}
        />
        <Breakdown
          lang={lang}
          title={ct(lang, 'byOfficer')}
          testId="cp-by-officer"
          rows={c.byOfficer.map((o) => [officers.get(o.id) ?? o.id, o.count])}
        />
      </div>
    </div>
  );
}
