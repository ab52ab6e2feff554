import { useHub, useKioskPrinter } from './hub-context.tsx';
import { useKiosk, type TakeRequest } from './kiosk-store.ts';
import { takeTicket } from './take-ticket.ts';

/** Send a take request now (with an ID-card number or a retry's requestId when there is one). */
export function useSendTake(): (request: TakeRequest, idCard?: string, requestId?: string) => void {
  const connection = useHub((s) => s.connection);
  const printer = useKioskPrinter();
  return (request, idCard, requestId) => void takeTicket(connection, request, { idCard, requestId, printer });
}

/** 取号: straight to the hub, or first the ID-card step when the hall allows one ticket per card. */
export function useTake(): (request: TakeRequest) => void {
  const send = useSendTake();
  const needsIdCard = useKiosk((s) => s.catalogue?.kiosk.oneTicketPerIdCard ?? false);
  return (request) => (needsIdCard ? useKiosk.getState().go({ name: 'id-card', request }) : send(request));
}
