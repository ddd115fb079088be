/** Parsers for option values; commander reports their errors as one line. */
import { InvalidArgumentError } from 'commander';

/** An integer in [min, max]. */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(`expected an integer from ${min} to ${max}.`);
    }
    return n;
  };
}

/** A TCP port; 0 picks a free one. */
export const portNumber = integerIn(0, 65_535);
