import { InvalidArgumentError } from 'commander';

/**
 * `--country` of `partners add` and `feeds add`: an ISO code or a country's name in any of the four
 * languages (`CL`, `cl`, `Chile`, `Perú`, `Brésil`), as the filter language's `country:` reads it;
 * refused with the closest countries. The filter tables load only when a country is given.
 */
export async function countryCodes(typed: readonly string[] = []): Promise<string[]> {
  if (typed.length === 0) return [];
  const { resolveValue } = await import('#shared/filters/values.js');
  return typed.map((value) => {
    const resolved = resolveValue('countries', value);
    if (resolved.ok && resolved.values.length === 1) return resolved.values[0]!;
    const near = resolved.ok ? resolved.values : resolved.suggestions;
    throw new InvalidArgumentError(
      `unknown country ${value}${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`,
    );
  });
}
