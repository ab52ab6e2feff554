import { createHash } from 'node:crypto';
import type { HallProfile } from '@yichuang/protocol';
import type { CityDb, Queryable } from '../city-db.ts';
import { localTime } from '../console/hall-hours.ts';
import { CHANNELS, GRADES, reasonOf } from './haocha-map.ts';

export const DEFAULT_BATCH_SIZE = 500;
export const MAX_BATCH_SIZE = 5000;

/** One rating as the platform gets it (HAOCHA.md, 字段). No names, no ID numbers, no phones. */
export interface HaochaRecord {
  /** Unique and stable: `hallId-seq` (the seq of the rating's event in the hall's log). */
  evaluationId: string;
  hallId: string;
  hallName: string;
  windowId: string;
  officerId: string;
  ticketNumber: string;
  serviceId: string;
  serviceName: string;
  /** Local time of the rating, ISO 8601 with the hall's offset. */
  evaluatedAt: string;
  grade: string;
  gradeText: string;
  reasonCode: string | null;
  reasonText: string | null;
  reasonNote: string | null;
  channel: string;
  channelText: string;
}

export interface HaochaBatch {
  batchId: string;
  createdAt: string;
  count: number;
  records: HaochaRecord[];
}

/** ISO 8601 in the hall's zone with its offset (Asia/Shanghai: +08:00). */
function isoLocal(at: number, timeZone: string): string {
  const t = localTime(at, timeZone);
  const secs = new Intl.DateTimeFormat('en-GB', { timeZone, second: '2-digit' }).format(at).padStart(2, '0');
  const offsetMin = Math.round((Date.parse(`${t.day}T${t.hhmm}:${secs}Z`) - Math.floor(at / 1000) * 1000) / 60_000);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${t.day}T${t.hhmm}:${secs}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Builds the next batch in one transaction: the oldest ratings in no batch yet, at most `size`; stores
 * the body and marks its ratings. Null when every rating is in a batch already.
 */
export async function buildBatch(db: CityDb, now: number, size = DEFAULT_BATCH_SIZE): Promise<HaochaBatch | null> {
  return db.transaction(async (tx) => {
    // One builder at a time, whichever process (a second one waits, then finds the ratings taken).
    await tx.query('LOCK TABLE haocha_items IN EXCLUSIVE MODE');
    const rows = await tx.query<{
      hall_id: string;
      seq: number;
      level: number;
      reason: string | null;
      via: string;
      window_id: string;
      officer_id: string;
      at: number;
      number: string | null;
      service_id: string | null;
    }>(
      `SELECT r.hall_id, r.seq, r.level, r.reason, r.via, r.window_id, r.officer_id, r.at, t.number, t.service_id
         FROM city_ratings r
         LEFT JOIN haocha_items i ON i.hall_id = r.hall_id AND i.seq = r.seq
         LEFT JOIN city_tickets t ON t.hall_id = r.hall_id AND t.ticket_id = r.ticket_id
        WHERE i.seq IS NULL
        ORDER BY r.at, r.hall_id, r.seq
        LIMIT $1`,
      [Math.min(Math.max(1, size), MAX_BATCH_SIZE)],
    );
    if (rows.length === 0) return null;
    const profiles = await profilesOf(tx, [...new Set(rows.map((r) => r.hall_id))]);
    const records = rows.map((r): HaochaRecord => {
      const p = profiles.get(r.hall_id);
      const reason = reasonOf(r.reason);
      const grade = GRADES[r.level] ?? GRADES[3]!;
      const channel = CHANNELS[r.via] ?? CHANNELS.rater!;
      return {
        evaluationId: `${r.hall_id}-${r.seq}`,
        hallId: r.hall_id,
        hallName: p?.name ?? r.hall_id,
        windowId: r.window_id,
        officerId: r.officer_id,
        ticketNumber: r.number ?? '',
        serviceId: r.service_id ?? '',
        serviceName: p?.services.find((s) => s.id === r.service_id)?.name ?? '',
        evaluatedAt: isoLocal(r.at, p?.timezone ?? 'Asia/Shanghai'),
        grade: grade.code,
        gradeText: grade.text,
        reasonCode: reason?.code ?? null,
        reasonText: reason?.text ?? null,
        reasonNote: reason === null || reason.note === '' ? null : reason.note,
        channel: channel.code,
        channelText: channel.text,
      };
    });
    const digest = createHash('sha256').update(JSON.stringify(records)).digest('hex');
    const batch: HaochaBatch = {
      batchId: `HC${isoLocal(now, 'Asia/Shanghai').slice(0, 10).replace(/-/g, '')}-${digest.slice(0, 12)}`,
      createdAt: isoLocal(now, 'Asia/Shanghai'),
      count: records.length,
      records,
    };
    const body = JSON.stringify(batch);
    await tx.query(
      `INSERT INTO haocha_batches (id, created_at, count, body, sha256, status, first_id, last_id)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7)`,
      [
        batch.batchId,
        now,
        batch.count,
        body,
        createHash('sha256').update(body).digest('hex'),
        records[0]?.evaluationId ?? null,
        records.at(-1)?.evaluationId ?? null,
      ],
    );
    await tx.query(
      `INSERT INTO haocha_items (hall_id, seq, batch_id)
       SELECT x.hall_id, x.seq, $1 FROM jsonb_to_recordset($2::jsonb) AS x(hall_id text, seq bigint)`,
      [batch.batchId, JSON.stringify(rows.map((r) => ({ hall_id: r.hall_id, seq: r.seq })))],
    );
    return batch;
  });
}

async function profilesOf(db: Queryable, hallIds: string[]): Promise<Map<string, HallProfile>> {
  const rows = await db.query<{ hall_id: string; profile: HallProfile }>(
    'SELECT hall_id, profile FROM city_hall_profiles WHERE hall_id = ANY($1::text[])',
    [hallIds],
  );
  return new Map(rows.map((r) => [r.hall_id, r.profile]));
}

const CSV_HEAD: (keyof HaochaRecord)[] = [
  'evaluationId',
  'hallId',
  'hallName',
  'windowId',
  'officerId',
  'ticketNumber',
  'serviceId',
  'serviceName',
  'evaluatedAt',
  'grade',
  'gradeText',
  'reasonCode',
  'reasonText',
  'reasonNote',
  'channel',
  'channelText',
];

/** The same batch as CSV (UTF-8 with BOM), one rating a row, the field names of the JSON as headers. */
export function batchCsv(batch: HaochaBatch): string {
  const cell = (v: string | null): string => {
    const s = v ?? '';
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [CSV_HEAD.join(','), ...batch.records.map((r) => CSV_HEAD.map((k) => cell(r[k])).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
