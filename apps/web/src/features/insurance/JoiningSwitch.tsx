import { Switch, Text } from '@mantine/core';
import type { ProgramView } from '@remed/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../app/api.ts';
import { insuranceKey } from './api.ts';

/** The insurer lets registered clinics with a signed contract join this program from their cabinet. */
export function JoiningSwitch({ program }: { program: ProgramView }) {
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (clinicsMayJoin: boolean) =>
      api.patch(`/api/insurance/programs/${program.id}/joining`, { clinicsMayJoin }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...insuranceKey, 'programs'] }),
  });
  return (
    <div>
      <Switch
        label="Клиники могут присоединяться сами"
        description="Клиника с подписанным договором и действующим прейскурантом присоединяется в своём кабинете и попадает в подбор клиник пульта"
        checked={change.isPending ? !!change.variables : program.clinicsMayJoin}
        onChange={(e) => change.mutate(e.currentTarget.checked)}
        disabled={change.isPending}
        data-testid="program-joining"
      />
      {change.error && (
        <Text c="red" size="sm" role="alert">
          {isApiError(change.error) ? change.error.message : 'Не удалось сохранить'}
        </Text>
      )}
    </div>
  );
}
