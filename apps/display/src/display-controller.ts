import type { StoreApi } from 'zustand/vanilla';
import type { HubState } from '@yichuang/client';
import type { EventEnvelope, PublicHallConfig } from '@yichuang/protocol';
import { CallFeed, type CalledTicket, type CallEntry } from './call-feed.ts';
import type { DisplayParams } from './display-params.ts';
import type { DisplayState } from './display-store.ts';
import { buildAnnouncement } from './voice/announcement-text.ts';
import { AnnouncementQueue, type QueueItem } from './voice/announcement-queue.ts';
import { setUpVoice } from './voice/choose-engine.ts';
import type { SpokenRecord } from './voice/record-engine.ts';
import type { SpeechEngine } from './voice/speech-engine.ts';

/** What the tests (and a curious technician, in the console) can read: `window.__yichuangVoice`. */
export interface VoiceProbe {
  engine: string;
  notes: string[];
  /** In record mode: everything that would have been spoken, in order, with times. */
  spoken: SpokenRecord[];
  /** With the clip engine: the clip names scheduled for each utterance (the last 50). */
  clips: string[][];
  pending: () => number;
}

declare global {
  interface Window {
    __yichuangVoice?: VoiceProbe;
  }
}

const CALL_EVENTS = new Set<string>(['ticket:called', 'ticket:recalled', 'hall:day-started']);

/** Calls that arrive before the voice is ready wait here; beyond this many only the newest wait. */
const MAX_EARLY_CALLS = 40;

/** The windows this screen shows: the address wins, then the device's zone, else every window. */
export function zoneOf(
  config: PublicHallConfig | null,
  viewerId: string | undefined,
  params: DisplayParams,
): Set<string> | null {
  if (params.windows !== null) return new Set(params.windows);
  const device = config?.devices.find((d) => d.id === viewerId);
  return device?.windows !== undefined && device.windows.length > 0 ? new Set(device.windows) : null;
}

/**
 * Connects the hub's stream to the screen and the voice: calls from events in seq order (the
 * mirror has applied them first), a comparison after every snapshot, and one announcement queue.
 * Returns a stop function that releases every listener and timer.
 */
export function startDisplayController(
  hub: StoreApi<HubState>,
  display: StoreApi<DisplayState>,
  params: DisplayParams,
): () => void {
  const connection = hub.getState().connection;
  const mirror = connection.mirror;
  const zone = (): Set<string> | null => zoneOf(mirror.config, hub.getState().viewer?.id, params);
  const feed = new CallFeed({ include: (w) => zone()?.has(w) ?? true });
  let lastSeq = -1;
  let stopped = false;

  const probe: VoiceProbe = { engine: 'starting', notes: [], spoken: [], clips: [], pending: () => 0 };
  window.__yichuangVoice = probe;

  let queue: AnnouncementQueue | null = null;
  const early: QueueItem[] = [];
  const announce = (entries: CallEntry[]): void => {
    for (const e of entries) {
      const w = mirror.config?.windows.find((x) => x.id === e.windowId);
      if (w === undefined) continue;
      const item: QueueItem = {
        id: e.key,
        announcement: buildAnnouncement({ number: e.number, windowNumber: w.number }),
        recall: e.recall,
      };
      if (queue !== null) queue.enqueue(item);
      else if (early.push(item) > MAX_EARLY_CALLS) early.shift();
    }
  };

  const publish = (entries: CallEntry[]): void => {
    display.setState({ calls: feed.list });
    announce(entries);
  };

  const tickets = (): CalledTicket[] => {
    const byId = new Map<string, CalledTicket>();
    for (const c of mirror.recentCalls(Number.POSITIVE_INFINITY))
      byId.set(c.ticketId, {
        id: c.ticketId,
        number: c.number,
        windowId: c.windowId,
        calledAt: c.calledAt,
        recalls: 0,
        status: 'done',
      });
    for (const t of mirror.activeTickets()) byId.set(t.id, t);
    return [...byId.values()];
  };

  const onEvents = (events: EventEnvelope[]): void => {
    if (stopped || lastSeq < 0) return;
    // Only what the mirror has applied: after a gap it asks for a snapshot, and sync() diffs that.
    const fresh = events.filter((e) => e.seq > lastSeq && e.seq <= mirror.seq);
    if (fresh.length === 0 || fresh[0]!.seq !== lastSeq + 1) return;
    const relevant = fresh.some((e) => CALL_EVENTS.has(e.type));
    const all = relevant ? new Map(tickets().map((t) => [t.id, t])) : new Map<string, CalledTicket>();
    const entries = relevant ? feed.applyEvents(fresh, (id) => all.get(id), Date.now()) : [];
    lastSeq = fresh[fresh.length - 1]!.seq;
    if (relevant) publish(entries);
  };
  connection.socket.on('hub:events', onEvents);

  // Runs after every listener of the same socket frame, so events are taken in order first.
  let scheduled = false;
  const sync = (): void => {
    scheduled = false;
    if (stopped || !mirror.ready) return;
    if (lastSeq < 0) {
      feed.start(tickets(), Date.now());
      lastSeq = mirror.seq;
      display.setState({ calls: feed.list });
    } else if (mirror.seq !== lastSeq) {
      const entries = feed.resync(tickets(), Date.now());
      lastSeq = mirror.seq;
      publish(entries);
    }
  };
  const unsubscribe = hub.subscribe((s, prev) => {
    if (s.version === prev.version || scheduled) return;
    scheduled = true;
    queueMicrotask(sync);
  });
  sync();

  let engine: SpeechEngine | null = null;
  let audio: AudioContext | null = null;
  const checkBlocked = (): void => {
    if (audio !== null) display.setState({ soundBlocked: audio.state === 'suspended' });
  };
  const unlock = (): void => {
    void audio?.resume().then(checkBlocked, checkBlocked);
    if (engine?.kind === 'speech' && typeof speechSynthesis !== 'undefined') {
      // Within the click: an empty utterance is enough for Chromium to allow speech from now on.
      speechSynthesis.speak(new SpeechSynthesisUtterance(''));
      display.setState({ soundBlocked: false });
    }
  };
  display.setState({ unlockSound: unlock });

  void setUpVoice({
    mode: params.voice,
    clipBaseUrl: new URL('voice/zh/', document.baseURI).href,
    record: { log: probe.spoken, speechMs: params.recordMs, chimeMs: Math.round(params.recordMs / 4) },
    onClips: (names) => {
      probe.clips.push(names);
      if (probe.clips.length > 50) probe.clips.shift();
    },
    onSpeechBlocked: () => display.setState({ soundBlocked: true }),
  }).then((setup) => {
    if (stopped) return setup.engine.cancel();
    engine = setup.engine;
    audio = setup.audio;
    probe.engine = setup.engine.kind;
    probe.notes = setup.notes;
    if (setup.notes.length > 0) console.info(`voice: ${setup.engine.kind} (${setup.notes.join('; ')})`);
    if (audio !== null) {
      audio.onstatechange = checkBlocked;
      // resume() stays pending while autoplay is blocked: look again shortly instead of waiting on it.
      void audio.resume().catch(() => undefined);
      setTimeout(checkBlocked, 400);
    }
    queue = new AnnouncementQueue(
      setup.engine,
      () => {
        const d = mirror.config?.display;
        return { repeat: d?.repeat ?? 2, english: d?.english ?? false, chime: d?.chime ?? true };
      },
      { onChange: (speaking) => display.setState({ speaking: speaking?.id ?? null }) },
    );
    probe.pending = () => (queue?.pending ?? 0) + (queue?.speaking !== null ? 1 : 0);
    for (const item of early.splice(0)) queue.enqueue(item);
    display.setState({ voice: setup.engine.kind });
  });

  return () => {
    stopped = true;
    connection.socket.off('hub:events', onEvents);
    unsubscribe();
    queue?.dispose();
    void audio?.close().catch(() => undefined);
  };
}
