/** What the fakes' raw-call helpers hand back: the answer as sent, and its body parsed. */
export interface CallResult<T> {
  status: number;
  headers: Headers;
  text: string;
  json: T;
}

/** Reads an answer; an empty body parses as undefined. */
export async function callResult<T>(response: Response): Promise<CallResult<T>> {
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}
