import { describe, expect, it } from 'vitest';
import { shortcutAction, type KeyInput } from './shortcut-filter.ts';

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  const code = k.length === 1 && /[a-z]/i.test(k) ? `Key${k.toUpperCase()}` : k;
  return { type: 'keyDown', key: k, code, control: false, meta: false, alt: false, shift: false, ...mods };
}

describe('shortcut filter', () => {
  it.each([
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['Cmd+R', key('r', { meta: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+F4', { ...key('F4', { control: true }), code: 'F4' }],
    ['Alt+F4', key('F4', { alt: true })],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+=', key('=', { control: true })],
    ['Ctrl+Shift++', key('+', { control: true, shift: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Ctrl+numpad +', { ...key('+', { control: true }), code: 'NumpadAdd' }],
    ['Ctrl+Q', key('q', { control: true })],
    ['BrowserBack', key('BrowserBack')],
  ])('a kiosk swallows %s', (_name, input) => {
    expect(shortcutAction(input, 'kiosk')).toBe('swallow');
    expect(shortcutAction(input, 'display')).toBe('swallow');
  });

  it('swallows the key-up of a swallowed key too', () => {
    expect(shortcutAction({ ...key('F5'), type: 'keyUp' }, 'kiosk')).toBe('swallow');
  });

  it.each([
    ['a letter', key('a')],
    ['a digit', key('7')],
    ['Enter', key('Enter')],
    ['Backspace', key('Backspace')],
    ['Escape', key('Escape')],
    ['Shift+A', key('A', { shift: true })],
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['Ctrl+V (paste)', key('v', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
  ])('a kiosk lets %s through to the page', (_name, input) => {
    expect(shortcutAction(input, 'kiosk')).toBe('allow');
  });

  it('an officer keeps reload, zoom and print but never the developer tools', () => {
    expect(shortcutAction(key('F5'), 'counter')).toBe('allow');
    expect(shortcutAction(key('r', { control: true }), 'counter')).toBe('allow');
    expect(shortcutAction(key('p', { control: true }), 'manager')).toBe('allow');
    expect(shortcutAction(key('=', { control: true }), 'manager')).toBe('allow');
    expect(shortcutAction(key('F12'), 'counter')).toBe('swallow');
    expect(shortcutAction(key('I', { control: true, shift: true }), 'manager')).toBe('swallow');
  });

  it('Ctrl+Alt+Shift+Q quits a locked window on key-down only', () => {
    const chord = key('Q', { control: true, alt: true, shift: true });
    expect(shortcutAction(chord, 'kiosk')).toBe('admin-quit');
    expect(shortcutAction({ ...chord, type: 'keyUp' }, 'kiosk')).toBe('swallow');
    expect(shortcutAction(chord, 'counter')).toBe('allow');
  });
});
