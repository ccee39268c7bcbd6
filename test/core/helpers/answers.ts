/** A scripted endpoint for execute's tests: msw answers POSTs to one URL from a list, in turn. */
import { http } from 'msw';
import type { SetupServer } from 'msw/node';

/**
 * `sequence(...answers)` answers the next request with the next answer (the last one repeats)
 * and returns a function counting the requests so far.
 */
export function answersInTurn(server: SetupServer, url: string) {
  return (...answers: Array<() => Response>) => {
    let n = 0;
    server.use(http.post(url, () => (answers[Math.min(n++, answers.length - 1)] as () => Response)()));
    return () => n;
  };
}
