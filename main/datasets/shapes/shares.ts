/** Dividing a sample size over strata fairly: equal shares, capped by what each stratum holds. */

/**
 * Splits `total` over strata with the given capacities: every stratum gets an equal share, a
 * stratum too small for its share gives the rest to the others, and a remainder goes to the
 * earliest strata. Throws when the capacities cannot hold `total`.
 */
export function cappedShares(total: number, capacities: readonly number[]): number[] {
  const given = capacities.map(() => 0);
  let remaining = total;
  while (remaining > 0) {
    const open = capacities.flatMap((capacity, i) => (given[i]! < capacity ? [i] : []));
    if (open.length === 0) throw new RangeError(`cannot place ${total} items: only ${total - remaining} fit`);
    const share = Math.floor(remaining / open.length);
    let extra = remaining - share * open.length;
    for (const i of open) {
      const wanted = share + (extra > 0 ? 1 : 0);
      const take = Math.min(wanted, capacities[i]! - given[i]!);
      if (wanted > share) extra--;
      given[i]! += take;
      remaining -= take;
    }
  }
  return given;
}
