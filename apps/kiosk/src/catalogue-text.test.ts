import { describe, expect, it } from 'vitest';
import type { Catalogue } from '@yichuang/protocol';
import { searchServices } from './catalogue.ts';
import { hallName, queueName, serviceText, slotText } from './catalogue-text.ts';

type Service = Catalogue['services'][number];

const passport: Service = {
  id: 'passport',
  name: '普通护照申请',
  queue: 'exit-entry',
  category: '出入境',
  pinyin: 'pthzsq',
  materials: ['居民身份证', '近期免冠证件照片'],
  timeLimit: '7个工作日',
  fee: '￥120',
  department: '区公安局',
  nameEn: 'Ordinary passport',
  materialsEn: ['Resident ID card', 'Recent passport-style photo'],
  timeLimitEn: '7 working days',
  feeEn: 'CNY 120',
  departmentEn: 'District Public Security Bureau',
};
const plain: Service = { id: 'x', name: '户口迁移', queue: 'hukou', category: '户政', materials: ['居民户口簿'] };

describe('a matter in the screen language', () => {
  it('gives the English the hall wrote, and the Chinese in Chinese mode', () => {
    expect(serviceText(passport, 'en')).toEqual({
      name: 'Ordinary passport',
      materials: ['Resident ID card', 'Recent passport-style photo'],
      timeLimit: '7 working days',
      fee: 'CNY 120',
      department: 'District Public Security Bureau',
    });
    expect(serviceText(passport, 'zh').name).toBe('普通护照申请');
    expect(serviceText(passport, 'zh').fee).toBe('￥120');
  });

  it('falls back to the Chinese field by field, and for materials that do not pair one for one', () => {
    expect(serviceText(plain, 'en')).toEqual({
      name: '户口迁移',
      materials: ['居民户口簿'],
      timeLimit: undefined,
      fee: undefined,
      department: undefined,
    });
    const half = { ...passport, materialsEn: ['Resident ID card'] };
    expect(serviceText(half, 'en').materials).toEqual(['居民身份证', '近期免冠证件照片']);
    expect(queueName({ name: '出入境' }, 'en')).toBe('出入境');
    expect(queueName({ name: '出入境', nameEn: 'Exit and entry' }, 'en')).toBe('Exit and entry');
    expect(hallName({ name: '綦江区公安局政务服务大厅', nameEn: 'Qijiang Hall' }, 'zh')).toBe(
      '綦江区公安局政务服务大厅',
    );
  });

  it('finds a matter by pinyin initials, and by a word of its English name', () => {
    const c = { services: [plain, passport] } as unknown as Catalogue;
    expect(searchServices(c, 'PTHZ').map((s) => s.id)).toEqual(['passport']);
    expect(searchServices(c, 'PASS').map((s) => s.id)).toEqual(['passport']);
    expect(searchServices(c, 'P').map((s) => s.id)).toEqual(['passport']);
    expect(searchServices(c, 'QQ')).toEqual([]);
  });
});

describe('an appointment slot', () => {
  const monday10 = Date.UTC(2026, 10, 23, 2, 0);
  const slot = { start: monday10, end: monday10 + 30 * 60_000 };
  it('is a time today, and a day and time on another day', () => {
    expect(slotText(slot, 'Asia/Shanghai', '2026-11-23', 'zh')).toEqual({ day: null, time: '10:00–10:30' });
    expect(slotText(slot, 'Asia/Shanghai', '2026-11-22', 'zh')).toEqual({
      day: '11月23日（周一）',
      time: '10:00–10:30',
    });
    expect(slotText(slot, 'Asia/Shanghai', '2026-11-22', 'en')).toEqual({ day: 'Mon 23 Nov', time: '10:00–10:30' });
  });
});
