import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { closingSignal, type SimulatedFaults, simulateFaults } from '../simulated-faults.ts';
import { BUNDLED_BANKS, BUNDLED_PARTIES, type DadataSuggestion } from './bundled-records.ts';

/** DaData's default `count` for findById, and its maximum. */
const DEFAULT_COUNT = 10;
const MAX_COUNT = 300;

/**
 * The bundled real records, the records a test registers, and the knobs that make the simulator
 * misbehave. The token is the API key clients must send: none gets HTTP 401 and a wrong one 403, as
 * DaData does, so that a misconfigured key is never mistaken for an unknown ИНН.
 */
export class DadataSimulatorState {
  readonly behaviour: SimulatedFaults = {
    latencyMs: 0,
    failNext: 0,
    timeoutNext: 0,
    hangMs: 10_000,
  };
  /** Requests received, answered or not: tests check that a client did (or did not) call. */
  requests = 0;
  private readonly parties: DadataSuggestion[] = [];
  private readonly banks: DadataSuggestion[] = [];

  constructor(readonly token: string) {}

  /** A party suggestion as DaData sends it; found by `data.inn` or `data.ogrn`. */
  registerParty(suggestion: DadataSuggestion) {
    this.parties.push(suggestion);
  }

  /** A bank suggestion as DaData sends it; found by `data.bic`, `data.swift` or `data.inn`. */
  registerBank(suggestion: DadataSuggestion) {
    this.banks.push(suggestion);
  }

  /** Forgets registered records; the bundled ones stay. */
  clear() {
    this.parties.length = 0;
    this.banks.length = 0;
  }

  findParties(query: string, filters: { kpp?: string; branchType?: string }): DadataSuggestion[] {
    return [...BUNDLED_PARTIES, ...this.parties].filter(
      ({ data: d }) =>
        (d.inn === query || d.ogrn === query) &&
        (filters.kpp === undefined || d.kpp === filters.kpp) &&
        (filters.branchType === undefined || d.branch_type === filters.branchType),
    );
  }

  findBanks(query: string): DadataSuggestion[] {
    return [...BUNDLED_BANKS, ...this.banks].filter(
      ({ data: d }) => d.bic === query || d.swift === query || d.inn === query,
    );
  }
}

const PREFIX = '/sim/dadata/suggestions/api/4_1/rs/findById';

/**
 * The DaData contract (`POST …/findById/party` and `…/findById/bank`, JSON `{ query }`, header
 * `Authorization: Token <key>`) under `/sim/dadata`, so that `dadataDirectory({ baseUrl:
 * '<origin>/sim/dadata' })` talks to it. Like DaData, an unknown identifier is HTTP 200 with no suggestions.
 */
export function dadataSimulatorRoutes(state: DadataSimulatorState): FastifyPluginAsync {
  return async (app) => {
    const closing = closingSignal(app);

    // Hooks added here run for this plugin's routes only.
    app.addHook('onRequest', async (req, reply) => {
      const fault = await simulateFaults(state, closing);
      if (fault === 'stopping') return fail(reply, 503, 'Service Unavailable', 'Сервер останавливается');
      if (fault === 'failed') return fail(reply, 500, 'Internal Server Error', 'Внутренняя ошибка сервера');
      const auth = req.headers.authorization;
      if (!auth?.startsWith('Token ') || auth === 'Token ') {
        return fail(reply, 401, 'Unauthorized', 'Не указан API-ключ');
      }
      if (auth !== `Token ${state.token}`) return fail(reply, 403, 'Forbidden', 'Неверный API-ключ');
    });

    app.post(`${PREFIX}/party`, async (req, reply) => {
      const q = readQuery(req.body);
      if (!q) return fail(reply, 400, 'Bad Request', 'Не указан параметр query');
      const found = state.findParties(q.query, { kpp: q.kpp, branchType: q.branchType });
      return { suggestions: found.slice(0, q.count) };
    });

    app.post(`${PREFIX}/bank`, async (req, reply) => {
      const q = readQuery(req.body);
      if (!q) return fail(reply, 400, 'Bad Request', 'Не указан параметр query');
      return { suggestions: state.findBanks(q.query).slice(0, q.count) };
    });
  };
}

interface Query {
  query: string;
  count: number;
  kpp?: string;
  branchType?: string;
}

/** The request parameters DaData documents for findById; unknown ones are ignored, as DaData does. */
function readQuery(body: unknown): Query | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.query !== 'string' || b.query.trim() === '') return null;
  const count =
    typeof b.count === 'number' && Number.isInteger(b.count) && b.count > 0
      ? Math.min(b.count, MAX_COUNT)
      : DEFAULT_COUNT;
  return {
    query: b.query.trim(),
    count,
    ...(typeof b.kpp === 'string' ? { kpp: b.kpp } : {}),
    ...(typeof b.branch_type === 'string' ? { branchType: b.branch_type } : {}),
  };
}

/** DaData's error body. */
function fail(reply: FastifyReply, status: number, reason: string, message: string) {
  return reply
    .code(status)
    .send({ family: status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR', reason, message });
}
