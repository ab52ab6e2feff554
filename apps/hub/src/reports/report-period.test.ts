import { describe, expect, it } from 'vitest';
import { parseDailyQuery, parseRangeQuery, reportPeriod } from './report-period.ts';
import { csvCell, reportCsv } from './report-csv.ts';

describe('report periods and queries', () => {
  it('a period runs from local midnight to local midnight', () => {
    const p = reportPeriod('Asia/Shanghai', '2026-11-23', '2026-11-24');
    expect(p.days).toEqual(['2026-11-23', '2026-11-24']);
    expect(p.start).toBe(Date.UTC(2026, 10, 22, 16, 0));
    expect(p.end).toBe(Date.UTC(2026, 10, 24, 16, 0));
  });

  it('daily: today by default, json by default', () => {
    expect(parseDailyQuery({}, '2026-11-23')).toEqual({
      ok: true,
      data: { from: '2026-11-23', to: '2026-11-23', format: 'json' },
    });
    expect(parseDailyQuery({ date: '2026-02-28', format: 'xlsx' }, '2026-11-23')).toMatchObject({
      data: { from: '2026-02-28', format: 'xlsx' },
    });
  });

  it.each([
    [{ date: '2026-13-01' }, 'date'],
    [{ date: '2026-02-30' }, 'date'],
    [{ date: '23.11.2026' }, 'date'],
    [{ date: ['2026-11-23', '2026-11-24'] }, 'date'],
    [{ format: 'pdf' }, 'format'],
  ])('daily refuses %j', (query, field) => {
    const res = parseDailyQuery(query, '2026-11-23');
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', field } });
    expect(res.ok ? '' : res.error.message).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
  });

  it('range: at most 92 days, from not after to, both given', () => {
    expect(parseRangeQuery({ from: '2026-09-01', to: '2026-12-01' })).toMatchObject({ ok: true });
    expect(parseRangeQuery({ from: '2026-09-01', to: '2026-12-02' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('at most 92 days, asked for 93') },
    });
    expect(parseRangeQuery({ from: '2026-11-24', to: '2026-11-23' })).toMatchObject({
      ok: false,
      error: { field: 'from', message: expect.stringContaining('from is after to') },
    });
    expect(parseRangeQuery({ from: '2026-11-24' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('report CSV', () => {
  it('starts with a BOM, puts each section under its title and quotes what needs it', () => {
    const csv = reportCsv([
      { title: '总体', header: ['指标', '数值'], rows: [['取号数', 3]] },
      { title: '差评明细', header: ['原因'], rows: [['太慢, "很慢"'], ['=HYPERLINK("x")'], [-5]] },
    ]);
    expect(csv.startsWith('\uFEFF总体\r\n指标,数值\r\n取号数,3\r\n\r\n差评明细\r\n原因\r\n')).toBe(true);
    expect(csv).toContain('"太慢, ""很慢"""\r\n');
    // A citizen's text that looks like a formula is defused; a negative number stays a number.
    expect(csv).toContain(`"'=HYPERLINK(""x"")"\r\n-5\r\n`);
    expect(csvCell('@cmd')).toBe("'@cmd");
  });
});
