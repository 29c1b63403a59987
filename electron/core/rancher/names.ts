import { z } from 'zod';
import { AppFailure } from '../app-failure';

/**
 * The grammars of what Rancher names and issues (rancher-api.md §2.2). Everything a server sends
 * that becomes part of a URL, a keychain account or a map key is checked against these first.
 */

/** The 27 characters of Kubernetes' name generator and wrangler's secrets. */
export const TOKEN_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** Length of a token secret (wrangler `randomtoken`). */
export const SECRET_LENGTH = 54;
/** Kubernetes object names are DNS subdomains of at most 253 characters. */
export const MAX_NAME_LENGTH = 253;

// A DNS subdomain: dot-separated labels of [a-z0-9-], each starting and ending alphanumeric. This
// shuts out `.`, `..`, `/`, `%` and everything else that could rewrite a URL path.
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ISSUED_NAME = new RegExp(`^token-[${TOKEN_ALPHABET}]{5}$`);
const ISSUED_SECRET = new RegExp(`^[${TOKEN_ALPHABET}]{${SECRET_LENGTH}}$`);

/**
 * Whether `name` matches {@link DNS_SUBDOMAIN}, read by character codes: a refresh asks this of the
 * name, user and cluster of every listed token, and the expression's call was most of the check's
 * time (bench/RESULTS.md, "Refresh, fifth pass"). test/unit/core/rancher/names.test.ts compares
 * the two on generated names.
 */
export function isDnsSubdomain(name: string): boolean {
  let labelStart = true;
  let previous = 0;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) labelStart = false;
    else if (code === 45 /* - */) {
      if (labelStart) return false;
    } else if (code === 46 /* . */) {
      if (labelStart || previous === 45) return false;
      labelStart = true;
    } else return false;
    previous = code;
  }
  return !labelStart && previous !== 45;
}

/** A Kubernetes object name (tokens, users, clusters): the only names put into a URL path. */
export function isRancherName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && isDnsSubdomain(name);
}

/** zod: a Rancher object name; anything else fails the item it belongs to. */
export const rancherNameSchema = z
  .string()
  .max(MAX_NAME_LENGTH)
  .refine(isRancherName, 'not a Rancher object name');

/** `token-` + 5 characters of the alphabet: the name Rancher gives an API key it creates. */
export function isIssuedTokenName(name: string): boolean {
  return ISSUED_NAME.test(name);
}

/** 54 characters of the alphabet: the secret Rancher gives a token it creates. */
export function isIssuedSecret(secret: string): boolean {
  return ISSUED_SECRET.test(secret);
}

/**
 * `base/name` for a validated object name. A name outside the grammar never reaches a URL: it is
 * refused here, so `.`, `..` or `ext/.` cannot turn a delete of one token into one of a collection.
 */
export function objectPath(base: string, name: string): string {
  if (!isRancherName(name)) {
    throw new AppFailure(
      'invalid_input',
      'That is not a Rancher object name (lower-case letters, digits, "-" and "."), so it was not sent to the server.',
    );
  }
  return `${base}/${name}`;
}
