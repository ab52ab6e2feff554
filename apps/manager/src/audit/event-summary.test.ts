import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@yichuang/protocol';
import { EVENT_LABELS, eventSummary } from './event-summary.ts';

const env = (e: Pick<EventEnvelope, 'type' | 'payload'>): EventEnvelope =>
  ({ seq: 1, at: 0, actor: 'officer:m1', ...e }) as EventEnvelope;

describe('audit lines of complaints, follow-ups and the duty leader (issue 17)', () => {
  it('a complaint names its channel, window, officer and ticket, never the person or the text', () => {
    const line = eventSummary(
      'zh',
      env({
        type: 'complaint:recorded',
        payload: {
          complaint: {
            id: 'c1',
            receivedAt: 0,
            day: '2026-11-23',
            channel: 'hotline',
            name: '张*',
            phone: '138****5678',
            phoneHash: 'h',
            text: '张三说窗口态度差',
            windowId: 'w1',
            officerId: 'a1',
            ticketNumber: 'A012',
            recordedBy: 'm1',
          },
        },
      }),
      null,
      new Map(),
    );
    expect(line).toContain('12345热线');
    expect(line).toContain('A012');
    expect(line).not.toContain('张');
    expect(line).not.toContain('138');
    expect(
      eventSummary(
        'en',
        env({ type: 'complaint:closed', payload: { complaintId: 'c1', result: 'x'.repeat(60), by: 'm1' } }),
        null,
        new Map(),
      ),
    ).toMatch(/^result: x{40}…$/);
  });

  it('a leader sign-in says 带班领导帮办, not an A/B role; a help request names the ticket', () => {
    const signedIn = eventSummary(
      'zh',
      env({
        type: 'window:signed-in',
        payload: { windowId: 'w2', officerId: 'm1', role: 'B', earlyMinutes: null, leader: true },
      }),
      null,
      new Map(),
    );
    expect(signedIn).toContain('带班领导帮办');
    expect(signedIn).not.toContain('B角');
    const help = eventSummary(
      'zh',
      env({ type: 'window:help-requested', payload: { windowId: 'w1', officerId: 'a1', ticketId: 't9', note: '' } }),
      null,
      new Map([['t9', 'A009']]),
    );
    expect(help).toContain('A009');
    expect(EVENT_LABELS['window:help-requested']).toEqual(['请求帮办', 'help requested']);
  });
});
