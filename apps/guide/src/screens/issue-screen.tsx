import { useMemo, useState, type ReactElement } from 'react';
import { greenReasons, type CommandResult, type GreenReason } from '@yichuang/protocol';
import { categoryLabel, greenReasonLabel, Icon } from '@yichuang/ui';
import { categoriesOf, searchServices, waitingByQueue } from '../guide-data.ts';
import { useGuide } from '../guide-store.ts';
import { useHall } from '../hall.ts';
import { queueName, serviceName } from '../names.ts';
import { sendCommand } from '../send-command.ts';
import { gt } from '../strings/strings.ts';
import { ResultCard } from './result-card.tsx';

const PHONE = /^1[3-9]\d{9}$/;

/** 代取号: a matter by category or search on the left; the person, the green channel and 取号 on the right. */
export function IssueScreen(): ReactElement {
  const lang = useGuide((s) => s.lang);
  const busy = useGuide((s) => s.busy);
  const { state, version, live } = useHall();
  const config = state!.model.config;
  const [category, setCategory] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [green, setGreen] = useState<GreenReason | null>(null);
  const [issued, setIssued] = useState<CommandResult<'ticket:issue'>['ticket'] | null>(null);
  const [phoneTouched, setPhoneTouched] = useState(false);

  const categories = useMemo(() => categoriesOf(config), [config]);
  const counts = useMemo(() => waitingByQueue(state!), [state, version]);
  // A search looks through every matter; the category chips narrow the list when nothing is typed.
  const searching = query.trim() !== '';
  const inCategory =
    category === null || searching ? config.services : (categories.find((c) => c.name === category)?.services ?? []);
  const shown = searchServices(inCategory, query);
  const service = config.services.find((s) => s.id === serviceId);
  const phoneBad = phone !== '' && !PHONE.test(phone);

  const reset = (): void => {
    setIssued(null);
    setServiceId(null);
    setName('');
    setPhone('');
    setGreen(null);
    setPhoneTouched(false);
  };

  const submit = async (): Promise<void> => {
    if (service === undefined || phoneBad) return setPhoneTouched(true);
    const res = await sendCommand('ticket:issue', {
      serviceId: service.id,
      ...(green === null ? {} : { green }),
      ...(name.trim() === '' ? {} : { citizenName: name.trim() }),
      ...(phone === '' ? {} : { phone }),
    });
    if (res.ok) setIssued(res.data.ticket);
  };

  return (
    <div className="g-issue" data-screen="issue">
      <section className="g-pick">
        <div className="g-search">
          <Icon name="search" size={28} />
          <input
            data-testid="search"
            value={query}
            placeholder={gt(lang, 'issue.search')}
            onChange={(e) => setQuery(e.target.value.slice(0, 30))}
          />
          {query !== '' && (
            <button type="button" className="g-btn g-btn--quiet g-btn--small" onClick={() => setQuery('')}>
              {gt(lang, 'issue.searchClear')}
            </button>
          )}
        </div>
        <div className="g-chips" role="group" data-testid="categories">
          {[null, ...categories.map((c) => c.name)].map((c) => (
            <button
              key={c ?? '*'}
              type="button"
              className={`g-chip ${category === c && !searching ? 'g-chip--on' : ''}`}
              aria-pressed={category === c && !searching}
              onClick={() => {
                setCategory(c);
                setQuery('');
              }}
            >
              {c === null ? gt(lang, 'issue.all') : categoryLabel(lang, c)}
            </button>
          ))}
        </div>
        <div className="g-matters" data-testid="matters">
          {shown.length === 0 && <p className="g-empty">{gt(lang, 'issue.noMatch')}</p>}
          {shown.map((s) => (
            <button
              key={s.id}
              type="button"
              className={`g-matter ${serviceId === s.id ? 'g-matter--on' : ''}`}
              data-testid={`matter-${s.id}`}
              aria-pressed={serviceId === s.id}
              onClick={() => {
                setServiceId(s.id);
                setIssued(null);
              }}
            >
              <b>{serviceName(config, s.id, lang)}</b>
              <span>
                {queueName(config, s.queue, lang)} · {gt(lang, 'issue.waiting', { n: counts.get(s.queue) ?? 0 })}
              </span>
            </button>
          ))}
        </div>
      </section>
      <aside className="g-side">
        {issued !== null ? (
          <ResultCard ticket={issued} onAgain={reset} />
        ) : (
          <form
            className="g-form"
            data-testid="issue-form"
            onSubmit={(e) => {
              e.preventDefault();
              void submit();
            }}
          >
            <div className="g-form__matter" data-testid="chosen">
              <span className="g-label">{gt(lang, 'issue.matter')}</span>
              {service === undefined ? (
                <span className="g-muted">{gt(lang, 'issue.pickFirst')}</span>
              ) : (
                <b>{serviceName(config, service.id, lang)}</b>
              )}
            </div>
            <label className="g-input">
              <span className="g-label">{gt(lang, 'issue.name')}</span>
              <input
                data-testid="citizen-name"
                value={name}
                maxLength={40}
                autoComplete="off"
                placeholder={gt(lang, 'issue.namePh')}
                onChange={(e) => setName(e.target.value.slice(0, 40))}
              />
            </label>
            <label className={`g-input ${phoneTouched && phoneBad ? 'g-input--bad' : ''}`}>
              <span className="g-label">{gt(lang, 'issue.phone')}</span>
              <input
                data-testid="citizen-phone"
                value={phone}
                inputMode="numeric"
                autoComplete="off"
                placeholder={gt(lang, 'issue.phonePh')}
                onBlur={() => setPhoneTouched(true)}
                onChange={(e) => setPhone(e.target.value.replace(/\D/g, '').slice(0, 11))}
              />
              {phoneTouched && phoneBad && <em role="alert">{gt(lang, 'issue.phoneBad')}</em>}
            </label>
            <div className="g-green">
              <span className="g-label">
                <Icon name="priority" size={22} /> {gt(lang, 'issue.green')}
                <small>{gt(lang, 'issue.greenHint')}</small>
              </span>
              <div className="g-chips g-chips--green" role="group" data-testid="green-reasons">
                {greenReasons.map((r) => (
                  <button
                    key={r}
                    type="button"
                    className={`g-chip g-chip--green ${green === r ? 'g-chip--on' : ''}`}
                    aria-pressed={green === r}
                    data-testid={`green-${r}`}
                    onClick={() => setGreen(green === r ? null : r)}
                  >
                    {greenReasonLabel(lang, r)}
                  </button>
                ))}
              </div>
            </div>
            <button
              type="submit"
              className={`g-btn g-btn--block g-btn--big ${green === null ? 'g-btn--primary' : 'g-btn--green'}`}
              disabled={service === undefined || !live || busy !== null}
              data-testid="issue-submit"
            >
              {busy?.startsWith('ticket:issue') === true ? gt(lang, 'issue.busy') : gt(lang, 'issue.submit')}
              {green !== null && ` · ${greenReasonLabel(lang, green)}`}
            </button>
            <p className="g-note">{gt(lang, 'issue.privacy')}</p>
          </form>
        )}
      </aside>
    </div>
  );
}
