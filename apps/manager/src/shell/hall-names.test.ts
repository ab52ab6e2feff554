import { describe, expect, it } from 'vitest';
import { alertSubject, alertText } from './alert-words.ts';
import { changeText } from './change-words.ts';
import {
  deviceLabel,
  officerLabel,
  printerLabel,
  queueLabel,
  serialLabel,
  windowLabel,
  type NamedConfig,
} from './hall-names.ts';

/** The demo hall's shape: two kiosks with printers, a display, a rater, window printers, a window screen. */
const HALL: NamedConfig = {
  queues: [
    { id: 'hukou-quick', name: '户籍小业务' },
    { id: 'hukou', name: '户籍业务' },
  ],
  services: [{ id: 'residence', name: '居住证办理' }],
  windows: [
    { id: 'w1', name: '1号窗口', number: 1, printer: 'counter-1' },
    { id: 'w2', name: '2号窗口', number: 2, printer: 'counter-1' },
    { id: 'w3', name: '3号窗口', number: 3, printer: 'counter-3' },
  ],
  officers: [{ id: '1001', name: '张警官' }],
  devices: [
    { id: 'kiosk-1', kind: 'kiosk', printer: 'kiosk-1' },
    { id: 'kiosk-2', kind: 'kiosk' },
    { id: 'display-1', kind: 'display' },
    { id: 'rater-w1', kind: 'rater', window: 'w1' },
  ],
  printers: [{ id: 'kiosk-1' }, { id: 'counter-1' }, { id: 'counter-3' }, { id: 'spare' }],
  serialDevices: [{ id: 'screen-w3', kind: 'window-screen', window: 'w3' }],
};

describe('names of the hall’s things', () => {
  it('names devices by what and where they are', () => {
    expect(deviceLabel('zh', HALL, 'kiosk-1')).toBe('1号取号机');
    expect(deviceLabel('zh', HALL, 'kiosk-2')).toBe('2号取号机');
    expect(deviceLabel('zh', HALL, 'display-1')).toBe('综合屏');
    expect(deviceLabel('zh', HALL, 'rater-w1')).toBe('1号窗口评价屏');
    expect(deviceLabel('en', HALL, 'kiosk-2')).toBe('Kiosk 2');
    expect(deviceLabel('zh', HALL, 'gone')).toBe('终端（编号 gone，已不在配置中）');
  });

  it('names printers by who prints on them', () => {
    expect(printerLabel('zh', HALL, 'kiosk-1')).toBe('1号取号机打印机');
    expect(printerLabel('zh', HALL, 'counter-3')).toBe('3号窗口打印机');
    expect(printerLabel('zh', HALL, 'counter-1')).toBe('1号窗口、2号窗口共用打印机');
    expect(printerLabel('zh', HALL, 'spare')).toBe('4号打印机（未使用）');
    expect(printerLabel('en', HALL, 'counter-3')).toBe('3号窗口 printer');
  });

  it('names officers with 警号, serial devices by window, queues and windows by name', () => {
    expect(officerLabel('zh', HALL, '1001')).toBe('张警官（警号 1001）');
    expect(officerLabel('zh', HALL, '2002')).toBe('警号 2002');
    expect(serialLabel('zh', HALL, 'screen-w3')).toBe('3号窗口窗口屏');
    expect(queueLabel('zh', HALL, 'hukou-quick')).toBe('户籍小业务');
    expect(windowLabel('zh', HALL, 'w9')).toBe('窗口（编号 w9）');
  });
});

describe('config changes in words', () => {
  it('drops ids where there is a name, names devices and printers, and says sections in Chinese', () => {
    const cases: [string, string][] = [
      ['新增事项 居住证办理 (residence)', '新增事项 居住证办理'],
      ['修改队列 户籍小业务 (hukou-quick)', '修改队列 户籍小业务'],
      ['修改终端 kiosk-1', '修改终端 1号取号机'],
      ['更换密钥 rater-w1', '更换密钥 1号窗口评价屏'],
      ['修改打印机 counter-3', '修改打印机 3号窗口打印机'],
      ['删除打印机 counter-9', '删除打印机（编号 counter-9）'],
      ['修改串口设备 screen-w3', '修改串口设备 3号窗口窗口屏'],
      ['修改人员 张警官 (1001)', '修改人员 张警官（警号 1001）'],
      ['重置密码 张警官 (1001)', '重置密码 张警官（警号 1001）'],
      ['修改 kiosk', '修改 取号机设置'],
      ['修改 hall', '修改 大厅与时间'],
      ['修改 callRules', '修改 叫号规则'],
      ['窗口 1号窗口 改为办理全部业务', '窗口 1号窗口 改为办理全部业务'],
    ];
    for (const [hub, shown] of cases) expect(changeText('zh', hub, HALL), hub).toBe(shown);
    expect(changeText('en', '修改 kiosk', HALL)).toBe('Changed: kiosk settings');
    expect(changeText('en', '新增事项 居住证办理 (residence)', HALL)).toBe('Matter added: 居住证办理');
  });
});

describe('alerts in words', () => {
  it('names the printer and the device instead of their ids', () => {
    const printer = {
      kind: 'printer-fault' as const,
      subject: 'counter-3:paper-out',
      message: '打印机 counter-3 缺纸 / printer counter-3: out of paper',
    };
    expect(alertText('zh', printer, HALL)).toBe('3号窗口打印机 缺纸');
    const kiosk = {
      kind: 'device-offline' as const,
      subject: 'kiosk-2',
      message: '取号机 kiosk-2 已离线 5 分钟 / kiosk kiosk-2 offline',
    };
    expect(alertText('zh', kiosk, HALL)).toBe('2号取号机 已离线 5 分钟');
    const serial = {
      kind: 'device-offline' as const,
      subject: 'screen-w3',
      message: '串口设备 screen-w3（window-screen）未连接 / …',
    };
    expect(alertText('zh', serial, HALL)).toBe('3号窗口窗口屏 未连接');
    const wait = {
      kind: 'long-wait' as const,
      subject: 'hukou',
      message: '户籍业务 3 人等候超过 60 分钟 / hukou: 3 waiting over 60 min',
    };
    expect(alertText('zh', wait, HALL)).toBe('户籍业务 3 人等候超过 60 分钟');
    expect(alertText('en', wait, HALL)).toBe('户籍业务: 3 waiting over 60 min');
    expect(alertSubject('zh', 'empty-post', 'w1', HALL)).toBe('1号窗口');
    expect(alertSubject('zh', 'case-overdue', 'SL20261123-001', HALL)).toBe('受理件 SL20261123-001');
    expect(alertSubject('en', 'case-overdue', 'SL20261123-001', HALL)).toBe('case SL20261123-001');
    expect(alertSubject('zh', 'printer-fault', 'kiosk-1:offline', HALL)).toBe('1号取号机打印机 离线');
  });
});
