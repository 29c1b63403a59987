/**
 * The renderer's Content Security Policy. The same policy is in `renderer/index.html` as a meta
 * tag (for the browser bridge) and sent as a response header by the `app://` protocol handler,
 * which also covers `frame-ancestors` (ignored in meta tags). A unit test keeps the two equal.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
