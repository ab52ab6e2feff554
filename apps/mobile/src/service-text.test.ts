import { describe, expect, it } from 'vitest';
import type { MobileCatalogue } from './api/catalogue.ts';
import { dayLabel, dayText, searchServices } from './service-text.ts';

const service = (id: string, name: string, pinyin: string, nameEn: string): MobileCatalogue['services'][number] => ({
  id,
  name,
  queue: 'q',
  category: '户政',
  materials: [],
  pinyin,
  nameEn,
  bookable: false,
  remote: false,
  cityWide: false,
});

const catalogue = {
  services: [
    service('temp-cert', '临时身份证明', 'lssfzm', 'Temporary identity certificate'),
    service('id-apply', '居民身份证申领', 'jmsfzsl', 'Resident ID card application'),
    service('passport', '普通护照申请', 'pthzsq', 'Ordinary passport'),
  ],
} as MobileCatalogue;

describe('searchServices', () => {
  it('lists everything when nothing is typed', () => {
    expect(searchServices(catalogue, '  ').map((s) => s.id)).toEqual(['temp-cert', 'id-apply', 'passport']);
  });
  it('finds by Chinese name first, then pinyin initials, then English words', () => {
    expect(searchServices(catalogue, '护照').map((s) => s.id)).toEqual(['passport']);
    expect(searchServices(catalogue, '身份证申').map((s) => s.id)).toEqual(['id-apply']);
    expect(searchServices(catalogue, '申').map((s) => s.id)).toEqual(['passport', 'id-apply']);
    expect(searchServices(catalogue, 'SFZ').map((s) => s.id)).toEqual(['temp-cert', 'id-apply']);
    expect(searchServices(catalogue, 'passport').map((s) => s.id)).toEqual(['passport']);
    expect(searchServices(catalogue, 'zzzz')).toEqual([]);
  });
});

describe('dayLabel', () => {
  it('names today and tomorrow, then the weekday, in both languages', () => {
    expect(dayLabel('2026-11-23', '2026-11-23', 'zh')).toEqual({ main: '11月23日', sub: '今天 · 周一' });
    expect(dayLabel('2026-11-24', '2026-11-23', 'zh')).toEqual({ main: '11月24日', sub: '明天 · 周二' });
    expect(dayLabel('2026-11-28', '2026-11-23', 'zh')).toEqual({ main: '11月28日', sub: '周六' });
    expect(dayLabel('2026-11-24', '2026-11-23', 'en')).toEqual({ main: '24 Nov', sub: 'Tomorrow · Tue' });
  });
});

describe('dayText', () => {
  it('reads as one line in each language', () => {
    expect(dayText('2026-11-24', '2026-11-23', 'zh')).toBe('11月24日 明天 · 周二');
    expect(dayText('2026-11-24', '2026-11-23', 'en')).toBe('Tue 24 Nov (tomorrow)');
    expect(dayText('2026-11-26', '2026-11-23', 'en')).toBe('Thu 26 Nov');
  });
});
