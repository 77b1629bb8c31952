import type { FastifyContextConfig } from 'fastify';
import type { ZodType } from 'zod';
import { errorResponses } from './schemas.ts';

interface EndpointSchemas {
  params?: ZodType;
  querystring?: ZodType;
  body?: ZodType;
  headers?: ZodType;
  consumes?: string[];
  description?: string;
  response?: Record<number, ZodType>;
}

type EndpointSchema<S extends EndpointSchemas> = Omit<S, 'response'> & {
  tags: string[];
  summary: string;
} & (S extends { response: infer R } ? { response: typeof errorResponses & R } : unknown);

/**
 * A route's options: who may call it, how the OpenAPI document lists it, and its schemas.
 * A route with a JSON answer declares its successes (and any error status beyond the usual
 * ones) in `response` and answers errors in the one shape of `errorResponses`; a file
 * download declares no response, so that nothing tries to serialise the file as JSON.
 */
export function endpoint<const S extends EndpointSchemas>(
  config: FastifyContextConfig,
  tags: readonly string[],
  summary: string,
  schemas: S,
): { config: FastifyContextConfig; schema: EndpointSchema<S> } {
  const { response, ...rest } = schemas;
  const schema = { tags: [...tags], summary, ...rest };
  return {
    config,
    schema: (response
      ? { ...schema, response: { ...errorResponses, ...response } }
      : schema) as EndpointSchema<S>,
  };
}
