import type { CommandName, CommandResult } from '@yichuang/protocol';
import { publicTicketPath, type TicketSecrets } from './ticket-secret.ts';

/**
 * The kiosk that took a ticket gets its public link with the secret (`/t/<id>?s=…`) for the on-screen QR
 * code: added to the `ticket:take` (and 线上取号) answer only, never to a TicketView (displays see those).
 */
export function withTicketLink<C extends CommandName>(
  secrets: TicketSecrets,
  name: C,
  result: CommandResult<C>,
): CommandResult<C> {
  if (name !== 'ticket:take' && name !== 'ticket:take-remote') return result;
  const ticket = result as CommandResult<'ticket:take'>;
  return { ...ticket, link: publicTicketPath(ticket.id, secrets.of(ticket.id)) } as CommandResult<C>;
}
