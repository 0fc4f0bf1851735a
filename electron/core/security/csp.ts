/**
 * The one Content-Security-Policy, sent as a header by the Electron session and by web mode. renderer/index.html
 * repeats it in a <meta> (minus frame-ancestors, which browsers ignore there); a test keeps the two equal.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
