import { useState, type ReactElement } from 'react';
import { Dialog } from '../shell/dialog.tsx';
import type { Lang } from '../shell/make-strings.ts';
import { useManager } from '../shell/manager-store.ts';
import { curveFromJson, curveJson, parseCurveJson, type CurveDraft } from './curve-model.ts';
import { st } from './simulate-strings.ts';
import { useSimulate } from './simulate-store.ts';

/**
 * The curve as the CLI's JSON file (npm run simulate -- --curve): to keep a prepared day, or to bring
 * one made elsewhere into the table.
 */
export function CurveJsonDialog(p: {
  lang: Lang;
  curve: CurveDraft;
  hours: string[];
  onClose: () => void;
}): ReactElement {
  const { lang } = p;
  const [text, setText] = useState(() => JSON.stringify(curveJson(p.curve), null, 2));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (): void => {
    const parsed = parseCurveJson(text);
    if (typeof parsed === 'string') return setProblem(st(lang, 'curve.jsonBad', { why: parsed }));
    const queues = useSimulate.getState().base?.queues ?? [];
    const { curve, unknownQueues } = curveFromJson(parsed, queues, p.hours);
    useSimulate.getState().set({ curve, error: null });
    if (unknownQueues.length > 0)
      useManager.getState().say('info', st(lang, 'curve.jsonUnknown', { ids: unknownQueues.join('、') }));
    p.onClose();
  };
  return (
    <Dialog
      title={st(lang, 'curve.jsonTitle')}
      onClose={p.onClose}
      wide
      testId="curve-json-dialog"
      actions={
        <button type="button" className="m-btn m-btn--primary" data-testid="curve-json-apply" onClick={apply}>
          {st(lang, 'curve.jsonApply')}
        </button>
      }
    >
      <p className="m-muted">{st(lang, 'curve.jsonNote')}</p>
      <textarea
        className="m-input s-json"
        spellCheck={false}
        data-testid="curve-json-text"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setProblem(null);
        }}
      />
      {problem !== null && (
        <div className="m-note m-note--error" role="alert">
          {problem}
        </div>
      )}
    </Dialog>
  );
}
