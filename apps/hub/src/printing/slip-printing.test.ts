import { describe, expect, it } from 'vitest';
import { progressUrl, refusalReasonWords } from './slip-printing.ts';

describe('slip printing helpers', () => {
  it('points the receipt QR code at the progress page of the case', () => {
    expect(progressUrl('http://192.168.1.10:8080', 'SL20261206-001')).toBe(
      'http://192.168.1.10:8080/m/progress?no=SL20261206-001',
    );
    expect(progressUrl('https://hall.example.gov.cn/', 'SL20261206-001')).toBe(
      'https://hall.example.gov.cn/m/progress?no=SL20261206-001',
    );
  });

  it('prints the label with the note, and the officer’s words alone for another reason', () => {
    expect(refusalReasonWords({ reason: 'conditions-unmet', note: '户籍不在本辖区' })).toEqual({
      reasonLabel: '不符合法定受理条件',
      note: '户籍不在本辖区',
    });
    expect(refusalReasonWords({ reason: 'other', note: ' 已超过申请期限 ' })).toEqual({
      reasonLabel: '已超过申请期限',
      note: '',
    });
  });
});
