import { Divider, Stack } from '@mantine/core';
import type { Role } from '@remed/core';
import { Fragment, type ReactNode } from 'react';
import { InsuredHome } from '../../features/insured/InsuredHome.tsx';
import { userRoles } from '../navigation.ts';
import { useUser } from '../session.tsx';
import { AdminHome } from './AdminHome.tsx';
import { ClinicHome } from './ClinicHome.tsx';
import { DoctorHome, InsurerHome, OmsHome, PolicyholderHome } from './RoleHomes.tsx';

const HOMES: Record<Role, () => ReactNode> = {
  admin: AdminHome,
  console_doctor: DoctorHome,
  clinic_user: ClinicHome,
  insurer_user: InsurerHome,
  policyholder_user: PolicyholderHome,
  insured: InsuredHome,
  oms_rep: OmsHome,
};

/** A person with several roles sees each cabinet in turn, in the fixed order of roles. */
export function HomePage() {
  const user = useUser();
  return (
    <Stack gap="xl">
      {userRoles(user).map((role, i) => {
        const Home = HOMES[role];
        return (
          <Fragment key={role}>
            {i > 0 && <Divider />}
            <Home />
          </Fragment>
        );
      })}
    </Stack>
  );
}
