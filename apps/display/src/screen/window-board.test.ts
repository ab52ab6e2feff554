import { describe, expect, it } from 'vitest';
import type { PublicHallConfig, WindowView } from '@yichuang/protocol';
import { panelState, served, tileMetrics } from './window-board.tsx';

function win(o: Partial<WindowView>): WindowView {
  return {
    id: 'w1',
    number: 1,
    name: '1号窗口',
    state: 'empty',
    queues: 'all',
    greenChannel: false,
    open: true,
    holder: null,
    pause: null,
    emptyPost: false,
    emptySince: null,
    coverRequestedFor: null,
    ticket: null,
    ...o,
  };
}

const config = {
  queues: [
    { id: 'a', prefix: 'A', name: '户籍小业务' },
    { id: 'b', prefix: 'B', name: '户籍业务' },
    { id: 'e', prefix: 'E', name: '证明开具' },
    { id: 'f', prefix: 'F', name: '综合查询' },
    { id: 'g', prefix: 'G', name: '治安业务' },
  ],
} as PublicHallConfig;

describe('window tile', () => {
  it('nobody at an open window: 暂停服务 during hours, 未开放 outside them, as on its LED screen', () => {
    expect(panelState(win({ state: 'empty' }), true)).toBe('empty');
    expect(panelState(win({ state: 'empty' }), false)).toBe('closed');
    expect(panelState(win({ state: 'idle', open: false }), true)).toBe('closed');
    expect(panelState(win({ state: 'paused' }), true)).toBe('paused');
  });

  it('names what a window serves when two lines hold them, else the prefixes', () => {
    const m = tileMetrics(456, 86);
    expect(m.wide).toBe(true);
    expect(served(win({ queues: ['a', 'b'] }), config, 456, m)).toEqual({
      kind: 'names',
      items: ['户籍小业务', '户籍业务'],
    });
    expect(served(win({ queues: ['e', 'f', 'g'] }), config, 456, m)).toEqual({
      kind: 'prefixes',
      items: ['E', 'F', 'G'],
    });
    expect(served(win({ queues: 'all' }), config, 456, m)).toEqual({ kind: 'names', items: ['综合业务'] });
  });

  it('a compact tile sizes its words so 暂停服务 fits beside a two-digit number', () => {
    const m = tileMetrics(247, 112);
    expect(m.wide).toBe(false);
    const room = 247 - 44 - 1.3 * m.no;
    expect(4 * m.state).toBeLessThanOrEqual(room);
    expect(m.state).toBeGreaterThanOrEqual(30);
  });
});
