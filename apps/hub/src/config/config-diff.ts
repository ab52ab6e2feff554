import type { HallConfig } from '@yichuang/protocol';

export interface ConfigChanges {
  sections: string[];
  /** In words, for the audit log and the console's confirmation; never a PIN or a key. */
  changes: string[];
}

type Keyed = { id: string; name?: string };

/** Added, removed and changed entries of a list section, by id. */
function listChanges<T extends Keyed>(
  label: string,
  before: T[],
  after: T[],
  mask: (t: T) => unknown = (t) => t,
): string[] {
  const out: string[] = [];
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const name = (x: T): string => (x.name !== undefined ? `${x.name} (${x.id})` : x.id);
  for (const x of after) if (!old.has(x.id)) out.push(`新增${label} ${name(x)}`);
  for (const x of before) if (!now.has(x.id)) out.push(`删除${label} ${name(x)}`);
  for (const x of after) {
    const o = old.get(x.id);
    if (o !== undefined && JSON.stringify(mask(o)) !== JSON.stringify(mask(x))) out.push(`修改${label} ${name(x)}`);
  }
  return out;
}

const LABELS: Record<string, string> = {
  queues: '队列',
  services: '事项',
  windows: '窗口',
  printers: '打印机',
  serialDevices: '串口设备',
};

/** What differs between two configs, section by section. */
export function describeChanges(before: HallConfig, after: HallConfig): ConfigChanges {
  const sections: string[] = [];
  const changes: string[] = [];
  for (const key of Object.keys(after) as (keyof HallConfig)[]) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    sections.push(key);
    if (key in LABELS) changes.push(...listChanges(LABELS[key]!, before[key] as Keyed[], after[key] as Keyed[]));
    else if (key === 'officers') {
      const pinChanged = after.officers.filter((o) => {
        const was = before.officers.find((b) => b.id === o.id);
        return was !== undefined && was.pinHash !== o.pinHash;
      });
      changes.push(
        ...listChanges('人员', before.officers, after.officers, ({ pinHash: _p, pin: _q, ...rest }) => rest),
        ...pinChanged.map((o) => `重置密码 ${o.name} (${o.id})`),
      );
    } else if (key === 'devices') {
      changes.push(...listChanges('终端', before.devices, after.devices, ({ key: _k, ...rest }) => rest));
      const rotated = after.devices.filter((d) => before.devices.some((b) => b.id === d.id && b.key !== d.key));
      changes.push(...rotated.map((d) => `更换密钥 ${d.id}`));
    } else changes.push(`修改 ${key}`);
  }
  return { sections, changes };
}
