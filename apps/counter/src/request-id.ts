/**
 * A client-made requestId. crypto.randomUUID exists only in secure contexts, and a hall's LAN page
 * (http://192.168.x.x) is not one; getRandomValues works everywhere.
 */
export function newRequestId(prefix = 'c'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
