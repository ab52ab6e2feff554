import { Encoder, PacketType, type Packet } from 'socket.io-parser';

/**
 * Snapshots are the largest thing the hub sends (a busy hall's is over a megabyte) and every
 * client gets one on connect. socket.io would walk each one for binary data and serialise it again
 * per client; instead the hub serialises a snapshot once per seq and registers the text here, and
 * this encoder writes the packet from that text. The bytes on the wire are exactly what the default
 * encoder would produce, so clients use socket.io's own decoder.
 */
const encoded = new WeakMap<object, string>();

/** Remembers `json` as the serialised form of `snapshot` (the very object that will be emitted). */
export function registerEncoded<T extends object>(snapshot: T, json: string): T {
  encoded.set(snapshot, json);
  return snapshot;
}

function knownJson(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? encoded.get(value) : undefined;
}

/** The packet's data as JSON when it carries a registered snapshot: an event's argument or an ack's `data`. */
function dataJson(packet: Packet): string | null {
  const data: unknown = packet.data;
  if (!Array.isArray(data)) return null;
  if (packet.type === PacketType.EVENT && data.length === 2 && typeof data[0] === 'string') {
    const json = knownJson(data[1]);
    return json === undefined ? null : `[${JSON.stringify(data[0])},${json}]`;
  }
  if (packet.type === PacketType.ACK && data.length === 1) {
    const ack = data[0] as { ok?: unknown; data?: unknown } | null;
    const json = typeof ack === 'object' && ack !== null && ack.ok === true ? knownJson(ack.data) : undefined;
    return json === undefined || Object.keys(ack!).length !== 2 ? null : `[{"ok":true,"data":${json}}]`;
  }
  return null;
}

export class SnapshotEncoder extends Encoder {
  override encode(packet: Packet): (string | Buffer)[] {
    const json = dataJson(packet);
    if (json === null) return super.encode(packet) as (string | Buffer)[];
    let head = String(packet.type);
    if (packet.nsp !== undefined && packet.nsp !== '/') head += `${packet.nsp},`;
    if (packet.id !== undefined && packet.id !== null) head += String(packet.id);
    return [head + json];
  }
}
