import { useLocalStorage } from '@mantine/hooks';
import type { SessionUser } from '@remed/core';

const CLINIC_KEY = 'remed.clinicId';

/** The clinic a network employee works for right now; remembered on this device between visits. */
export function useCurrentClinic(user: SessionUser) {
  const [stored, setStored] = useLocalStorage<string | null>({
    key: CLINIC_KEY,
    defaultValue: null,
    getInitialValueInEffect: false,
  });
  const current = user.clinics.find((c) => c.id === stored) ?? user.clinics[0] ?? null;
  return { clinic: current, clinics: user.clinics, setClinicId: setStored };
}
