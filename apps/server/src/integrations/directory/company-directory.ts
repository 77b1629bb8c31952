/** Registry states DaData reports for organisations and banks, in our own spelling. */
export type OrganisationStatus = 'active' | 'liquidating' | 'liquidated' | 'bankrupt' | 'reorganizing';

/** An organisation or a sole trader as the clinic registration form fills it in. */
export interface Party {
  inn: string;
  /** Of the head office; sole traders have none. */
  kpp: string | null;
  /** ОГРН, or ОГРНИП for a sole trader. */
  ogrn: string | null;
  /** Full name with the legal form, as written in contracts: ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ". */
  name: string;
  /** Short name with the legal form: ПАО СБЕРБАНК. */
  shortName: string;
  /** Registered address with the postal code. */
  address: string | null;
  /** Who signs for it: the head of a company, the sole trader himself. */
  head: { name: string; post: string } | null;
  status: OrganisationStatus;
  type: 'legal' | 'individual';
}

export interface Bank {
  bik: string;
  /** The name for payment documents. */
  name: string;
  correspondentAccount: string | null;
  address: string | null;
  status: OrganisationStatus;
}

type Unavailable = {
  /** The directory is down, slow, refused our key or answered nonsense: it says nothing about the ИНН or БИК. */
  kind: 'unavailable';
  message: string;
};

export type PartyLookup =
  | { kind: 'found'; party: Party }
  /** The identifier is malformed or the directory knows nobody by it. */
  | { kind: 'not_found' }
  | Unavailable;

export type BankLookup = { kind: 'found'; bank: Bank } | { kind: 'not_found' } | Unavailable;

/**
 * Company and bank requisites by ИНН and БИК: DaData in production, a local simulator speaking the same
 * HTTP contract in demo and tests. Implementations never throw for a slow or failing directory: they
 * answer `unavailable`, and the form lets the user type the requisites by hand.
 */
export interface CompanyDirectory {
  findParty(inn: string): Promise<PartyLookup>;
  findBank(bik: string): Promise<BankLookup>;
}
