import { readFileSync } from 'node:fs';

interface RawDemo {
  hall?: { name?: string };
  officers?: { id: string; name: string; role: string; pin?: string }[];
  devices?: { id: string; kind: string; key: string }[];
  roster?: { window: string; a: string; b?: string }[];
}

/** What `npm start` prints for a newcomer: where things are and the demo credentials. */
export function demoBanner(url: string, configFile: string): string {
  const raw = JSON.parse(readFileSync(configFile, 'utf8')) as RawDemo;
  const officers = raw.officers ?? [];
  const manager = officers.find((o) => o.role === 'manager');
  const guide = officers.find((o) => o.role === 'guide');
  const firstA = raw.roster?.[0];
  const officerA = officers.find((o) => o.id === firstA?.a);
  const officerB = officers.find((o) => o.id === firstA?.b);
  const key = (kind: string): string => raw.devices?.find((d) => d.kind === kind)?.key ?? '';
  const rater = raw.devices?.find((d) => d.kind === 'rater') as { key: string; window?: string } | undefined;
  const lines = [
    '',
    `一窗 Yichuang demo hall: ${raw.hall?.name ?? ''}`,
    `  API        ${url}/api/health   OpenAPI ${url}/api/openapi.json`,
    `  kiosk      ${url}/kiosk/?key=${key('kiosk')}   (portrait touch screen, 1080×1920)`,
    `  counter    ${url}/counter/   (an officer's window: log in below)`,
    `  display    ${url}/display/?key=${key('display')}   (the hall's big screen; click once for sound)`,
    ...(rater === undefined
      ? []
      : [`  rating     ${url}/rate/${rater.window ?? ''}?key=${rater.key}   (好差评 screen of that window)`]),
    `  manager    ${url}/manager/   (live hall, alerts, configuration, reports, audit, 排班模拟)`,
    `  guide      ${url}/guide/   (导办 tablet at the entrance, 1280×800: log in as the guide below)`,
    `  phone      ${url}/m/   (the citizen's phone pages: hours, live queues, guide, booking)`,
    '  demo logins (officer id / PIN):',
  ];
  const what = (o: NonNullable<RawDemo['officers']>[number]): string =>
    o.role === 'manager'
      ? '大厅负责人'
      : o.role === 'guide'
        ? '导办'
        : firstA?.a === o.id
          ? `${firstA?.window} A角`
          : `${firstA?.window} B角`;
  for (const o of [officerA, officerB, manager, guide])
    if (o?.pin !== undefined) lines.push(`    ${o.id} / ${o.pin}  ${o.name} (${what(o)})`);
  lines.push(`  try: curl -s -X POST ${url}/api/tickets -H 'Authorization: Bearer ${key('kiosk')}' \\`);
  lines.push(
    `         -H 'Content-Type: application/json' -d '{"requestId":"demo-1","serviceId":"no-criminal-record"}'`,
  );
  return lines.join('\n');
}
