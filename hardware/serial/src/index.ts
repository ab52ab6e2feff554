export { createSerialDevice, registerSerialProtocol, serialProtocols } from './registry.ts';
export { keypadKeys, SerialDeviceError } from './device-types.ts';
export type {
  CallerKeypad,
  DeviceByKind,
  KeypadKey,
  PadRating,
  RatingPad,
  RatingPrompt,
  ScreenLines,
  SerialDevice,
  SerialDeviceDriver,
  SerialDeviceErrorCode,
  SerialDeviceKind,
  SerialDriverOptions,
  SerialProtocolFactory,
  WindowScreen,
} from './device-types.ts';
export { errorMessage, SerialLink } from './serial-link.ts';
export type {
  BackoffOptions,
  LinkStats,
  LinkStatus,
  SerialLinkOptions,
  SerialPortFactory,
  SerialPortLike,
  StreamDecoder,
} from './serial-link.ts';
export { crc16Modbus, DLE, encodeFrame, ETX, FrameDecoder, hex, MAX_PAYLOAD, STX } from './frame.ts';
export type { DecoderStats, Frame } from './frame.ts';
export {
  CMD,
  decodeGb,
  decodeLines,
  decodeRating,
  encodeGb,
  encodeLines,
  encodeRating,
  keyCode,
  keyFromCode,
  NAK_REASON,
  NO_REASON,
  RATING_TEXT,
  SHOW_FLAG_BLINK,
} from './yichuang-codes.ts';
export { YichuangChannel } from './yichuang-channel.ts';
export type { ChannelOptions, FrameAnswer, FrameHandler } from './yichuang-channel.ts';
export { createYichuangDevice } from './yichuang-drivers.ts';
export { DeviceSimulator, linesText } from './device-simulator.ts';
export type { SimulatorOptions } from './device-simulator.ts';
export { KeypadSimulator, RatingPadSimulator, ScreenSimulator } from './simulators.ts';
export { startPtyPair } from './pty-pair.ts';
export type { PtyPair, PtyPairOptions } from './pty-pair.ts';
export { waitFor, waitForStatus } from './wait-for.ts';
