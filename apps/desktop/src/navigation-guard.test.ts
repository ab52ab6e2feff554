import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isHubOrigin, judgeNavigation } from './navigation-guard.ts';

const HUB = 'http://192.168.1.10:8080';

describe('navigation guard', () => {
  it.each([
    'http://192.168.1.10:8080/kiosk/',
    'http://192.168.1.10:8080/kiosk/?key=abc#top',
    'http://192.168.1.10:8080/t/tk_123',
    'HTTP://192.168.1.10:8080/counter/',
    // A backslash ends the authority in the WHATWG parser: this stays on the hub.
    'http://192.168.1.10:8080\\@evil.example/',
  ])('allows the hub page %s', (url) => {
    expect(judgeNavigation(url, HUB)).toEqual({ allowed: true });
  });

  it.each([
    ['http://192.168.1.10:8081/kiosk/', 'origin'],
    ['https://192.168.1.10:8080/kiosk/', 'origin'],
    ['http://192.168.1.11:8080/kiosk/', 'origin'],
    ['http://192.168.1.10/kiosk/', 'origin'],
    ['http://evil@192.168.1.10:8080/kiosk/', 'userinfo'],
    ['http://user:pass@192.168.1.10:8080/', 'userinfo'],
    ['http://192.168.1.10:8080@evil.example/', 'userinfo'],
    ['http:\\\\evil.example/kiosk/', 'origin'],
    ['javascript:alert(1)', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['blob:http://192.168.1.10:8080/uuid', 'scheme'],
    ['view-source:http://192.168.1.10:8080/', 'scheme'],
    ['chrome://settings', 'scheme'],
    ['about:blank', 'scheme'],
    ['ws://192.168.1.10:8080/socket.io/', 'scheme'],
    ['//evil.example/kiosk/', 'unparseable'],
    ['/kiosk/', 'unparseable'],
    ['', 'unparseable'],
  ])('refuses %s (%s)', (url, reason) => {
    expect(judgeNavigation(url, HUB)).toEqual({ allowed: false, reason });
  });

  it('folds default ports and case the way the browser does', () => {
    expect(isAllowedNavigation('http://HUB.hall.local/manager/', 'http://hub.hall.local:80')).toBe(true);
    expect(isAllowedNavigation('https://hub.hall.local:443/', 'https://hub.hall.local')).toBe(true);
    expect(isAllowedNavigation('http://hub.hall.local.evil.example/', 'http://hub.hall.local')).toBe(false);
  });

  it('refuses everything before a hub is configured', () => {
    expect(judgeNavigation('http://192.168.1.10:8080/kiosk/', null)).toEqual({ allowed: false, reason: 'no-hub' });
  });

  it('grants permission origins only to the hub itself', () => {
    expect(isHubOrigin('http://192.168.1.10:8080', HUB)).toBe(true);
    expect(isHubOrigin('http://192.168.1.10:8081', HUB)).toBe(false);
    expect(isHubOrigin('file://', HUB)).toBe(false);
    expect(isHubOrigin('not a url', HUB)).toBe(false);
  });
});
