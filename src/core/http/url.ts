/**
 * RFC 3986 percent-encoding: unreserved characters stay, everything else is %XX with upper-case
 * hex — encodeURIComponent plus `!'()*`. Both Alibaba's and Huawei's signers canonicalize paths
 * and queries this way, so requests are sent in this form: what is sent is what was signed.
 */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
