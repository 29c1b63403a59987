import type { Json } from './json';
import { goMapJson, goStructJson } from './json';
import type { SimReply } from './http-types';

/** Headers every Rancher response carries (§1.2). */
export function commonHeaders(authenticated: boolean): Record<string, string> {
  return {
    'Cache-Control': 'no-cache, no-store, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
    'X-API-Cattle-Auth': authenticated ? 'true' : 'false',
  };
}

/** A JSON reply; `sorted` picks the Go-map (Norman) or Go-struct (kube, Steve) key order. */
export function jsonReply(
  status: number,
  body: Json,
  opts: { sorted?: boolean; headers?: Record<string, string | string[]> } = {},
): SimReply {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...opts.headers },
    body: opts.sorted === false ? goStructJson(body) : goMapJson(body),
  };
}

/**
 * The auth filter's answer to every authentication failure; `status` is a string (§1.4, §10.2).
 * Written in this key order by `ReturnHTTPError`.
 */
export function unauthorizedReply(): SimReply {
  return {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
    body: '{"type":"error","status":"401","message":"Unauthorized 401: must authenticate"}\n',
  };
}

/** Norman error body `{baseType,code,message,status,type}` (N:httperror, §1.4). */
export function normanErrorBody(status: number, code: string, message: string): Json {
  return { baseType: 'error', code, message, status, type: 'error' };
}

/** `ReturnAPIError` body used by the 2.13+ login handlers (§1.4); `message` omitted when empty. */
export function apiErrorReply(status: number, code: string, message: string): SimReply {
  const body: Json = {
    code,
    status,
    message: message || undefined,
    type: 'error',
    baseType: 'error',
  };
  return jsonReply(status, body, { sorted: false });
}

/** Steve error body (A:pkg/handlers/error.go, §1.4). */
export function steveErrorReply(status: number, code: string, message: string): SimReply {
  return jsonReply(status, { type: 'error', links: {}, code, message, status }, { sorted: false });
}

/** A Kubernetes `Status` failure (§1.4). */
export function kubeStatusReply(
  code: number,
  reason: string,
  message: string,
  details: Json = {},
): SimReply {
  return jsonReply(
    code,
    {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      details,
      code,
    },
    { sorted: false },
  );
}

/** Go's `http.NotFound`: what a path no handler claims gets. */
export function goNotFoundReply(): SimReply {
  return {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: '404 page not found\n',
  };
}

/** Maps a JS value to the JSON type name Go's decoder reports (`cannot unmarshal string …`). */
export function goJsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}
