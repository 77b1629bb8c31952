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

describe('contract transitions', () => {
  it.each(CONTRACT_ALLOWED)('%s --%s by %s--> %s', (from, action, side, to) => {
    expect(contractNext(from, action, side)).toBe(to);
  });

  it('refuses every other combination', () => {
    for (const from of CONTRACT_STATUSES)
      for (const action of CONTRACT_ACTIONS)
        for (const side of ['service', 'clinic'] as const) {
          const allowed = CONTRACT_ALLOWED.find((t) => t[0] === from && t[1] === action && t[2] === side);
          if (!allowed) expect(contractNext(from, action, side), `${from} ${action} ${side}`).toBeNull();
        }
  });

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
  it.each(DOCUMENT_ALLOWED)('%s --%s by %s--> %s', (from, action, role, to) => {
    expect(documentNext(from, action, role)).toBe(to);
  });

  it('refuses every other combination, and the sender never answers its own document', () => {
    for (const from of DOCUMENT_STATUSES)
      for (const action of DOCUMENT_ACTIONS)
        for (const role of ['sender', 'recipient'] as const) {
          const allowed = DOCUMENT_ALLOWED.find((t) => t[0] === from && t[1] === action && t[2] === role);
          if (!allowed) expect(documentNext(from, action, role), `${from} ${action} ${role}`).toBeNull();
        }
  });

  it('offers sign and reject to the recipient only while the document is open', () => {
    expect(documentActions('received', 'recipient')).toEqual(['sign', 'reject']);
    expect(documentActions('received', 'sender')).toEqual([]);
    expect(documentActions('signed', 'recipient')).toEqual([]);
    expect(documentActions('rejected', 'recipient')).toEqual([]);
  });
});
