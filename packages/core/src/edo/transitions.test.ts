import { describe, expect, it } from 'vitest';
import {
  CONTRACT_ACTIONS,
  CONTRACT_STATUSES,
  type ContractAction,
  type ContractStatus,
  contractActions,
  contractNext,
  DOCUMENT_ACTIONS,
  DOCUMENT_STATUSES,
  type DocumentAction,
  type DocumentStatus,
  documentActions,
  documentNext,
  type Side,
} from './transitions.ts';

/** Every allowed move, written out; everything else must be refused. */
const CONTRACT_ALLOWED: [ContractStatus, ContractAction, Side, ContractStatus][] = [
  ['draft', 'send', 'service', 'sent'],
  ['draft', 'regenerate', 'service', 'draft'],
  ['draft', 'cancel', 'service', 'cancelled'],
  ['sent', 'regenerate', 'service', 'sent'],
  ['sent', 'cancel', 'service', 'cancelled'],
  ['sent', 'sign', 'clinic', 'signed_by_clinic'],
  ['signed_by_clinic', 'sign', 'service', 'signed'],
];

const DOCUMENT_ALLOWED: [DocumentStatus, DocumentAction, 'sender' | 'recipient', DocumentStatus][] = [
  ['sent', 'receive', 'recipient', 'received'],
  ['sent', 'sign', 'recipient', 'signed'],
  ['sent', 'reject', 'recipient', 'rejected'],
  ['received', 'sign', 'recipient', 'signed'],
  ['received', 'reject', 'recipient', 'rejected'],
];

interface Machine<S extends string, A extends string, P extends string> {
  statuses: readonly S[];
  actions: readonly A[];
  parties: readonly P[];
  allowed: [S, A, P, S][];
  next: (from: S, action: A, party: P) => S | null;
}

/**
 * Declares the tests every transition table shares: each allowed move leads where the table says, and a walk
 * over every status, action and party refuses whatever the table does not name.
 */
function itFollowsItsTable<S extends string, A extends string, P extends string>(
  { statuses, actions, parties, allowed, next }: Machine<S, A, P>,
  refusalTitle: string,
) {
  it.each(allowed)('%s --%s by %s--> %s', (from, action, party, to) => {
    expect(next(from, action, party)).toBe(to);
  });

  it(refusalTitle, () => {
    for (const from of statuses)
      for (const action of actions)
        for (const party of parties) {
          const listed = allowed.find((t) => t[0] === from && t[1] === action && t[2] === party);
          if (!listed) expect(next(from, action, party), `${from} ${action} ${party}`).toBeNull();
        }
  });
}

describe('contract transitions', () => {
  itFollowsItsTable(
    {
      statuses: CONTRACT_STATUSES,
      actions: CONTRACT_ACTIONS,
      parties: ['service', 'clinic'],
      allowed: CONTRACT_ALLOWED,
      next: contractNext,
    },
    'refuses every other combination',
  );

  it('a signed or cancelled contract allows nothing to anyone', () => {
    for (const s of ['signed', 'cancelled'] as const) {
      expect(contractActions(s, 'service')).toEqual([]);
      expect(contractActions(s, 'clinic')).toEqual([]);
    }
  });

  it('the clinic signs first and the service countersigns', () => {
    expect(contractActions('sent', 'clinic')).toEqual(['sign']);
    expect(contractActions('sent', 'service')).toEqual(['regenerate', 'cancel']);
    expect(contractActions('signed_by_clinic', 'clinic')).toEqual([]);
    expect(contractActions('signed_by_clinic', 'service')).toEqual(['sign']);
    expect(contractActions('draft', 'clinic')).toEqual([]);
  });
});

describe('document transitions', () => {
  itFollowsItsTable(
    {
      statuses: DOCUMENT_STATUSES,
      actions: DOCUMENT_ACTIONS,
      parties: ['sender', 'recipient'],
      allowed: DOCUMENT_ALLOWED,
      next: documentNext,
    },
    'refuses every other combination, and the sender never answers its own document',
  );

  it('offers sign and reject to the recipient only while the document is open', () => {
    expect(documentActions('received', 'recipient')).toEqual(['sign', 'reject']);
    expect(documentActions('received', 'sender')).toEqual([]);
    expect(documentActions('signed', 'recipient')).toEqual([]);
    expect(documentActions('rejected', 'recipient')).toEqual([]);
  });
});
