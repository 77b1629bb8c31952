import banks from './records/banks.json' with { type: 'json' };
import parties from './records/parties.json' with { type: 'json' };

/** One element of DaData's `suggestions`, kept as DaData sent it so the simulator can serve it verbatim. */
export interface DadataSuggestion {
  value: string;
  unrestricted_value: string;
  data: Record<string, unknown>;
}

/**
 * Real public records for the demo and the tests, copied unchanged from DaData's own answers
 * (reference/dadata): ПАО Сбербанк by ИНН 7707083893, which DaData answers with the head office
 * and its Байкальский банк branch, and the banks of БИК 044525225 (head office) and 042520607 (that
 * branch). The phones and e-mails in the party records are DaData's placeholders, not Sberbank's.
 */
export const BUNDLED_PARTIES: readonly DadataSuggestion[] = parties.suggestions;
export const BUNDLED_BANKS: readonly DadataSuggestion[] = banks.suggestions;
