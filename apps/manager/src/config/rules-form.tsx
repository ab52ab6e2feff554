import type { ReactElement } from 'react';
import type { CallRules, DisplaySettings, HallConfig, KioskPolicy } from '@yichuang/protocol';
import { useManager } from '../shell/manager-store.ts';
import { ct } from './config-strings.ts';
import { edit } from './config-store.ts';
import { CheckField, NumberField } from './fields.tsx';
import { fl } from './field-strings.ts';
import { StringList } from './string-list.tsx';

const patchRules = (p: Partial<CallRules>): void => edit((c) => ({ ...c, callRules: { ...c.callRules, ...p } }));
const patchKiosk = (p: Partial<KioskPolicy>): void => edit((c) => ({ ...c, kiosk: { ...c.kiosk, ...p } }));
const patchDisplay = (p: Partial<DisplaySettings>): void => edit((c) => ({ ...c, display: { ...c.display, ...p } }));

/** How tickets are called, what a kiosk allows, and how the hall display shows and speaks calls. */
export function RulesForm({ config }: { config: HallConfig }): ReactElement {
  const lang = useManager((s) => s.lang);
  const r = config.callRules;
  const k = config.kiosk;
  const d = config.display;
  const min = ct(lang, 'unit.minutes');
  const sec = ct(lang, 'unit.seconds');
  return (
    <div className="cfg-columns cfg-columns--three">
      <section className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{ct(lang, 'rules.call')}</span>
        </div>
        <p className="cfg-intro">{ct(lang, 'rules.callIntro')}</p>
        <div className="cfg-form cfg-form--one">
          <NumberField
            label={fl(lang, 'callRules.greenMaxConsecutive')}
            path="callRules.greenMaxConsecutive"
            value={r.greenMaxConsecutive}
            min={1}
            max={50}
            unit={ct(lang, 'unit.calls')}
            hint={ct(lang, 'rules.greenHint')}
            onChange={(v) => patchRules({ greenMaxConsecutive: v })}
          />
          <NumberField
            label={fl(lang, 'callRules.maxWaitMinutes')}
            path="callRules.maxWaitMinutes"
            value={r.maxWaitMinutes}
            min={1}
            max={600}
            unit={min}
            hint={ct(lang, 'rules.maxWaitHint')}
            onChange={(v) => patchRules({ maxWaitMinutes: v })}
          />
          <NumberField
            label={fl(lang, 'callRules.maxRecalls')}
            path="callRules.maxRecalls"
            value={r.maxRecalls}
            min={0}
            max={10}
            unit={ct(lang, 'unit.times')}
            hint={ct(lang, 'rules.recallsHint')}
            onChange={(v) => patchRules({ maxRecalls: v })}
          />
          <NumberField
            label={fl(lang, 'callRules.defaultServiceMinutes')}
            path="callRules.defaultServiceMinutes"
            value={r.defaultServiceMinutes}
            min={0.5}
            max={240}
            step={0.5}
            unit={min}
            hint={ct(lang, 'rules.serviceHint')}
            onChange={(v) => patchRules({ defaultServiceMinutes: v })}
          />
          <NumberField
            label={fl(lang, 'callRules.appointmentEarlyMinutes')}
            path="callRules.appointmentEarlyMinutes"
            value={r.appointmentEarlyMinutes}
            min={0}
            max={120}
            unit={min}
            hint={ct(lang, 'rules.earlyHint')}
            onChange={(v) => patchRules({ appointmentEarlyMinutes: v })}
          />
        </div>
      </section>
      <section className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{ct(lang, 'rules.kiosk')}</span>
        </div>
        <div className="cfg-form cfg-form--one">
          <NumberField
            label={fl(lang, 'kiosk.ticketsPerMinute')}
            path="kiosk.ticketsPerMinute"
            value={k.ticketsPerMinute}
            min={1}
            max={100000}
            unit={ct(lang, 'unit.perMinute')}
            hint={ct(lang, 'rules.rateHint')}
            onChange={(v) => patchKiosk({ ticketsPerMinute: v })}
          />
          <NumberField
            label={fl(lang, 'kiosk.idleSeconds')}
            path="kiosk.idleSeconds"
            value={k.idleSeconds}
            min={5}
            max={600}
            unit={sec}
            hint={ct(lang, 'rules.idleHint')}
            onChange={(v) => patchKiosk({ idleSeconds: v })}
          />
          <CheckField
            label={fl(lang, 'kiosk.oneTicketPerIdCard')}
            path="kiosk.oneTicketPerIdCard"
            checked={k.oneTicketPerIdCard}
            hint={ct(lang, 'rules.idCardHint')}
            onChange={(v) => patchKiosk({ oneTicketPerIdCard: v })}
          />
        </div>
      </section>
      <section className="m-card">
        <div className="m-card__head">
          <span className="m-card__title">{ct(lang, 'rules.display')}</span>
        </div>
        <div className="cfg-form cfg-form--one">
          <NumberField
            label={fl(lang, 'display.repeat')}
            path="display.repeat"
            value={d.repeat}
            min={1}
            max={5}
            unit={ct(lang, 'unit.times')}
            hint={ct(lang, 'rules.repeatHint')}
            onChange={(v) => patchDisplay({ repeat: v })}
          />
          <NumberField
            label={fl(lang, 'display.highlightSeconds')}
            path="display.highlightSeconds"
            value={d.highlightSeconds}
            min={1}
            max={60}
            unit={sec}
            onChange={(v) => patchDisplay({ highlightSeconds: v })}
          />
          <CheckField
            label={fl(lang, 'display.chime')}
            path="display.chime"
            checked={d.chime}
            onChange={(v) => patchDisplay({ chime: v })}
          />
          <CheckField
            label={fl(lang, 'display.english')}
            path="display.english"
            checked={d.english}
            onChange={(v) => patchDisplay({ english: v })}
          />
          <StringList
            label={fl(lang, 'display.notices')}
            path="display.notices"
            items={d.notices}
            name="notices"
            max={20}
            maxLength={200}
            addLabel={ct(lang, 'rules.addNotice')}
            hint={ct(lang, 'rules.noticesHint')}
            onChange={(notices) => patchDisplay({ notices })}
          />
        </div>
      </section>
    </div>
  );
}
