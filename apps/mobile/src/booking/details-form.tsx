import { useState, type ReactElement } from 'react';
import { isValidIdCard, mobilePhoneSchema, normalizeIdCard } from '@yichuang/protocol';
import { useLang } from '../lang.ts';
import { mt, type MobileKey } from '../mobile-strings.ts';

export interface Details {
  name: string;
  phone: string;
  /** '' when not given. */
  idCard: string;
}

/** What is wrong with each field, checked as the hub checks it (the same rules, from the protocol). */
export function detailsProblems(d: Details): Partial<Record<keyof Details, MobileKey>> {
  const out: Partial<Record<keyof Details, MobileKey>> = {};
  const name = d.name.trim();
  if (name.length < 1 || name.length > 20) out.name = 'book.nameInvalid';
  if (!mobilePhoneSchema.safeParse(d.phone).success) out.phone = 'book.phoneInvalid';
  if (d.idCard.trim() !== '' && !isValidIdCard(d.idCard)) out.idCard = 'book.idInvalid';
  return out;
}

/** Name, mobile number and the optional ID number; a field's problem shows under it once tried. */
export function DetailsForm(p: { initial: Details; onDone: (d: Details) => void }): ReactElement {
  const lang = useLang();
  const [d, setD] = useState<Details>(p.initial);
  const [tried, setTried] = useState(false);
  const problems = detailsProblems(d);
  const show = (k: keyof Details): ReactElement | null =>
    tried && problems[k] !== undefined ? (
      <span className="m-field__error" role="alert" data-testid={`m-error-${k.toLowerCase()}`}>
        {mt(lang, problems[k])}
      </span>
    ) : null;
  return (
    <form
      className="m-card m-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (Object.keys(problems).length === 0)
          p.onDone({ name: d.name.trim(), phone: d.phone, idCard: normalizeIdCard(d.idCard) });
      }}
    >
      <label className="m-field">
        <span>{mt(lang, 'book.name')}</span>
        <input
          data-testid="m-input-name"
          aria-invalid={tried && problems.name !== undefined}
          autoComplete="name"
          maxLength={20}
          value={d.name}
          onChange={(e) => setD({ ...d, name: e.target.value })}
        />
        {show('name')}
      </label>
      <label className="m-field">
        <span>{mt(lang, 'book.phone')}</span>
        <input
          data-testid="m-input-phone"
          aria-invalid={tried && problems.phone !== undefined}
          type="tel"
          inputMode="numeric"
          autoComplete="tel"
          maxLength={11}
          value={d.phone}
          onChange={(e) => setD({ ...d, phone: e.target.value.replace(/\D/g, '') })}
        />
        {show('phone')}
      </label>
      <label className="m-field">
        <span>{mt(lang, 'book.idCard')}</span>
        <input
          data-testid="m-input-idcard"
          aria-invalid={tried && problems.idCard !== undefined}
          autoComplete="off"
          maxLength={18}
          value={d.idCard}
          placeholder={mt(lang, 'book.idCardHint')}
          onChange={(e) => setD({ ...d, idCard: e.target.value.replace(/[^\dXx]/g, '').toUpperCase() })}
        />
        {show('idCard')}
      </label>
      <p className="m-muted m-small">{mt(lang, 'book.privacy')}</p>
      <button type="submit" className="m-btn m-btn--primary" data-testid="m-details-next">
        {mt(lang, 'book.next')}
      </button>
    </form>
  );
}
