import { create } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { HubState } from '@yichuang/client';
import type { Alert, DevicesView } from '@yichuang/protocol';
import { api } from './hub-api.ts';

export interface Oversight {
  alerts: Alert[];
  devices: DevicesView | null;
  /** Bumped when a critical alert not seen before arrives (the frame sounds the alarm). */
  alarm: number;
}

export const useOversight = create<Oversight>()(() => ({ alerts: [], devices: null, alarm: 0 }));

function setAlerts(next: Alert[]): void {
  const known = new Set(useOversight.getState().alerts.map((a) => a.id));
  const fresh = next.some((a) => a.severity === 'critical' && a.clearedAt === null && !known.has(a.id));
  useOversight.setState((s) => ({ alerts: next, alarm: fresh ? s.alarm + 1 : s.alarm }));
}

async function refresh(): Promise<void> {
  const [alerts, devices] = await Promise.all([
    api<{ alerts: Alert[] }>('GET', '/api/alerts'),
    api<DevicesView>('GET', '/api/devices'),
  ]);
  if (alerts.ok) setAlerts(alerts.data.alerts);
  if (devices.ok) useOversight.setState({ devices: devices.data });
}

/**
 * Alerts and devices come from REST on every (re)connect, then from the hub's pushes, so the list is
 * never stale after the link was down.
 */
export function followOversight(hub: StoreApi<HubState>): () => void {
  const socket = hub.getState().connection.socket;
  const onAlerts = (list: Alert[]): void => setAlerts(list);
  const onPresence = (devices: DevicesView['devices']): void =>
    useOversight.setState((s) => (s.devices === null ? s : { devices: { ...s.devices, devices } }));
  const onSerial = (serialDevices: DevicesView['serialDevices']): void =>
    useOversight.setState((s) => (s.devices === null ? s : { devices: { ...s.devices, serialDevices } }));
  const onPrinters = (printers: { id: string; status: string }[]): void =>
    useOversight.setState((s) =>
      s.devices === null
        ? s
        : {
            devices: {
              ...s.devices,
              printers: s.devices.printers.map((p) => ({
                ...p,
                status: printers.find((x) => x.id === p.id)?.status ?? p.status,
              })),
            },
          },
    );
  socket.on('hub:alerts', onAlerts);
  socket.on('hub:presence', onPresence);
  socket.on('hub:devices', onSerial);
  socket.on('hub:printers', onPrinters);
  socket.on('hub:snapshot', () => void refresh());
  return () => {
    socket.off('hub:alerts', onAlerts);
    socket.off('hub:presence', onPresence);
    socket.off('hub:devices', onSerial);
    socket.off('hub:printers', onPrinters);
  };
}

/** After an acknowledgement, the list without waiting for the push. */
export function replaceAlert(alert: Alert): void {
  const list = useOversight.getState().alerts;
  setAlerts(
    alert.clearedAt !== null && alert.acknowledgedAt !== null
      ? list.filter((a) => a.id !== alert.id)
      : list.map((a) => (a.id === alert.id ? alert : a)),
  );
}
