import { describe, expect, it } from 'vitest';
import { firstTarget, issueCounts, issueTarget, issuesUnder, sectionIssues } from './issue-paths.ts';

describe('issue paths', () => {
  it('sends each path to its tab and row', () => {
    expect(issueTarget('services.3.queue')).toEqual({
      tab: 'services',
      section: 'services',
      list: 'services',
      index: 3,
    });
    expect(issueTarget('hall.hours.0.close')).toEqual({ tab: 'hall', section: 'hall', list: null, index: null });
    expect(issueTarget('roster.1.a')).toEqual({ tab: 'staff', section: 'roster', list: 'roster', index: 1 });
    expect(issueTarget('officers.0.pinHash')?.tab).toBe('staff');
    expect(issueTarget('serialDevices.2.address')).toMatchObject({ tab: 'devices', list: 'serialDevices', index: 2 });
    expect(issueTarget('printers.0.uri')?.tab).toBe('printers');
    for (const section of ['callRules', 'kiosk', 'display']) expect(issueTarget(`${section}.x`)?.tab).toBe('rules');
  });

  it('places a whole-section refusal (CONFIG_UNSAFE names the section) on its tab without a row', () => {
    expect(issueTarget('queues')).toEqual({ tab: 'queues', section: 'queues', list: 'queues', index: null });
    expect(issueTarget('officers')).toMatchObject({ tab: 'staff', index: null });
  });

  it('puts what belongs to no section on the first tab, and the base version nowhere', () => {
    expect(issueTarget('(root)')?.tab).toBe('hall');
    expect(issueTarget('surprise.0')).toEqual({ tab: 'hall', section: 'surprise', list: null, index: null });
    expect(issueTarget('baseVersion')).toBeNull();
  });

  it('counts issues per tab and finds the first one that has a place', () => {
    const issues = [
      { path: 'baseVersion', message: 'stale' },
      { path: 'windows.1.number', message: 'duplicate window number 2' },
      { path: 'queues.0.prefix', message: 'prefix is one or two capital letters' },
      { path: 'roster.0.a', message: 'unknown officer "x"' },
      { path: 'officers.3.pin', message: 'PIN is 4 to 8 digits' },
    ];
    expect(issueCounts(issues)).toEqual({
      hall: 0,
      services: 0,
      queues: 1,
      windows: 1,
      staff: 2,
      devices: 0,
      printers: 0,
      rules: 0,
    });
    expect(firstTarget(issues)).toMatchObject({ tab: 'windows', list: 'windows', index: 1 });
    expect(firstTarget([])).toBeNull();
  });

  it('finds the issues of a field and of what is inside it, but not of a sibling with a longer name', () => {
    const issues = [
      { path: 'windows.2.queues.1', message: 'unknown queue "x"' },
      { path: 'windows.2.queues', message: 'Too small' },
      { path: 'windows.20.name', message: 'required' },
      { path: 'windows', message: 'held' },
    ];
    expect(issuesUnder(issues, 'windows.2.queues').map((i) => i.path)).toEqual([
      'windows.2.queues.1',
      'windows.2.queues',
    ]);
    expect(issuesUnder(issues, 'windows.2')).toHaveLength(2);
    expect(sectionIssues(issues, 'windows')).toEqual([{ path: 'windows', message: 'held' }]);
  });
});
