import { InvalidArgumentError, Option } from 'commander';
import { PARTNER_KINDS, type PartnerKind, partnerKindOf } from '#shared/library/registry.js';

/**
 * `--kind` of `partners add` and `--partner-kind` of `feeds add`: a kind by its name, a unique start
 * of it (`--kind international`) or a word for it (`--kind ministerio`), refused with the list.
 */
export function partnerKindOption(flags: string, description: string): Option {
  const option = new Option(flags, `${description}; a unique start will do`).argParser(
    (value: string): PartnerKind => {
      const kind = partnerKindOf(value);
      if (!kind)
        throw new InvalidArgumentError(
          `"${value}" is no kind of partner: one of ${PARTNER_KINDS.join(', ')}`,
        );
      return kind;
    },
  );
  // Shown in --help and completed by `iaspn completion`; the parser above is what checks a value.
  option.argChoices = [...PARTNER_KINDS];
  return option;
}
