/**
 * The bytes a request carried. A fetch `Request` cannot hold a body for GET or HEAD, yet clients
 * send and sign one (Huawei's SDKs have signed `{}` with a GET), and a gateway hashes what it
 * received. `startLoopbackServer` therefore hands such a body to the handlers in a header of its
 * own, which only this module reads.
 */
export const LOOPBACK_BODY_HEADER = 'x-crosstune-loopback-body';

export async function requestBody(request: Request): Promise<string> {
  const carried = request.headers.get(LOOPBACK_BODY_HEADER);
  if (carried !== null) return Buffer.from(carried, 'base64').toString('utf8');
  return request.clone().text();
}
