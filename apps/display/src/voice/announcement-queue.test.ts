import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildAnnouncement, type Announcement } from './announcement-text.ts';
import { AnnouncementQueue, type QueueItem, type VoiceSettings } from './announcement-queue.ts';
import { RecordEngine, type SpokenRecord } from './record-engine.ts';
import type { SpeechEngine, SpeechLang } from './speech-engine.ts';

const SPEECH_MS = 3000;
const CHIME_MS = 1000;

function item(number: string, windowNumber: number, recall = false): QueueItem {
  return {
    id: `${number}@${windowNumber}${recall ? 'r' : ''}`,
    announcement: buildAnnouncement({ number, windowNumber }),
    recall,
  };
}

function setup(settings: Partial<VoiceSettings> = {}, catchUpBacklog = 4) {
  const log: SpokenRecord[] = [];
  const engine = new RecordEngine(log, { speechMs: SPEECH_MS, chimeMs: CHIME_MS });
  const s: VoiceSettings = { repeat: 2, english: false, chime: true, ...settings };
  const q = new AnnouncementQueue(engine, () => s, { repeatGapMs: 500, betweenMs: 400, catchUpBacklog });
  return { log, q, s };
}

/** Every utterance starts only after the one before it has ended. */
function assertNoOverlap(log: SpokenRecord[]): void {
  for (let i = 1; i < log.length; i++) {
    expect(log[i - 1]!.endedAt).not.toBeNull();
    expect(log[i]!.startedAt).toBeGreaterThanOrEqual(log[i - 1]!.endedAt!);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 10, 23, 2, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('announcement queue', () => {
  it('speaks a call `repeat` times with one chime before, then goes quiet', async () => {
    const { log, q } = setup({ repeat: 3 });
    q.enqueue(item('A001', 3));
    expect(q.speaking?.id).toBe('A001@3');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.map((r) => r.text)).toEqual([
      'chime',
      '请 A001 号 到 3 号窗口 办理',
      '请 A001 号 到 3 号窗口 办理',
      '请 A001 号 到 3 号窗口 办理',
    ]);
    // chime 1 s, then 3 × 3 s with two 0.5 s gaps.
    expect(log[3]!.endedAt! - log[0]!.startedAt).toBe(CHIME_MS + 3 * SPEECH_MS + 2 * 500);
    assertNoOverlap(log);
    expect(q.speaking).toBeNull();
    expect(q.pending).toBe(0);
  });

  it('keeps calls in order and never overlaps, even when they arrive while one is speaking', async () => {
    const { log, q } = setup({ repeat: 2 });
    q.enqueue(item('A001', 1));
    await vi.advanceTimersByTimeAsync(2000); // mid-way through the first call
    q.enqueue(item('B002', 2));
    q.enqueue(item('C003', 3));
    expect(q.pending).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    const calls = log.filter((r) => r.what === 'speech').map((r) => r.text);
    expect(calls).toEqual([
      '请 A001 号 到 1 号窗口 办理',
      '请 A001 号 到 1 号窗口 办理',
      '请 B002 号 到 2 号窗口 办理',
      '请 B002 号 到 2 号窗口 办理',
      '请 C003 号 到 3 号窗口 办理',
      '请 C003 号 到 3 号窗口 办理',
    ]);
    expect(log.filter((r) => r.what === 'chime')).toHaveLength(3);
    assertNoOverlap(log);
  });

  it('announces a recall again, after what was already queued', async () => {
    const { log, q } = setup({ repeat: 1, chime: false });
    q.enqueue(item('A001', 1));
    q.enqueue(item('A002', 2));
    q.enqueue(item('A001', 1, true));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(log.map((r) => r.text)).toEqual([
      '请 A001 号 到 1 号窗口 办理',
      '请 A002 号 到 2 号窗口 办理',
      '请 A001 号 到 1 号窗口 办理',
    ]);
  });

  it('adds English after each Chinese repeat when the hall asks for it', async () => {
    const { log, q } = setup({ repeat: 2, english: true, chime: false });
    q.enqueue(item('A001', 3));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(log.map((r) => `${r.lang}:${r.text}`)).toEqual([
      'zh:请 A001 号 到 3 号窗口 办理',
      'en:Number A 0 0 1, please go to window 3',
      'zh:请 A001 号 到 3 号窗口 办理',
      'en:Number A 0 0 1, please go to window 3',
    ]);
  });

  it('a burst of 12 calls: all spoken, in order, none twice at once; a long backlog speaks once each to catch up', async () => {
    const { log, q } = setup({ repeat: 2, chime: true }, 4);
    const burst = Array.from({ length: 12 }, (_, i) => item(`A${String(i + 1).padStart(3, '0')}`, (i % 8) + 1));
    for (const it of burst) q.enqueue(it);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const spoken = log.filter((r) => r.what === 'speech').map((r) => r.text);
    // Each distinct call appears, in the order queued.
    const order = spoken.filter((t, i) => spoken[i - 1] !== t);
    expect(order).toEqual(burst.map((b) => b.announcement.text));
    // While 4 or more waited behind a call it was said once; the last four got their 2 repeats.
    const counts = burst.map((b) => spoken.filter((t) => t === b.announcement.text).length);
    expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(log.filter((r) => r.what === 'chime')).toHaveLength(12);
    assertNoOverlap(log);
  });

  it('a hung engine is cut off by the watchdog, and the next call still comes', async () => {
    const spoken: string[] = [];
    let active = 0;
    let maxActive = 0;
    let cancels = 0;
    const hangsOnce = new Set(['A001']);
    const engine: SpeechEngine = {
      kind: 'speech',
      chime: () => Promise.resolve(),
      speak: (a: Announcement, _lang: SpeechLang) => {
        spoken.push(a.number);
        active++;
        maxActive = Math.max(maxActive, active);
        if (hangsOnce.delete(a.number)) return new Promise<void>(() => undefined); // never ends
        return new Promise<void>((r) =>
          setTimeout(() => {
            active--;
            r();
          }, 1000),
        );
      },
      estimateMs: () => 1000,
      cancel: () => {
        cancels++;
        active = 0;
      },
    };
    const q = new AnnouncementQueue(engine, () => ({ repeat: 1, english: false, chime: false }), {
      watchdogSlackMs: 2000,
    });
    q.enqueue(item('A001', 1));
    q.enqueue(item('A002', 2));
    await vi.advanceTimersByTimeAsync(2500);
    expect(spoken).toEqual(['A001']); // still waiting on the hung one
    await vi.advanceTimersByTimeAsync(10_000);
    expect(spoken).toEqual(['A001', 'A002']);
    expect(cancels).toBe(1);
    expect(maxActive).toBe(1);
  });

  it('an engine that throws does not stop the queue', async () => {
    const spoken: string[] = [];
    const engine: SpeechEngine = {
      kind: 'clips',
      chime: () => Promise.reject(new Error('no chime')),
      speak: (a) => {
        if (a.number === 'A001') throw new Error('decoder gone');
        spoken.push(a.number);
        return Promise.resolve();
      },
      estimateMs: () => 100,
      cancel: () => undefined,
    };
    const q = new AnnouncementQueue(engine, () => ({ repeat: 1, english: false, chime: true }));
    q.enqueue(item('A001', 1));
    q.enqueue(item('A002', 2));
    await vi.advanceTimersByTimeAsync(5000);
    expect(spoken).toEqual(['A002']);
  });

  it('dispose stops speaking, forgets the queue and leaves no timer behind', async () => {
    const { log, q } = setup({ repeat: 2 });
    q.enqueue(item('A001', 1));
    q.enqueue(item('A002', 2));
    await vi.advanceTimersByTimeAsync(1500);
    q.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(log.some((r) => r.text.includes('A002'))).toBe(false);
    q.enqueue(item('A003', 3));
    expect(q.pending).toBe(0);
  });
});
