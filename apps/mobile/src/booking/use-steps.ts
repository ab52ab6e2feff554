import { useEffect, useRef, useState } from 'react';

/**
 * The steps of a flow on one address, each a history entry: the phone's back button (or gesture)
 * goes back one step, as an elderly citizen expects, rather than out of the flow and its answers.
 */
export function useSteps<S>(first: S): [S, (next: S) => void] {
  const [step, setStep] = useState<S>(first);
  const trail = useRef<S[]>([first]);
  useEffect(() => {
    const onPop = (): void => {
      if (trail.current.length <= 1) return;
      trail.current.pop();
      setStep(trail.current[trail.current.length - 1]!);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = (next: S): void => {
    trail.current.push(next);
    window.history.pushState({ step: trail.current.length }, '', window.location.href);
    window.scrollTo(0, 0);
    setStep(next);
  };
  return [step, go];
}
