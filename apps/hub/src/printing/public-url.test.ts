import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, publicBaseUrl, publicUrlWarning } from './public-url.ts';

describe('the public URL printed in QR codes', () => {
  it('is the CLI flag, else hall.publicUrl, else the listening address; no trailing slash', () => {
    const listening = 'http://127.0.0.1:8080';
    expect(publicBaseUrl({ cli: 'http://10.0.0.5:8080/', config: 'https://hall.gov.cn', listening })).toEqual({
      url: 'http://10.0.0.5:8080',
      source: 'cli',
    });
    expect(publicBaseUrl({ config: 'https://hall.gov.cn/yc/', listening })).toEqual({
      url: 'https://hall.gov.cn/yc',
      source: 'config',
    });
    expect(publicBaseUrl({ listening })).toEqual({ url: listening, source: 'listening' });
  });

  it('knows loopback addresses', () => {
    for (const u of ['http://127.0.0.1:8080', 'http://localhost', 'http://[::1]:80', 'http://0.0.0.0:1', 'x'])
      expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of ['http://192.168.1.10:8080', 'https://hall.example.gov.cn', 'http://[fe80::1]'])
      expect(isLoopbackUrl(u), u).toBe(false);
  });

  it('warns in one line, Chinese then English, when phones cannot open it or it was guessed', () => {
    const unset = publicUrlWarning({ url: 'http://127.0.0.1:8080', source: 'listening' });
    expect(unset).toMatch(
      /^⚠ 未设置 hall\.publicUrl.*手机无法打开.* \/ hall\.publicUrl is not set.*phones cannot open/,
    );
    expect(unset).not.toContain('\n');
    expect(publicUrlWarning({ url: 'http://192.168.1.10:8080', source: 'listening' })).toContain('guessed LAN address');
    expect(publicUrlWarning({ url: 'http://localhost:8080', source: 'config' })).toContain(
      'hall.publicUrl is a loopback address',
    );
    expect(publicUrlWarning({ url: 'http://127.0.0.1:8080', source: 'cli' })).toContain('--public-url 是本机回环地址');
    expect(publicUrlWarning({ url: 'hall:8080', source: 'cli' })).toContain('not an http(s) address');
    expect(publicUrlWarning({ url: 'http://192.168.1.10:8080', source: 'config' })).toBeNull();
    expect(publicUrlWarning({ url: 'https://hall.example.gov.cn', source: 'cli' })).toBeNull();
  });
});
