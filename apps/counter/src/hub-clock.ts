/** The hub's clock as this page sees it: shared with the manager console, see @yichuang/client. */
export { followHubClock, hubNow } from '@yichuang/client';
