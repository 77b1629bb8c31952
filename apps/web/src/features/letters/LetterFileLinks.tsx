import { Button } from '@mantine/core';
import { letterJsonUrl, letterPdfUrl } from './api.ts';

/** The letter's files for staff: the PDF opens in a new tab, the JSON export downloads. */
export function LetterFileLinks({ letterId }: { letterId: string }) {
  return (
    <>
      <Button component="a" href={letterPdfUrl(letterId)} target="_blank" size="compact-sm" variant="light">
        PDF
      </Button>
      <Button component="a" href={letterJsonUrl(letterId)} download size="compact-sm" variant="light">
        JSON
      </Button>
    </>
  );
}
