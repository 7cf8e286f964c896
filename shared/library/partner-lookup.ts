import { closest, resolveValue } from '../filters/values.js';
import type { Store } from '../store/store.js';
import { findPartner, listPartners, type Partner, RegistryError } from './registry.js';

/**
 * A partner as an admin names it on the command line: its id or name exactly, else (`loose`) as the
 * filter language's `partner:` reads it (words of its name, initials, a close spelling: "MIDIS Perú"
 * is midis-pe), when that names one partner only. What names none is refused with the closest ids,
 * so that a destructive command, which takes only exact names, still says what was meant.
 */
export async function partnerNamed(
  store: Store,
  typed: string,
  options: { loose?: boolean } = {},
): Promise<Partner> {
  const exact = await findPartner(store, typed);
  if (exact) return exact;
  const all = await listPartners(store);
  const names = new Map(all.map((p) => [p.id, p.name]));
  const resolved = resolveValue('partners', typed, names);
  if (options.loose && resolved.ok && resolved.values.length === 1)
    return all.find((p) => p.id === resolved.values[0])!;
  const near = resolved.ok ? resolved.values : closest('partners', typed, names);
  throw new RegistryError(
    'partner_not_found',
    `No partner ${typed}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`,
  );
}

/**
 * The partners, other than `exceptId`, that a name also reads as (`MIDIS Perú` reads as midis-pe): a
 * partner just created from that name may be one of them under another id.
 */
export async function partnersAlsoNamed(store: Store, typed: string, exceptId: string): Promise<Partner[]> {
  const others = (await listPartners(store)).filter((p) => p.id !== exceptId);
  const names = new Map(others.map((p) => [p.id, p.name]));
  const resolved = resolveValue('partners', typed, names);
  const ids = resolved.ok ? resolved.values : closest('partners', typed, names);
  return others.filter((p) => ids.includes(p.id));
}
