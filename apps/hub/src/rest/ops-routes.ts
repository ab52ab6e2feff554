import { z } from 'zod';
import { fail } from '@yichuang/protocol';
import type { RouteSpec } from './route-spec.ts';

/** Operations: metrics for monitoring, backups on demand. */
export const opsRoutes: RouteSpec[] = [
  {
    method: 'GET',
    url: '/api/metrics',
    summary:
      'Prometheus text format: event-loop lag, commit latency, commands by type and result, clients by role, printer and device states (counts only, no personal data)',
    auth: 'anyone',
    handle: (hub) => ({ ok: true, data: hub.metrics.render() }),
  },
  {
    method: 'GET',
    url: '/api/admin/backups',
    summary: 'Backups in the backup folder, newest first',
    auth: ['manager'],
    handle: (hub) =>
      hub.backups === null
        ? { ok: false, error: fail('BACKUPS_OFF', '未配置备份目录 / this hub runs without backups') }
        : { ok: true, data: { backups: hub.backups.list(), lastSuccessAt: hub.backups.lastSuccess() } },
  },
  {
    method: 'POST',
    url: '/api/admin/backup',
    summary: 'Make an online backup now (checked with integrity_check before it counts)',
    auth: ['manager'],
    body: z.strictObject({}),
    status: 201,
    handle: async (hub) => {
      if (hub.backups === null)
        return { ok: false, error: fail('BACKUPS_OFF', '未配置备份目录 / this hub runs without backups') };
      try {
        const b = await hub.backups.backupNow();
        return b.ok
          ? { ok: true, data: b }
          : { ok: false, error: fail('BACKUP_FAILED', `备份校验失败 / the backup failed its check: ${b.detail}`) };
      } catch (err) {
        return { ok: false, error: fail('BACKUP_FAILED', `备份失败 / backup failed: ${(err as Error).message}`) };
      }
    },
  },
];
