/**
 * The local page shown while the hub cannot be reached. The main process owns the retry timer
 * and passes the attempt and delay in the query; this page only counts down, so it works with no
 * network and no bridge at all.
 */
import { OFFLINE_TEXT, fill, type Bilingual } from '../desktop-strings.ts';

function bilingual(el: Element, text: Bilingual): void {
  el.replaceChildren();
  const zh = document.createElement('span');
  zh.className = 'zh';
  zh.textContent = text.zh;
  const en = document.createElement('span');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = text.en;
  el.append(zh, en);
}

const params = new URLSearchParams(window.location.search);
const attempt = Number(params.get('attempt') ?? '1') || 1;
const retryInMs = Math.max(0, Number(params.get('retryInMs') ?? '0') || 0);
const reason = (params.get('reason') ?? '').slice(0, 40);

for (const el of document.querySelectorAll('[data-text]')) {
  const key = el.getAttribute('data-text') as keyof typeof OFFLINE_TEXT;
  if (key in OFFLINE_TEXT) bilingual(el, OFFLINE_TEXT[key]);
}

const countdown = document.getElementById('countdown');
const footer = document.getElementById('footer');
if (footer) {
  const a = OFFLINE_TEXT.attempt;
  footer.textContent = `${fill(a.zh, { n: attempt })} · ${fill(a.en, { n: attempt })}${reason ? ` · ${reason}` : ''}`;
}

const deadline = Date.now() + retryInMs;
function tick(): void {
  if (!countdown) return;
  const left = Math.ceil((deadline - Date.now()) / 1000);
  if (left > 0) {
    const c = OFFLINE_TEXT.countdown;
    bilingual(countdown, { zh: fill(c.zh, { s: left }), en: fill(c.en, { s: left }) });
    window.setTimeout(tick, 250);
  } else {
    bilingual(countdown, OFFLINE_TEXT.retrying);
  }
}
tick();
