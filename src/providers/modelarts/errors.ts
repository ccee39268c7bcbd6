/**
 * ModelArts' error answers for the shared mapper: the service's `{error_code, error_msg,
 * error_solution}`, the API gateway's `{error_code: "APIG.xxxx", error_msg, request_id}`, and
 * `{error: {code, message}}`, which other Huawei services send (IAM among them). The code decides
 * before the status does: a missing training job is HTTP 400 `ModelArts.2775`, not 404.
 */
import { isObject } from '../../core/fields.js';
import { type CloudErrors, codes, text } from '../../core/http/error-mapper.js';

export const MODELARTS_ERRORS: CloudErrors = {
  requestIdHeaders: ['x-request-id'],
  read(_response, body) {
    const iam = isObject(body?.error) ? body.error : undefined;
    const said = text(body?.error_msg) ?? text(iam?.message);
    const solution = text(body?.error_solution);
    return {
      code: text(body?.error_code) ?? (typeof iam?.code === 'number' ? String(iam.code) : text(iam?.code)),
      message: solution ? `${said ?? 'no message'} (${solution})` : said,
      requestId: text(body?.request_id),
    };
  },
  codes: Object.fromEntries([
    ...codes('not-found', ['ModelArts.2775', 'ModelArts.0102']),
    // No such API (a wrong path, method or host): the call is wrong, not the resource missing.
    ...codes('validation', ['APIG.0101', 'APIGW.0101', 'ModelArts.2836']),
    // The token's project is not the URL's: a permission problem, though sent as HTTP 404.
    ...codes('permission', ['ModelArts.2786', 'ModelArts.0210']),
    ...codes('throttling', ['APIG.0308', 'APIGW.0308', 'ModelArts.2799', 'ModelArts.4206', 'ModelArts.6101']),
    ...codes('authentication', [
      'APIG.0301',
      'APIGW.0301',
      'APIG.0307',
      'ModelArts.0201',
      'ModelArts.0202',
      'ModelArts.0203',
      'ModelArts.0204',
      'ModelArts.0205',
      'ModelArts.0206',
      'ModelArts.0207',
      'ModelArts.0208',
      'ModelArts.0212',
      'ModelArts.2784',
    ]),
    ...codes('conflict', ['ModelArts.2751', 'ModelArts.2796']),
    ...codes('quota', ['ModelArts.2815', 'ModelArts.0118']),
    // "The job's status changed, try again later."
    ...codes('transient', ['ModelArts.2878']),
  ]),
};
