import { CONSENT_TEXTS } from '@remed/core';

type Kind = keyof typeof CONSENT_TEXTS;

/** The texts of the consents with their versions, as the person accepts them. */
export function consentTexts() {
  return (Object.entries(CONSENT_TEXTS) as [Kind, (typeof CONSENT_TEXTS)[Kind]][]).map(([kind, c]) => ({
    kind,
    ...c,
  }));
}
