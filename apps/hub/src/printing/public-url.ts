/** Where the address printed in QR codes and links comes from. */
export interface PublicUrl {
  /** No trailing slash: paths such as `/t/<id>?s=…` are appended. */
  url: string;
  source: 'cli' | 'config' | 'listening';
}

/**
 * The address citizens' phones reach the hub at: the CLI's --public-url, else the hall config's
 * `hall.publicUrl`, else the address the hub listens on (a guessed LAN address on 0.0.0.0).
 */
export function publicBaseUrl(o: {
  cli?: string | undefined;
  config?: string | undefined;
  listening: string;
}): PublicUrl {
  const pick: PublicUrl =
    o.cli !== undefined && o.cli !== ''
      ? { url: o.cli, source: 'cli' }
      : o.config !== undefined
        ? { url: o.config, source: 'config' }
        : { url: o.listening, source: 'listening' };
  return { ...pick, url: pick.url.replace(/\/+$/, '') };
}

/** Whether a phone on the hall's network cannot reach this address (loopback or unparsable). */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  return (
    host === '' ||
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '0.0.0.0' ||
    host === '::1' ||
    host === '::' ||
    /^127\./.test(host) ||
    /^::ffff:127\./.test(host)
  );
}

/** One line to print at start when phones may not open the printed QR codes; null when all is well. */
export function publicUrlWarning(p: PublicUrl): string | null {
  const loopback = isLoopbackUrl(p.url);
  if (p.source === 'listening')
    return loopback
      ? `⚠ 未设置 hall.publicUrl：号票二维码指向本机地址 ${p.url}，群众手机无法打开，请在大厅配置中设置手机可访问的地址 / hall.publicUrl is not set: ticket QR codes point at ${p.url}, which phones cannot open; set it in the hall config (or --public-url)`
      : `⚠ 未设置 hall.publicUrl：号票二维码暂用推测的局域网地址 ${p.url}，请在大厅配置中写明 / hall.publicUrl is not set: ticket QR codes use the guessed LAN address ${p.url}; set it in the hall config (or --public-url)`;
  const name = p.source === 'cli' ? '--public-url' : 'hall.publicUrl';
  if (!/^https?:\/\/[^/?#]/i.test(p.url) || !URL.canParse(p.url))
    return `⚠ ${name} 不是有效的 http(s) 地址：${p.url}，号票二维码无法打开 / ${name} is not an http(s) address (${p.url}): the ticket QR codes will not open`;
  if (loopback) {
    return `⚠ ${name} 是本机回环地址 ${p.url}，群众手机无法打开号票二维码 / ${name} is a loopback address (${p.url}): phones cannot open the ticket QR codes`;
  }
  return null;
}
