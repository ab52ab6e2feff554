/** The console's pages, in the order of the side bar; the address is `/manager/#/<id>`. */
export const pageIds = [
  'live',
  'appointments',
  // 受理件 (issue 17)
  'cases',
  'complaints',
  'config',
  'reports',
  'audit',
  'notify',
  'simulate',
] as const;
export type PageId = (typeof pageIds)[number];

export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (pageIds as readonly string[]).includes(id) ? (id as PageId) : 'live';
}
