import { Badge } from '@mantine/core';
import {
  CONTRACT_STATUS_LABELS,
  type ContractStatus,
  DOCUMENT_STATUS_LABELS,
  type DocumentStatus,
} from '@remed/core';

const CONTRACT_COLORS: Record<ContractStatus, string> = {
  draft: 'gray',
  sent: 'yellow',
  signed_by_clinic: 'blue',
  signed: 'teal',
  cancelled: 'red',
};

const DOCUMENT_COLORS: Record<DocumentStatus, string> = {
  sent: 'yellow',
  received: 'blue',
  signed: 'teal',
  rejected: 'red',
};

export const ContractStatusBadge = ({ status }: { status: ContractStatus }) => (
  <Badge
    color={CONTRACT_COLORS[status]}
    variant="light"
    data-testid="contract-status"
    style={{ whiteSpace: 'normal', height: 'auto' }}
  >
    {CONTRACT_STATUS_LABELS[status]}
  </Badge>
);

export const DocumentStatusBadge = ({ status }: { status: DocumentStatus }) => (
  <Badge
    color={DOCUMENT_COLORS[status]}
    variant="light"
    data-testid="document-status"
    style={{ flexShrink: 0 }}
  >
    {DOCUMENT_STATUS_LABELS[status]}
  </Badge>
);
