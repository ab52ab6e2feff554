export {
  charWidth,
  columnsForPaper,
  foldText,
  layoutColumns,
  leftRight,
  normalizeText,
  padEndColumns,
  textWidth,
} from './text-width.ts';
export type { FoldOptions } from './text-width.ts';
export { CMD, dleEot, encodeText, EscPosBuilder, qrCommands } from './escpos.ts';
export type { Align, BuilderOptions, QrErrorLevel, QrOptions } from './escpos.ts';
export { decodeEscPos } from './escpos-decode.ts';
export type { DecodedBlock, DecodedPrint } from './escpos-decode.ts';
export { formatChineseDate, formatDateTime } from './datetime.ts';
export { GREEN_REASON_LABELS, numberSize, phoneLines, ticketLayout, waitText } from './ticket-layout.ts';
export type { GreenReason, HallPhones, LayoutOptions, TicketPrint } from './ticket-layout.ts';
export { noticeLayout, noticeTitleLines } from './notice-layout.ts';
export type { NoticePart, NoticePrint } from './notice-layout.ts';
export { acceptanceReceiptLayout, dueDayText, receiptTitle, timeLimitText } from './receipt-layout.ts';
export type { AcceptanceReceiptPrint, ReceiptPart } from './receipt-layout.ts';
export { REFUSAL_REMEDY, refusalNoticeLayout, refusalReasonText, refusalTitle } from './refusal-layout.ts';
export type { RefusalNoticePrint, RefusalPart } from './refusal-layout.ts';
export { chineseDay } from './slip-parts.ts';
export {
  describeStatus,
  dleEotFlags,
  isDleEotReply,
  isFault,
  parseDleEot,
  parsePaperSensor,
  PRINTER_STATUSES,
} from './printer-status.ts';
export type { DleEotFlags, DleEotReplies, PrinterStatus } from './printer-status.ts';
export type { PrinterTransport } from './transports/transport.ts';
export { DEFAULT_TIMEOUT_MS } from './transports/transport.ts';
export { parseTcpUri, TcpTransport } from './transports/tcp.ts';
export type { TcpTransportOptions } from './transports/tcp.ts';
export { parseSerialUri, SerialTransport } from './transports/serial.ts';
export type { SerialPortFactory, SerialPortLike, SerialTransportOptions } from './transports/serial.ts';
export { FileTransport, fileConfinementProblem, parseFileUri } from './transports/file.ts';
export { createTransport } from './transports/create-transport.ts';
export type { CreateTransportOptions } from './transports/create-transport.ts';
export { PrintQueue } from './print-queue.ts';
export type { PrintJob, PrintQueueOptions, PrintResult, StatusListener } from './print-queue.ts';
export { FakePrinter } from './fake-printer.ts';
export type { FakePrinterOptions, FakePrinterState, JobListener } from './fake-printer.ts';
export { renderPreviewHtml, renderPreviewText } from './print-preview.ts';
