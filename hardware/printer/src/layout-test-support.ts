import { expect } from 'vitest';
import type { DecodedPrint } from './escpos-decode.ts';

/** Test helper: every printed line fits the paper (2 columns per CJK character, doubled at double width). */
export function expectFitsPaper(decoded: DecodedPrint, columns: number): void {
  decoded.lines.forEach((line, i) => {
    expect(decoded.lineColumns[i], `line ${i} "${line}" is wider than ${columns} columns`).toBeLessThanOrEqual(columns);
  });
}
