import { FrameDecoder, type Frame } from './frame.ts';
import { SerialLink, type SerialLinkOptions } from './serial-link.ts';

/**
 * One `yichuang` link per serial path, shared by every device on it: an RS-485 line chains several
 * window screens (each with its own address) on one adapter, and a port can be opened only once.
 * The first device to ask sets the link's options; the port closes when the last one lets go.
 */
export interface SharedFrameLink {
  readonly link: SerialLink<Frame>;
  release(): Promise<void>;
}

const links = new Map<string, { link: SerialLink<Frame>; refs: number }>();

export function acquireFrameLink(options: Omit<SerialLinkOptions<Frame>, 'decoder'>): SharedFrameLink {
  let entry = links.get(options.path);
  if (entry && entry.link.baudRate !== options.baudRate) {
    throw new Error(`${options.path} is already open at ${entry.link.baudRate} baud, not ${options.baudRate}`);
  }
  if (!entry) {
    entry = { link: new SerialLink({ ...options, decoder: new FrameDecoder() }), refs: 0 };
    links.set(options.path, entry);
    entry.link.start();
  }
  entry.refs++;
  const held = entry;
  let released = false;
  return {
    link: held.link,
    release: async () => {
      if (released) return;
      released = true;
      held.refs--;
      if (held.refs > 0) return;
      if (links.get(options.path) === held) links.delete(options.path);
      await held.link.close();
    },
  };
}
